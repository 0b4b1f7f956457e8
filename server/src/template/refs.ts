/**
 * The reference graph: for each resource, the logical ids it points at through `Ref`, `GetAtt`,
 * `Sub` (`${X}`, `${X.Attr}`) and `DependsOn`, indexed in both directions. Built once per model.
 */
import { str, walk } from './ast';
import type { Node, Range } from './ast';
import type { FunctionView } from './functions';
import type { Template } from './model';
import { refTarget } from './resolve';
import { readSub } from './sub';

export type EdgeKind = 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn';

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly attr?: string;
  /** The referencing node (the `!Ref`, the `!Sub`, the DependsOn entry). */
  readonly range: Range;
  /** For a `!Sub` edge, the name inside the string (`Fn.Arn` of `${Fn.Arn}`) when it can be told exactly. */
  readonly nameRange?: Range;
}

export interface RefGraph {
  /** Edges leaving resource `id` (what it points at). */
  from(id: string): readonly Edge[];
  /** Edges arriving at `id` (who points at it); `id` may be a resource or a parameter. */
  to(id: string): readonly Edge[];
}

/** The template's reference graph, computed once per model. */
export function refGraph(t: Template): RefGraph {
  return t.memo('refs', build);
}

/**
 * Every reference inside one subtree (e.g. a function's properties), to resources or parameters.
 * `t` reads `!Sub` strings (see sub.ts); the edges of a `!Sub` do not depend on which template it is.
 */
export function refsIn(t: Template, node: Node, from = ''): Edge[] {
  const out: Edge[] = [];
  walk(node, (n) => {
    if (n.kind !== 'intrinsic') return;
    if (n.fn === 'Ref' || n.fn === 'Fn::GetAtt') {
      const target = refTarget(n);
      if (target && !target.id.startsWith('AWS::')) {
        out.push({ from, to: target.id, kind: n.fn === 'Ref' ? 'Ref' : 'GetAtt', ...(target.attr ? { attr: target.attr } : {}), range: n.range });
      }
      return false;
    }
    // The variables map's own references are visited as the walk goes on.
    for (const part of readSub(t, n)?.parts ?? []) {
      if (part.kind !== 'ref') continue;
      out.push({ from, to: part.id, kind: 'Sub', ...(part.attr !== undefined ? { attr: part.attr } : {}), range: n.range, ...(part.range ? { nameRange: part.range } : {}) });
    }
  });
  return out;
}

function build(t: Template): RefGraph {
  const fromIdx = new Map<string, Edge[]>();
  const toIdx = new Map<string, Edge[]>();
  const add = (e: Edge) => {
    if (!t.resources.has(e.to) && !t.parameters.has(e.to)) return;
    push(fromIdx, e.from, e);
    push(toIdx, e.to, e);
  };
  for (const r of t.resources.values()) {
    for (const p of r.node.pairs) {
      if (p.key === 'DependsOn') {
        const items = p.value.kind === 'seq' ? p.value.items : [p.value];
        for (const item of items) {
          const id = str(item);
          if (id) add({ from: r.id, to: id, kind: 'DependsOn', range: item.range });
        }
      } else if (p.key === 'Properties' || p.key === 'Condition') {
        for (const e of refsIn(t, p.value, r.id)) add(e);
      }
    }
  }
  return {
    from: (id) => fromIdx.get(id) ?? [],
    to: (id) => toIdx.get(id) ?? [],
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * References inside a function's effective properties (SAM Globals merged in), computed once per
 * function and model: several rules ask which resources a function uses.
 */
export function functionRefs(t: Template, f: FunctionView): readonly Edge[] {
  const cache = t.memo('functionRefs', () => new Map<string, Edge[]>());
  let edges = cache.get(f.id);
  if (!edges) {
    edges = refsIn(t, f.props, f.id);
    cache.set(f.id, edges);
  }
  return edges;
}
