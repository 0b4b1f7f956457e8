/**
 * Static value resolution (RULES.md conventions): literals, `!Ref` to a Parameter's `Default`, both
 * branches of `!If`, `!FindInMap` over literal Mappings, `!Sub` whose parts are all known (literals,
 * parameter defaults, variables with a known value), `!Join` / `!Select` over known parts. Anything
 * else is unknown: no candidates, and rules stay silent about it. A `!Sub` with unknown parts still
 * has a partial string (`subString`): its known prefix, suffix and text.
 *
 * With a {@link ResolveScope} (a deployed stack) the same resolution runs against what was deployed:
 * `!Ref` and `!Sub` take the stack's parameter values, pseudo parameters and resources' physical
 * ids, and `!If` takes the branch its condition chose.
 */
import { get, pairOf, str } from './ast';
import type { Node, Range } from './ast';
import type { Template } from './model';
import { readSub, refKind } from './sub';

/** One value a property can take, where it was written, and the references it went through. */
export interface Candidate {
  readonly value: string | number | boolean;
  /** Where to report: the literal, or the `!Ref` that brought a parameter default in. */
  readonly at: Range;
  /** Places the value went through (a parameter `Default`), for related information. */
  readonly via: readonly Range[];
}

/** What a deployed stack fixes: parameter values, pseudo parameters and resources' physical ids. */
export interface ResolveScope {
  /** The stack's parameter values; a parameter missing here (NoEcho) is unknown, not its Default. */
  readonly parameters: Readonly<Record<string, string>>;
  /** `AWS::Region`, `AWS::AccountId`, `AWS::StackName`, `AWS::StackId`, `AWS::Partition`, `AWS::URLSuffix`. */
  readonly pseudo: Readonly<Record<string, string>>;
  /** Logical id -> physical id: what `!Ref` of a resource returns. */
  readonly resources: Readonly<Record<string, string>>;
}

/** Above this many candidates (nested `!If` over `!FindInMap`) the value is treated as unknown. */
const MAX_CANDIDATES = 32;

/** The values `node` can statically take; empty when unknown. */
export function resolve(t: Template, node: Node | undefined, scope?: ResolveScope): Candidate[] {
  if (!node) return [];
  const out = resolveInner(t, node, 0, scope);
  return out.length > MAX_CANDIDATES ? [] : out;
}

/** The single known value of `node`, or undefined when unknown or ambiguous. */
export function resolveOne(t: Template, node: Node | undefined, scope?: ResolveScope): Candidate | undefined {
  const c = resolve(t, node, scope);
  return c.length === 1 ? c[0] : undefined;
}

/** Known numeric candidates (numbers and numeric strings). */
export function resolveNumbers(t: Template, node: Node | undefined, scope?: ResolveScope): Array<Candidate & { value: number }> {
  const out: Array<Candidate & { value: number }> = [];
  for (const c of resolve(t, node, scope)) {
    const n = typeof c.value === 'number' ? c.value : typeof c.value === 'string' && c.value.trim() !== '' ? Number(c.value) : NaN;
    if (!Number.isNaN(n)) out.push({ ...c, value: n });
  }
  return out;
}

/** Known string candidates (numbers and booleans as written). */
export function resolveStrings(t: Template, node: Node | undefined, scope?: ResolveScope): Array<Candidate & { value: string }> {
  // Candidates are made for each call: a string one is taken as it is, without a copy.
  return resolve(t, node, scope).map((c) => (typeof c.value === 'string' ? (c as Candidate & { value: string }) : { ...c, value: String(c.value) }));
}

/**
 * The structural alternatives of a node: both branches of `!If` (recursively), without
 * `!Ref AWS::NoValue`. Used to look into maps and lists that sit behind a condition.
 */
export function branches(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.kind === 'intrinsic' && node.fn === 'Fn::If' && node.arg.kind === 'seq' && node.arg.items.length === 3) {
    return [...branches(node.arg.items[1]), ...branches(node.arg.items[2])];
  }
  if (isNoValue(node)) return [];
  return [node];
}

/** True for `!Ref AWS::NoValue`. */
export function isNoValue(node: Node): boolean {
  return node.kind === 'intrinsic' && node.fn === 'Ref' && str(node.arg) === 'AWS::NoValue';
}

/** True when `node` is a literal, a resolvable reference, or a `!Sub` without variables. */
export function isKnown(t: Template, node: Node | undefined): boolean {
  return resolve(t, node).length > 0;
}

function resolveInner(t: Template, node: Node, depth: number, scope?: ResolveScope): Candidate[] {
  if (depth > 8) return [];
  switch (node.kind) {
    case 'scalar':
      return node.value === null ? [] : [{ value: node.value, at: node.range, via: [] }];
    case 'map':
    case 'seq':
      return [];
    case 'intrinsic':
      return resolveIntrinsic(t, node, depth, scope);
  }
}

