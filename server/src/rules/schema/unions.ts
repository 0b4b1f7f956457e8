/**
 * What a union type of the specification offers a value, worked out once per union and kind of node:
 * the alternatives of the node's shape, and whether a single-valued `Type` tells them apart (SAM event
 * sources). The same unions (events, policy statements) are met once per resource of a template.
 */
import type { Node } from '../../template/ast';
import type { Structure, ValueType } from '../../schema/spec';

/** Structures of a union told apart by their single-valued `Type`, with those values in the same order. */
export interface Discriminated {
  readonly structures: readonly Structure[];
  readonly names: readonly string[];
}

/** What a union offers a node of one kind: the alternatives of that shape, and whether `Type` picks one. */
export interface UnionFit {
  readonly fits: readonly ValueType[];
  readonly discriminated: Discriminated | undefined;
}

const unionFits = new WeakMap<ValueType, Map<Node['kind'], UnionFit>>();

/** What `type` offers a node of `kind`, once per union and kind. */
export function unionFor(type: Extract<ValueType, { kind: 'union' }>, kind: Node['kind']): UnionFit {
  let byKind = unionFits.get(type);
  if (!byKind) unionFits.set(type, (byKind = new Map()));
  let fit = byKind.get(kind);
  if (!fit) {
    const fits = type.types.filter((t) => shapeFitsKind(kind, t));
    byKind.set(kind, (fit = { fits, discriminated: kind === 'map' && fits.length > 1 ? discriminatedBy(fits) : undefined }));
  }
  return fit;
}

/** The structures and their `Type` values, when every alternative is a structure with a single-valued `Type` (SAM event sources). */
function discriminatedBy(fits: readonly ValueType[]): Discriminated | undefined {
  const structures: Structure[] = [];
  const names: string[] = [];
  for (const t of fits) {
    const typeProp = t.kind === 'structure' ? t.structure.properties.get('Type')?.type : undefined;
    if (t.kind !== 'structure' || typeProp?.kind !== 'string' || typeProp.enum?.length !== 1) return undefined;
    structures.push(t.structure);
    names.push(typeProp.enum[0]!);
  }
  return { structures, names };
}

/** True when a literal node of `kind` could be of `t` at the top level (list for lists, map for maps, scalar for scalars). */
function shapeFitsKind(kind: Node['kind'], t: ValueType): boolean {
  switch (t.kind) {
    case 'any':
    case 'json':
      return true;
    case 'list':
      return kind === 'seq';
    case 'map':
    case 'object':
    case 'structure':
    case 'tag':
      return kind === 'map';
    case 'union':
      return t.types.some((x) => shapeFitsKind(kind, x));
    default:
      return kind === 'scalar';
  }
}
