/**
 * IAM policy documents as data the rules can query: statements with their actions and resources,
 * where each resource is a glob (`arn:aws:s3:::bucket/*`, `*`), a reference to template resources
 * (`!GetAtt Table.Arn`, `!Sub '${Bucket.Arn}/*'`), or unknown. Matching is IAM's: case-insensitive
 * wildcards for actions, case-sensitive wildcards for resources.
 */
import { get, str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { branches, isNoValue, refTarget, resolveStrings } from './resolve';
import { refsIn } from './refs';
import { readSub, refKind, subStringParts } from './sub';
import type { SubPart } from './sub';
import { isMatchAll, wildcardMatch } from './wildcard';

export type ResourcePattern =
  | { readonly kind: 'glob'; readonly glob: string }
  | { readonly kind: 'ref'; readonly ids: readonly string[] }
  | { readonly kind: 'unknown' };

/** One statement; `actions` / `resources` are undefined when they cannot be read statically. */
export interface Statement {
  readonly allow: boolean;
  readonly actions: readonly string[] | undefined;
  /** True for NotAction: the statement covers every action except `actions`. */
  readonly notAction: boolean;
  readonly resources: readonly ResourcePattern[] | undefined;
  readonly notResource: boolean;
  /** True when a Condition limits the statement (an Allow still counts; a Deny does not). */
  readonly conditional: boolean;
  /** Where the statement (or the policy that stands for it) is written. */
  readonly at: Range;
}

/** Markers for pseudo parameters (same value on both sides) and for unknown parts of an ARN. */
const PSEUDO: Readonly<Record<string, string>> = {
  'AWS::Partition': '\u0001p',
  'AWS::Region': '\u0001r',
  'AWS::AccountId': '\u0001a',
  'AWS::URLSuffix': '\u0001u',
  'AWS::StackName': '\u0001s',
  'AWS::StackId': '\u0001i',
};
/** An unknown part of a resource's ARN (a generated name, a random suffix). */
export const HOLE = '\u0002';

interface Parts {
  text: string;
  refs: string[];
}

/**
 * The statements of a policy document node (`{ Statement: [...] }`), or undefined when the document
 * itself is not a readable map (built with an intrinsic, an import).
 */
export function statementsOf(t: Template, doc: Node | undefined): Statement[] | undefined {
  const alts = branches(doc);
  if (doc && alts.length !== 1) return isNoValue(doc) ? [] : undefined;
  const d = alts[0];
  if (d?.kind !== 'map') return undefined;
  const list = get(d, 'Statement');
  if (!list) return [];
  const items = list.kind === 'seq' ? list.items : [list];
  const out: Statement[] = [];
  for (const item of items) {
    if (isNoValue(item)) continue;
    if (item.kind !== 'map') return undefined;
    out.push(statementOf(t, item));
  }
  return out;
}

function statementOf(t: Template, s: Node & { kind: 'map' }): Statement {
  const effect = resolveStrings(t, get(s, 'Effect'));
  const notAction = get(s, 'NotAction') !== undefined;
  const notResource = get(s, 'NotResource') !== undefined;
  const actionNode = notAction ? get(s, 'NotAction') : get(s, 'Action');
  const resourceNode = notResource ? get(s, 'NotResource') : get(s, 'Resource');
  return {
    // An unreadable Effect is treated as Allow: a statement that may allow can only silence a rule.
    allow: effect.length !== 1 || effect[0]!.value !== 'Deny',
    actions: stringList(t, actionNode),
    notAction,
    resources: resourceNode === undefined ? undefined : listItems(resourceNode).flatMap((n) => branches(n)).map((n) => patternOf(t, n)),
    notResource,
    conditional: get(s, 'Condition') !== undefined,
    at: s.range,
  };
}

function listItems(node: Node): Node[] {
  const alts = branches(node);
  return alts.flatMap((n) => (n.kind === 'seq' ? n.items : [n]));
}

function stringList(t: Template, node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const out: string[] = [];
  for (const item of listItems(node)) {
    const v = resolveStrings(t, item);
    if (v.length === 0) return undefined;
    for (const c of v) out.push(c.value);
  }
  return out;
}

/** The resource pattern a Resource entry (or a SAM policy template's ARN) stands for. */
export function patternOf(t: Template, node: Node): ResourcePattern {
  const parts = partsOf(t, node, 0);
  if (!parts) return { kind: 'unknown' };
  if (parts.refs.length > 0) return { kind: 'ref', ids: parts.refs };
  return { kind: 'glob', glob: parts.text };
}

/**
 * A pattern from a string with `${Name}` placeholders (a SAM policy template's ARN), each placeholder
 * standing for a parameter value node from `vars` or a pseudo parameter.
 */
export function patternFromTemplate(t: Template, text: string, vars: ReadonlyMap<string, Node>): ResourcePattern {
  const parts = foldSub(t, subStringParts(text, vars), 0);
  if (!parts) return { kind: 'unknown' };
  return parts.refs.length > 0 ? { kind: 'ref', ids: parts.refs } : { kind: 'glob', glob: parts.text };
}

function partsOf(t: Template, node: Node, depth: number): Parts | undefined {
  if (depth > 6) return undefined;
  if (node.kind === 'scalar') return node.value === null ? undefined : { text: String(node.value), refs: [] };
  if (node.kind !== 'intrinsic') return undefined;
  const target = refTarget(node);
  if (target) {
    if (PSEUDO[target.id]) return { text: PSEUDO[target.id]!, refs: [] };
    if (t.resources.has(target.id)) return { text: HOLE, refs: [target.id] };
  }
  const sub = readSub(t, node);
  if (sub) return foldSub(t, sub.parts, depth + 1);
  if (node.fn === 'Fn::Join' && node.arg.kind === 'seq' && node.arg.items.length === 2) {
    const sep = str(node.arg.items[0]);
    const list = node.arg.items[1];
    if (sep === undefined || list?.kind !== 'seq') return undefined;
    const out: Parts = { text: '', refs: [] };
    for (const [i, item] of list.items.entries()) {
      const p = partsOf(t, item, depth + 1);
      if (!p) return undefined;
      out.text += (i > 0 ? sep : '') + p.text;
      out.refs.push(...p.refs);
    }
    return out;
  }
  const known = resolveStrings(t, node);
  if (known.length === 1) return { text: known[0]!.value, refs: [] };
  // A part derived from a resource (`!Select [6, !Split [':', !GetAtt Proxy.DBProxyArn]]`) points at it.
  const ids = [...new Set(refsIn(t, node).map((e) => e.to).filter((id) => t.resources.has(id)))];
  return ids.length > 0 ? { text: HOLE, refs: ids } : undefined;
}

/** A `!Sub`'s parts as pattern text: pseudo parameters as markers, template resources as HOLEs. */
function foldSub(t: Template, parts: readonly SubPart[], depth: number): Parts | undefined {
  const out: Parts = { text: '', refs: [] };
  for (const part of parts) {
    let p: Parts | undefined;
    if (part.kind === 'literal') p = { text: part.text, refs: [] };
    else if (part.kind === 'variable') p = partsOf(t, part.value, depth + 1);
    else if (part.kind === 'pseudo') p = PSEUDO[part.name] ? { text: PSEUDO[part.name]!, refs: [] } : undefined;
    else if (part.kind === 'ref') {
      const kind = refKind(t, part);
      if (kind === 'resource') p = { text: HOLE, refs: [part.id] };
      else if (kind === 'parameter') {
        const param = t.parameters.get(part.id)!;
        const v = param.type?.startsWith('AWS::SSM::') ? [] : resolveStrings(t, param.default);
        p = v.length === 1 ? { text: v[0]!.value, refs: [] } : undefined;
      }
    }
    if (!p) return undefined;
    out.text += p.text;
    out.refs.push(...p.refs);
  }
  return out;
}

/** Whether a statement's actions cover `action` (NotAction inverted); undefined when unreadable. */
export function actionMatches(s: Statement, action: string): boolean | undefined {
  if (!s.actions) return undefined;
  let hit: boolean | undefined = false;
  for (const a of s.actions) {
    const m = wildcardMatch(a, action, true);
    if (m === true) {
      hit = true;
      break;
    }
    if (m === undefined) hit = undefined;
  }
  if (hit === undefined) return undefined;
  return s.notAction ? !hit : hit;
}

/**
 * Whether the glob of a statement's resource covers ARNs shaped like `arns` (strings with pseudo
 * markers and HOLEs). True only when it covers them whatever the unknown parts are; false when it
 * covers none; undefined when that depends on values the template does not give.
 */
export function globCoversArn(glob: string, arn: string): boolean | undefined {
  if (isMatchAll(glob)) return true;
  const g = glob.split(':');
  const a = arn.split(':');
  // Different literal services can never match.
  if (g[0] === 'arn' && g[2] !== undefined && !/[*?\u0001]/.test(g[2]) && a[2] !== undefined && g[2] !== a[2]) return false;
  // A literal partition, region or account in the policy is taken to be the stack's own.
  for (const i of [1, 3, 4]) {
    if (a[i]?.startsWith('\u0001') && g[i] !== undefined && g[i] !== '' && !/[*?\u0001]/.test(g[i]!)) a[i] = g[i]!;
  }
  const shaped = a.join(':');
  const fill = (s: string, hole: string, pseudo: string) => s.replace(/\u0001(.)/g, `${pseudo}$1`).replaceAll(HOLE, hole);
  const first = wildcardMatch(fill(glob, '', 'pA'), fill(shaped, 'hA', 'pA'), false);
  const second = wildcardMatch(fill(glob, '', 'P:/-'), fill(shaped, 'H:/-.x', 'P:/-'), false);
  if (first === undefined || second === undefined) return undefined;
  if (first && second) return true;
  if (!first && !second && !shaped.includes(HOLE)) return false;
  return undefined;
}