function resolveIntrinsic(t: Template, node: Extract<Node, { kind: 'intrinsic' }>, depth: number, scope: ResolveScope | undefined): Candidate[] {
  const arg = node.arg;
  const inner = (n: Node): Candidate[] => resolveInner(t, n, depth + 1, scope);
  switch (node.fn) {
    case 'Ref': {
      if (!scope) return parameterValue(t, str(arg) ?? '', node.range, depth);
      const value = scopedRef(scope, str(arg) ?? '');
      return value === undefined ? [] : [{ value, at: node.range, via: [] }];
    }
    case 'Fn::If': {
      if (arg.kind !== 'seq' || arg.items.length !== 3) return [];
      const chosen = scope ? evaluateCondition(t, str(arg.items[0]), scope, depth) : undefined;
      const picks = chosen === undefined ? [1, 2] : [chosen ? 1 : 2];
      return picks.flatMap((i) => {
        const b = arg.items[i]!;
        return isNoValue(b) ? [] : inner(b);
      });
    }
    case 'Fn::FindInMap':
      return findInMap(t, node, depth, scope);
    case 'Fn::Sub': {
      const sub = partial(t, node, depth, scope ? (name) => scope.pseudo[name] : undefined, scope);
      return sub?.value === undefined ? [] : [{ value: sub.value, at: node.range, via: sub.via }];
    }
    case 'Fn::Join': {
      if (arg.kind !== 'seq' || arg.items.length !== 2) return [];
      const sep = str(arg.items[0]);
      const list = arg.items[1];
      if (sep === undefined || list?.kind !== 'seq') return [];
      const parts: string[] = [];
      for (const item of list.items) {
        const c = inner(item);
        if (c.length !== 1) return [];
        parts.push(String(c[0]!.value));
      }
      return [{ value: parts.join(sep), at: node.range, via: [] }];
    }
    case 'Fn::Select': {
      if (arg.kind !== 'seq' || arg.items.length !== 2) return [];
      const idx = inner(arg.items[0]!);
      const list = arg.items[1];
      if (idx.length !== 1 || list?.kind !== 'seq') return [];
      const item = list.items[Number(idx[0]!.value)];
      return item ? inner(item) : [];
    }
    default:
      return [];
  }
}

/** The values of parameter `id` through its Default (SSM parameter types are read at deployment: unknown). */
function parameterValue(t: Template, id: string, at: Range, depth: number): Candidate[] {
  const param = t.parameters.get(id);
  if (!param?.default || param.type?.startsWith('AWS::SSM::')) return [];
  return resolveInner(t, param.default, depth + 1).map((c) => ({ value: c.value, at, via: [c.at, ...c.via] }));
}

function findInMap(t: Template, node: Extract<Node, { kind: 'intrinsic' }>, depth: number, scope: ResolveScope | undefined): Candidate[] {
  const arg = node.arg;
  if (arg.kind !== 'seq' || arg.items.length < 3) return [];
  const inner = (n: Node): Candidate[] => resolveInner(t, n, depth + 1, scope);
  const mapName = inner(arg.items[0]!);
  if (mapName.length !== 1) return [];
  const mapping = t.mappings.get(String(mapName[0]!.value));
  if (!mapping) return [];
  // Each level: a known key selects one entry, an unknown key keeps every entry of that level.
  let level: Node[] = [mapping];
  for (const keyNode of [arg.items[1]!, arg.items[2]!]) {
    const keys = inner(keyNode);
    const next: Node[] = [];
    for (const m of level) {
      if (m.kind !== 'map') continue;
      if (keys.length === 1) {
        const v = pairOf(m, String(keys[0]!.value))?.value;
        if (v) next.push(v);
      } else for (const p of m.pairs) next.push(p.value);
    }
    level = next;
  }
  return level.flatMap((v) => inner(v).map((c) => ({ value: c.value, at: node.range, via: [c.at, ...c.via] })));
}

/** What `!Ref name` is in a deployed stack: a parameter value, a pseudo parameter or a physical id. */
function scopedRef(scope: ResolveScope, name: string): string | undefined {
  return scope.parameters[name] ?? scope.pseudo[name] ?? scope.resources[name];
}

/** A named condition's value in a deployed stack, or undefined when it depends on something unknown. */
function evaluateCondition(t: Template, name: string | undefined, scope: ResolveScope, depth: number): boolean | undefined {
  const node = name === undefined ? undefined : t.conditions.get(name);
  return node && depth <= 8 ? evaluate(t, node, scope, depth + 1) : undefined;
}

