/**
 * IAM / ARN wildcard matching (`*` any run of characters, `?` exactly one) without regular
 * expressions or backtracking. The glob is cut at its stars into segments; the first is anchored at
 * the start, the last at the end, and each one between is placed at its leftmost match after the
 * previous one. Leftmost placement is always safe (it leaves the most room for what follows), so no
 * choice is ever revisited: the value is scanned once, and the cost is at most its length times
 * the longest segment containing `?` (segments without `?` are found with `indexOf`). A policy such
 * as `a*a*a*a*a*a*a*a*b` therefore costs the same as `a*b`.
 */
import { WILDCARD_LIMITS } from '../config';

/**
 * Whether `value` matches `glob`. Undefined when either is longer than the bound Lambda Lens
 * compares, so a caller treats the answer as unknown instead of guessing.
 */
export function wildcardMatch(glob: string, value: string, ignoreCase: boolean): boolean | undefined {
  if (glob.length > WILDCARD_LIMITS.maxLength || value.length > WILDCARD_LIMITS.maxLength) return undefined;
  const g = ignoreCase ? glob.toLowerCase() : glob;
  const v = ignoreCase ? value.toLowerCase() : value;
  const segments = g.split('*');
  if (segments.length === 1) return g.length === v.length && matchesAt(g, v, 0);
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (first.length + last.length > v.length) return false;
  const end = v.length - last.length;
  if (!matchesAt(first, v, 0) || !matchesAt(last, v, end)) return false;
  let pos = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (segment === '') continue;
    const at = find(segment, v, pos, end);
    if (at < 0) return false;
    pos = at + segment.length;
  }
  return true;
}

/** True when the glob is only stars (matches anything, including the empty string). */
export function isMatchAll(glob: string): boolean {
  for (let i = 0; i < glob.length; i++) if (glob.charCodeAt(i) !== STAR) return false;
  return glob.length > 0;
}

/** True when the text holds a `*` or `?` wildcard. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

const STAR = 42;
const QUESTION = 63;

/** `segment` (no `*`, maybe `?`) matches `value` at offset `at`. */
function matchesAt(segment: string, value: string, at: number): boolean {
  if (at < 0 || at + segment.length > value.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c !== QUESTION && c !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost offset in [from, end - segment.length] where `segment` matches, or -1. */
function find(segment: string, value: string, from: number, end: number): number {
  const lastStart = end - segment.length;
  if (!segment.includes('?')) {
    const at = value.indexOf(segment, from);
    return at >= 0 && at <= lastStart ? at : -1;
  }
  for (let at = from; at <= lastStart; at++) if (matchesAt(segment, value, at)) return at;
  return -1;
}
