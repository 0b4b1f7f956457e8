/**
 * The syntax tree the model is built from: YAML and JSON templates both end up here, with
 * CloudFormation short-form tags (`!Ref`) and long forms (`{ "Ref": ... }`, `Fn::*`) as the same
 * intrinsic node. Ranges are character offsets into the document text; LSP positions are made at the edge.
 */

/** Half-open character range `[start, end)` into the document text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** `r` moved by `d` characters, as a range of its own. */
export function offsetRange(r: Range, d: number): Range {
  return { start: r.start + d, end: r.end + d };
}

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly range: Range;
}

export interface Pair {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: Node;
}

export interface MapNode {
  readonly kind: 'map';
  readonly pairs: readonly Pair[];
  readonly range: Range;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly Node[];
  readonly range: Range;
}

/** Every intrinsic function CloudFormation defines, in its long-form name. */
export const INTRINSICS = [
  'Ref',
  'Condition',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::Transform',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::ForEach',
] as const;
export type IntrinsicName = (typeof INTRINSICS)[number];

export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  readonly fn: IntrinsicName;
  readonly arg: Node;
  readonly range: Range;
  /** Range of the tag (`!Ref`) or key (`Ref`, `Fn::Sub`) naming the function. */
  readonly nameRange: Range;
}

export type Node = ScalarNode | MapNode | SeqNode | IntrinsicNode;

/** Every pseudo parameter CloudFormation defines (`!Ref AWS::Region`, `${AWS::AccountId}`). */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

const INTRINSIC_SET: ReadonlySet<string> = new Set(INTRINSICS);
const PSEUDO_SET: ReadonlySet<string> = new Set(PSEUDO_PARAMETERS);

/** True when `name` is a pseudo parameter (`AWS::Region`). */
export function isPseudoParameter(name: string): boolean {
  return PSEUDO_SET.has(name);
}

/** True when `name` is an intrinsic function's long-form name. */
export function isIntrinsicName(name: string): name is IntrinsicName {
  return INTRINSIC_SET.has(name);
}

/** Maps above this many keys get a lookup index (Resources with thousands of entries). */
const INDEX_THRESHOLD = 12;
const indexes = new WeakMap<MapNode, Map<string, Pair>>();

/** The pair for `key` in a map (first occurrence), or undefined. */
export function pairOf(map: MapNode, key: string): Pair | undefined {
  if (map.pairs.length <= INDEX_THRESHOLD) {
    for (const p of map.pairs) if (p.key === key) return p;
    return undefined;
  }
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.pairs) if (!index.has(p.key)) index.set(p.key, p);
    indexes.set(map, index);
  }
  return index.get(key);
}

/** The value for `key` in a map node, or undefined when `node` is not a map or has no such key. */
export function get(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? pairOf(node, key)?.value : undefined;
}

/** Follows a path of keys through nested maps. */
export function getPath(node: Node | undefined, path: readonly string[]): Node | undefined {
  let cur = node;
  for (const k of path) cur = get(cur, k);
  return cur;
}

/** The string value of a scalar node, or undefined. */
export function str(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** True for a scalar with no value (`Key:` with nothing after it, or `null`). */
export function isNull(node: Node | undefined): boolean {
  return node?.kind === 'scalar' && node.value === null;
}

/** Calls `visit` for every node below and including `node`, depth first; return false to skip children. */
export function walk(node: Node, visit: (n: Node) => boolean | void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    switch (n.kind) {
      case 'map':
        for (let i = n.pairs.length - 1; i >= 0; i--) stack.push(n.pairs[i]!.value);
        break;
      case 'seq':
        for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
        break;
      case 'intrinsic':
        stack.push(n.arg);
        break;
      default:
        break;
    }
  }
}