function evaluate(t: Template, node: Node, scope: ResolveScope, depth: number): boolean | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'boolean' ? node.value : node.value === 'true' ? true : node.value === 'false' ? false : undefined;
  if (node.kind !== 'intrinsic' || depth > 8) return undefined;
  const items = node.arg.kind === 'seq' ? node.arg.items : [];
  switch (node.fn) {
    case 'Condition':
      return evaluateCondition(t, str(node.arg), scope, depth);
    case 'Fn::Equals': {
      if (items.length !== 2) return undefined;
      const [a, b] = items.map((i) => resolveInner(t, i, depth + 1, scope));
      return a?.length === 1 && b?.length === 1 ? String(a[0]!.value) === String(b[0]!.value) : undefined;
    }
    case 'Fn::Not': {
      const v = items.length === 1 ? evaluate(t, items[0]!, scope, depth + 1) : undefined;
      return v === undefined ? undefined : !v;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const vs = items.map((i) => evaluate(t, i, scope, depth + 1));
      const decisive = node.fn === 'Fn::And' ? false : true;
      if (vs.includes(decisive)) return decisive;
      return vs.includes(undefined) ? undefined : !decisive;
    }
    default:
      return undefined;
  }
}

/** The logical id a `!Ref` / `!GetAtt` points at, with the attribute for GetAtt. */
export function refTarget(node: Node | undefined): { id: string; attr?: string } | undefined {
  if (node?.kind !== 'intrinsic') return undefined;
  if (node.fn === 'Ref') {
    const id = str(node.arg);
    return id ? { id } : undefined;
  }
  if (node.fn === 'Fn::GetAtt') {
    const a = node.arg;
    if (a.kind === 'scalar') {
      const s = str(a);
      const dot = s?.indexOf('.') ?? -1;
      return s && dot > 0 ? { id: s.slice(0, dot), attr: s.slice(dot + 1) } : undefined;
    }
    if (a.kind === 'seq') {
      const id = str(a.items[0]);
      const attr = str(a.items[1]);
      return id ? (attr ? { id, attr } : { id }) : undefined;
    }
  }
  return undefined;
}

/** The value of `key` in a map behind any `!If` branches: every alternative found. */
export function getAll(node: Node | undefined, key: string): Node[] {
  return branches(node).flatMap((b) => branches(get(b, key)));
}

/** DESIGN's partial string: what is known of a `!Sub` whose parts are not all known. */
export interface PartialString {
  /** The whole string, when every part is known. */
  readonly value: string | undefined;
  /** The text before the first unknown part (the whole string when known). */
  readonly prefix: string;
  /** The text after the last unknown part (the whole string when known). */
  readonly suffix: string;
  /** Every known part's text, joined: what the string certainly contains (a lower bound for sizes). */
  readonly known: string;
  /** Parameter Defaults the known parts came from. */
  readonly via: readonly Range[];
}

/**
 * A `!Sub` as far as the template tells: literals, parameter defaults (not SSM parameter types),
 * variables whose value resolves to one string; pseudo parameters through `pseudo` (e.g. the
 * profile's Region), unknown without it. Undefined when `node` is not a `!Sub`.
 */
export function subString(t: Template, node: Node | undefined, pseudo?: (name: string) => string | undefined): PartialString | undefined {
  return node ? partial(t, node, 0, pseudo) : undefined;
}

function partial(t: Template, node: Node, depth: number, pseudo: ((name: string) => string | undefined) | undefined, scope?: ResolveScope): PartialString | undefined {
  const reading = readSub(t, node);
  if (!reading) return undefined;
  let prefix = '';
  let suffix = '';
  let known = '';
  let unknown = false;
  const via: Range[] = [];
  for (const part of reading.parts) {
    let text: string | undefined;
    if (part.kind === 'literal') text = part.text;
    else if (part.kind === 'pseudo') text = pseudo?.(part.name);
    else if (scope && part.kind === 'ref') text = part.attr === undefined ? scopedRef(scope, part.id) : undefined;
    else if (part.kind === 'variable' || (part.kind === 'ref' && refKind(t, part) === 'parameter')) {
      const c = part.kind === 'variable' ? resolveInner(t, part.value, depth + 1, scope) : parameterValue(t, part.id, node.range, depth);
      if (c.length === 1) {
        text = String(c[0]!.value);
        via.push(...c[0]!.via);
      }
    }
    if (text === undefined) {
      unknown = true;
      suffix = '';
      continue;
    }
    known += text;
    if (!unknown) prefix += text;
    suffix += text;
  }
  return { value: unknown ? undefined : known, prefix, suffix, known, via };
}
