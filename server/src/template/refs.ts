/**
 * References: every place a template names a logical id, parameter or condition — `Ref`, `GetAtt`
 * (both forms), `Sub` (`${X}`, `${X.Attr}`), `DependsOn`, `Condition` (of a resource or output, in
 * `Fn::If`, inside Conditions) and the `Id` of a SAM connector's Source and Destination — with the
 * exact range of the name where it can be told. Found by one walk per model (`references`); the
 * reference graph (who points at whom among resources and parameters, both directions) and the
 * references of one subtree (`refsIn`) are views of the same walk.
 */
import { get, offsetRange, str, walk } from './ast';
import type { MapNode, Node, Range } from './ast';
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

/** How a reference names its target: an edge kind, a condition name, or a SAM connector's `Id`. */
export type ReferenceKind = EdgeKind | 'Condition' | 'ConnectorId';

/** One place in the document that names something the template declares (or should). */
export interface Reference extends Omit<Edge, 'kind'> {
  readonly kind: ReferenceKind;
  /** The top-level section it is written in (`Resources`, `Outputs`, `Conditions`, `Globals`, `Rules`). */
  readonly section: string;
  /** The key under a resource entry it is written under (`Properties`, `DependsOn`, `Metadata`...). */
  readonly key?: string;
  /** The range of `to` alone (`Fn` of `Fn.Arn`), when it can be told exactly. */
  readonly idRange?: Range;
  /** The range of the attribute (`Arn` of `Fn.Arn`), when it can be told exactly. */
  readonly attrRange?: Range;
  /** Loop identifiers of the `Fn::ForEach` bodies it is written in (names that are not template ids there). */
  readonly loopVariables?: ReadonlySet<string>;
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

/** Every reference of the template, in document order, computed once per model. */
export function references(t: Template): readonly Reference[] {
  return t.memo('references', (x) => collectAll(x));
}

/**
 * An entry's references as last found, by its node, and where the entry started then. An edit keeps
 * the nodes of every entry it leaves alone (those after it moved in place), so their references are
 * found again without a walk: as they were, or shifted by as much as the entry moved.
 */
const walked = new WeakMap<Node, { readonly id: string; readonly at: number; readonly refs: Reference[] }>();

/** The references of one resource's entry, as `references` lists them; once per resource and model. */
export function entryReferences(t: Template, id: string): readonly Reference[] {
  const cache = t.memo('entryReferences', () => new Map<string, Reference[]>());
  let out = cache.get(id);
  if (!out) {
    const r = t.resources.get(id);
    if (r && t.isTemplate) {
      const at = r.node.range.start;
      const prior = walked.get(r.node);
      if (prior?.id === id) out = prior.at === at ? prior.refs : prior.refs.map((ref) => shifted(ref, at - prior.at));
      else new Walker(t, (out = []), 'Resources', undefined).entry(id, r.node);
      walked.set(r.node, { id, at, refs: out });
    } else out = [];
    cache.set(id, out);
  }
  return out;
}

/**
 * A reference of an entry that moved by `d`. Its `range` is the referencing node's own range object,
 * which moved with the node; the ranges inside a string (`idRange`, `attrRange`, `nameRange`) were
 * worked out from the text and move here.
 */
function shifted(r: Reference, d: number): Reference {
  const out: { -readonly [K in keyof Reference]?: Reference[K] } = { ...r };
  if (r.idRange) out.idRange = offsetRange(r.idRange, d);
  if (r.attrRange) out.attrRange = offsetRange(r.attrRange, d);
  if (r.nameRange) out.nameRange = offsetRange(r.nameRange, d);
  return out as Reference;
}

/** The references of `references` outside the entries of the model's resources (other sections, loops, duplicate keys). */
export function entriesAside(t: Template): readonly Reference[] {
  return t.memo('entriesAside', (x) => collectAll(x, false));
}

/**
 * Every reference inside one subtree (e.g. a function's properties), to resources or parameters.
 * `t` reads `!Sub` strings (see sub.ts); the edges of a `!Sub` do not depend on which template it is.
 */
export function refsIn(t: Template, node: Node, from = ''): Edge[] {
  // A value of a resource entry was walked with its entry (`entryReferences`): its references are read from there.
  const owner = t.isTemplate ? t.resourceAt(node.range.start) : undefined;
  if (owner && owner.node.pairs.some((p) => p.value === node && p.key !== 'DependsOn')) {
    const { start, end } = node.range;
    return entryReferences(t, owner.id)
      .filter((r): r is Reference & { kind: EdgeKind } => r.kind !== 'DependsOn' && isEdge(r) && r.range.start >= start && r.range.end <= end)
      .map((r) => toEdge(r, from));
  }
  const out: Reference[] = [];
  new Walker(t, out, '', undefined).values(node, from);
  return out.filter(isEdge).map((r) => toEdge(r));
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

/** The prefix of a `Fn::ForEach` loop key (`Fn::ForEach::Topics`). */
export const FOR_EACH = 'Fn::ForEach::';

/** Keys of a resource entry whose references make the resource depend on their targets. */
const DEPENDENCY_KEYS: ReadonlySet<string> = new Set(['Properties', 'DependsOn']);

function build(t: Template): RefGraph {
  const fromIdx = new Map<string, Edge[]>();
  const toIdx = new Map<string, Edge[]>();
  for (const r of references(t)) {
    if (r.section !== 'Resources' || !DEPENDENCY_KEYS.has(r.key ?? '') || !isEdge(r)) continue;
    if (!t.resources.has(r.to) && !t.parameters.has(r.to)) continue;
    const e = toEdge(r);
    push(fromIdx, e.from, e);
    push(toIdx, e.to, e);
  }
  return {
    from: (id) => fromIdx.get(id) ?? [],
    to: (id) => toIdx.get(id) ?? [],
  };
}

function isEdge(r: Reference): r is Reference & { kind: EdgeKind } {
  return r.kind !== 'Condition' && r.kind !== 'ConnectorId' && !r.to.startsWith('AWS::');
}

function toEdge(r: Reference & { kind: EdgeKind }, from = r.from): Edge {
  return {
    from,
    to: r.to,
    kind: r.kind,
    ...(r.attr !== undefined ? { attr: r.attr } : {}),
    range: r.range,
    ...(r.nameRange ? { nameRange: r.nameRange } : {}),
  };
}

/** Every reference, in document order; with `entries` false, none of the model's resources' entries. */
function collectAll(t: Template, entries = true): Reference[] {
  const out: Reference[] = [];
  const root = t.root;
  if (!root || !t.isTemplate) return out;
  for (const section of root.pairs) {
    const name = section.key;
    if (section.value.kind !== 'map') continue;
    if (name === 'Resources' || name === 'Outputs' || name === 'Conditions') {
      for (const entry of section.value.pairs) {
        // A resource's references are found once per model, for this list and for `entryReferences`.
        if (name === 'Resources' && t.resources.get(entry.key)?.node === entry.value) {
          if (entries) for (const r of entryReferences(t, entry.key)) out.push(r);
          continue;
        }
        new Walker(t, out, name, undefined).entry(entry.key, entry.value);
      }
    } else if (name === 'Globals' || name === 'Rules') {
      new Walker(t, out, name, undefined).values(section.value, '');
    }
  }
  return out;
}

/** One walk over a part of the document, appending what it finds to `out`. */
class Walker {
  constructor(
    private readonly t: Template,
    private readonly out: Reference[],
    private readonly section: string,
    private readonly loops: ReadonlySet<string> | undefined,
    private readonly key?: string,
  ) {}

  private with(key: string | undefined, loops = this.loops): Walker {
    return new Walker(this.t, this.out, this.section, loops, key);
  }

  /** An entry of Resources, Outputs or Conditions (a `Fn::ForEach` loop's template included). */
  entry(id: string, value: Node): void {
    if (id.startsWith(FOR_EACH)) {
      this.loop(value);
      return;
    }
    if (this.section === 'Conditions') {
      this.with(undefined).values(value, id);
      return;
    }
    if (value.kind !== 'map') return;
    for (const p of value.pairs) {
      if (p.key === 'Type') continue;
      if (p.key === 'DependsOn') {
        const items = p.value.kind === 'seq' ? p.value.items : [p.value];
        for (const item of items) {
          const name = str(item);
          if (name) this.push({ from: id, to: name, kind: 'DependsOn', range: item.range, key: p.key, ...this.nameRanges(item, name.length) });
        }
      } else if (p.key === 'Condition' && p.value.kind === 'scalar') {
        const name = str(p.value);
        if (name) this.push({ from: id, to: name, kind: 'Condition', range: p.value.range, key: p.key, ...this.nameRanges(p.value, name.length) });
      } else {
        this.with(p.key).values(p.value, id);
      }
    }
    if (this.section === 'Resources') this.connectors(id, value);
  }

  /** `Fn::ForEach::Name: [Identifier, Collection, { 'Key${Identifier}': entry }]`: the entries, with the identifier in scope. */
  private loop(value: Node): void {
    if (value.kind !== 'seq') return;
    const [identifier, collection, template] = value.items;
    const name = str(identifier);
    if (collection) this.values(collection, '');
    if (template?.kind !== 'map') return;
    const loops = new Set([...(this.loops ?? []), ...(name ? [name] : [])]);
    for (const p of template.pairs) this.with(this.key, loops).entry(p.key, p.value);
  }

  /** References inside any value: intrinsics, `!Sub` parts, and (in Conditions) condition names. */
  values(node: Node, from: string): void {
    walk(node, (n) => {
      if (n.kind !== 'intrinsic') return;
      switch (n.fn) {
        case 'Ref':
        case 'Fn::GetAtt':
          this.refOrGetAtt(n, from);
          // A GetAtt attribute may itself be a `!Ref` to a parameter.
          if (n.fn === 'Fn::GetAtt' && n.arg.kind === 'seq') for (const item of n.arg.items.slice(1)) this.values(item, from);
          return false;
        case 'Fn::Sub':
          // The variables map's own references are visited as the walk goes on.
          this.sub(n, from);
          return;
        case 'Fn::If': {
          const name = n.arg.kind === 'seq' ? n.arg.items[0] : undefined;
          const id = str(name);
          if (name && id) this.push({ from, to: id, kind: 'Condition', range: name.range, ...this.nameRanges(name, id.length) });
          return;
        }
        case 'Condition': {
          // `{ Condition: X }` names a condition only inside Conditions; elsewhere it is a property called Condition.
          const id = str(n.arg);
          if (this.section === 'Conditions' && id) this.push({ from, to: id, kind: 'Condition', range: n.range, ...this.nameRanges(n.arg, id.length) });
          return false;
        }
        default:
          return;
      }
    });
  }

  private refOrGetAtt(n: Extract<Node, { kind: 'intrinsic' }>, from: string): void {
    const target = refTarget(n);
    if (!target) return;
    // One object per reference, its optional fields set in place: a template has thousands of them.
    const ref: { -readonly [K in keyof Reference]?: Reference[K] } = { from, to: target.id, kind: n.fn === 'Ref' ? 'Ref' : 'GetAtt' };
    if (target.attr !== undefined) ref.attr = target.attr;
    ref.range = n.range;
    const a = n.arg;
    const idNode = a.kind === 'scalar' ? a : a.kind === 'seq' ? a.items[0] : undefined;
    const idRange = idNode ? this.slice(idNode, 0, target.id.length) : undefined;
    if (idRange) ref.idRange = idRange;
    if (target.attr !== undefined) {
      // The attribute follows the id and its dot in the one-string form; it is the second item in the list form.
      const attrRange = a.kind === 'scalar' ? (idRange ? this.slice(a, target.id.length + 1, target.attr.length) : undefined) : a.kind === 'seq' && a.items[1] ? this.slice(a.items[1], 0, target.attr.length) : undefined;
      if (attrRange) ref.attrRange = attrRange;
    }
    this.push(ref as Reference);
  }

  private sub(n: Extract<Node, { kind: 'intrinsic' }>, from: string): void {
    for (const part of readSub(this.t, n)?.parts ?? []) {
      if (part.kind !== 'ref' && part.kind !== 'pseudo') continue;
      const id = part.kind === 'ref' ? part.id : part.name;
      const attr = part.kind === 'ref' && part.attr !== undefined ? part.attr : undefined;
      const r = part.range;
      this.push({
        from,
        to: id,
        kind: 'Sub',
        ...(attr !== undefined ? { attr } : {}),
        range: n.range,
        ...(r ? { nameRange: r, idRange: { start: r.start, end: r.start + id.length } } : {}),
        ...(r && attr !== undefined ? { attrRange: { start: r.start + id.length + 1, end: r.end } } : {}),
      });
    }
  }

  /** `AWS::Serverless::Connector` and a resource's `Connectors`: the `Id` of Source and Destination name logical ids. */
  private connectors(id: string, entry: MapNode): void {
    const ends = (connector: Node | undefined, key: string) => {
      for (const end of ['Source', 'Destination']) {
        const v = get(connector, end);
        for (const item of v?.kind === 'seq' ? v.items : v ? [v] : []) {
          const target = get(item, 'Id');
          const name = str(target);
          if (target && name) this.push({ from: id, to: name, kind: 'ConnectorId', range: target.range, key, ...this.nameRanges(target, name.length) });
        }
      }
    };
    if (str(get(entry, 'Type')) === 'AWS::Serverless::Connector') ends(get(entry, 'Properties'), 'Properties');
    const embedded = get(entry, 'Connectors');
    if (embedded?.kind === 'map') for (const c of embedded.pairs) ends(get(c.value, 'Properties'), 'Connectors');
  }

  /** The range of a name that starts a scalar (`Fn` of `Fn.Arn`). */
  private nameRanges(node: Node, length: number): Pick<Reference, 'idRange'> {
    const idRange = this.slice(node, 0, length);
    return idRange ? { idRange } : {};
  }

  /** The document range of `value.slice(offset, offset + length)` of a string scalar, when its source holds it verbatim. */
  private slice(node: Node, offset: number, length: number): Range | undefined {
    const value = str(node);
    if (node.kind !== 'scalar' || value === undefined) return undefined;
    const text = this.t.text;
    const q = text[node.range.start];
    const start = node.range.start + (q === '"' || q === "'" ? 1 : 0) + offset;
    const want = value.slice(offset, offset + length);
    return want.length === length && text.slice(start, start + length) === want ? { start, end: start + length } : undefined;
  }

  /** Completes a reference its caller just made (and no one else holds) with where it is written. */
  private push(r: Omit<Reference, 'section' | 'key' | 'loopVariables'> & { key?: string }): void {
    // Assigned in place rather than copied: a template has thousands of references, each made once.
    const ref = r as { -readonly [K in keyof Reference]: Reference[K] };
    ref.section = this.section;
    const key = r.key ?? this.key;
    if (key !== undefined) ref.key = key;
    if (this.loops) ref.loopVariables = this.loops;
    this.out.push(ref);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
