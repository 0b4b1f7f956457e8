/**
 * The pieces every reader of template text builds the tree of ast.ts with: the `yaml` conversion in
 * parse.ts, the JSON scanner of parseJson.ts and the fast YAML reader of fastYaml.ts. One home, so the
 * three give the same tree for the same text.
 */
import { INTRINSICS, isIntrinsicName } from './ast';
import type { IntrinsicName, MapNode, Node, Pair, ScalarNode } from './ast';
import type { ParseProblem } from './parse';

/** Short-form tag -> long-form intrinsic name (`!GetAtt` -> `Fn::GetAtt`). */
export const TAGS: ReadonlyMap<string, IntrinsicName> = new Map<string, IntrinsicName>(
  INTRINSICS.map((fn) => [`!${fn.startsWith('Fn::') ? fn.slice(4) : fn}`, fn]),
);

/** Comments holding this are kept as directives; all others are dropped at parse time. */
export const DIRECTIVE_MARK = 'lambda-lens';

/**
 * A key given twice in one mapping: CloudFormation uses the last entry (as PyYAML and JSON parsers
 * do), so the tree keeps only that one and each earlier entry becomes a `duplicate-key` problem.
 */
export function lastOfEachKey(pairs: Pair[], problems: ParseProblem[]): Pair[] {
  if (pairs.length < 2 || (pairs.length <= 16 && allDistinct(pairs))) return pairs;
  const last = new Map<string, Pair>();
  for (const p of pairs) if (hasScalarKey(p)) last.set(p.key, p);
  if (last.size === pairs.filter(hasScalarKey).length) return pairs;
  const kept: Pair[] = [];
  for (const p of pairs) {
    const winner = hasScalarKey(p) ? last.get(p.key)! : p;
    if (winner === p) kept.push(p);
    else problems.push({ kind: 'duplicate-key', message: `${p.key} is given again below.`, range: p.keyRange, kept: winner.keyRange });
  }
  return kept;
}

/** `{ "Ref": "X" }` / `{ "Fn::Sub": ... }` (JSON or YAML long form) -> the intrinsic node. */
export function longForm(map: MapNode): Node {
  if (map.pairs.length !== 1) return map;
  const only = map.pairs[0]!;
  if (!isIntrinsicName(only.key)) return map;
  // `Condition` and `Ref` take a string; a single `Condition:` key holding a map is an IAM condition block.
  if ((only.key === 'Condition' || only.key === 'Ref') && only.value.kind !== 'scalar') return map;
  return { kind: 'intrinsic', fn: only.key, arg: only.value, range: map.range, nameRange: only.keyRange };
}

/** True when no two pairs share a key: a pairwise look, cheaper than a Map for the small maps templates are made of. */
function allDistinct(pairs: readonly Pair[]): boolean {
  for (let i = 1; i < pairs.length; i++) {
    const key = pairs[i]!.key;
    for (let j = 0; j < i; j++) if (pairs[j]!.key === key) return false;
  }
  return true;
}

/** True for a pair with a scalar key (complex keys are never compared). */
function hasScalarKey(p: Pair): boolean {
  return p.key !== '';
}

/** The null a missing value reads as, at `offset`. */
export function nullAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, range: { start: offset, end: offset } };
}
