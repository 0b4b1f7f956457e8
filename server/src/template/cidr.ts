/**
 * IPv4 and IPv6 CIDR blocks as written in templates (`10.0.1.0/24`, `2600:1f14:abc::/56`): parsing
 * and containment, for rules that compare a security group's CIDR source with the subnets of the
 * functions it should admit. Anything that is not a literal block parses to undefined.
 */

/** A parsed block: its family, first address and prefix length. */
export interface Cidr {
  /** The block as written. */
  readonly text: string;
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly prefix: number;
}

/** Parses `a.b.c.d/n` or an IPv6 block; undefined for anything else (a bad octet, a prefix out of range). */
export function parseCidr(text: string): Cidr | undefined {
  const written = text.trim();
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(written);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const v4 = ipv4(m[1]!);
  if (v4 !== undefined) return prefix <= 32 ? { text: written, family: 4, base: v4, prefix } : undefined;
  const v6 = ipv6(m[1]!);
  return v6 !== undefined && prefix <= 128 ? { text: written, family: 6, base: v6, prefix } : undefined;
}

/** True when every address of `inner` lies in `outer` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const bits = BigInt(outer.family === 4 ? 32 : 128);
  const shift = bits - BigInt(outer.prefix);
  return outer.base >> shift === inner.base >> shift;
}

function ipv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function ipv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.split('::').length > 2) return undefined;
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, undefined];
  const groups = (g: string) => (g === '' ? [] : g.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return undefined;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** True when the two blocks share at least one address (same family). */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
