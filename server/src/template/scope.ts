/**
 * Scopes: the part of a template one check of one resource reads (rules/types.ts `RuleReads.each`).
 * A scope holds the checked resource (the unit), every resource its entry references or that
 * references it, and, following references on from those, the resources of the types the rules
 * declared. A scoped template is a Template over that part: sections, text and lines are the whole
 * template's, Resources holds the scope, and the other resources of the unit types can be looked up
 * by id but are left out of every iteration, so a rule that loops over functions checks the unit only.
 *
 * The reference index behind it keeps, for each resource, the ids its entry names (Ref, GetAtt, Sub,
 * DependsOn, connector ends) and who names each id, and is carried from one document version to the
 * next for the resources an edit left alone.
 */
import { get, pairOf, str, walk } from './ast';
import type { MapNode, Pair, Range } from './ast';
import type { Resource, Template } from './model';
import { looseEntries } from './changes';
import { refsIn } from './refs';

/** Connectors whose source is not named reach every function: they are in every scope. */
export const IN_EVERY_SCOPE: ReadonlySet<string> = new Set(['AWS::Serverless::Connector']);

/** The logical ids a resource entry names, resolved to resources of `t` (itself excluded). */
export function namedIds(t: Template, r: Resource): string[] {
  const out = new Set<string>();
  const add = (id: string | undefined) => {
    if (!id) return;
    const target = t.resources.has(id) ? id : id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined;
    if (target !== undefined && target !== r.id && t.resources.has(target)) out.add(target);
  };
  for (const p of r.node.pairs) {
    if (p.key === 'DependsOn') {
      for (const item of p.value.kind === 'seq' ? p.value.items : [p.value]) add(str(item));
      continue;
    }
    for (const e of refsIn(t, p.value)) add(e.to);
    if (p.key === 'Connectors' || (p.key === 'Properties' && r.type === 'AWS::Serverless::Connector')) {
      walk(p.value, (n) => {
        if (n.kind === 'map') add(str(get(n, 'Id')));
      });
    }
  }
  return [...out];
}

/** Who names whom, for one document version; `next` carries it to the following version. */
export class RefIndex {
  private constructor(
    private readonly out: Map<string, readonly string[]>,
    private readonly into: Map<string, Set<string>>,
  ) {}

  static of(t: Template): RefIndex {
    const index = new RefIndex(new Map(), new Map());
    for (const r of t.resources.values()) index.link(r.id, namedIds(t, r));
    return index;
  }

  /**
   * The index of `t`, whose resources other than `changed` have the entries they had in the version
   * this index is of. A resource whose entry names an id that appeared or disappeared is re-read too.
   */
  next(t: Template, changed: ReadonlySet<string>, appeared: ReadonlySet<string>): RefIndex {
    // The index of the previous version is not used again: it is updated in place.
    const index: RefIndex = this;
    const again = new Set(changed);
    // An id that now exists (or no longer does) changes what an unchanged `!Ref Id` resolves to.
    for (const id of appeared) {
      for (const [from, ids] of this.out) if (ids.includes(id) || ids.includes(id.split('.')[0]!)) again.add(from);
    }
    // An id that went is among those that appeared or disappeared.
    if (appeared.size > 0) for (const id of this.out.keys()) if (!t.resources.has(id)) again.add(id);
    for (const id of again) index.unlink(id);
    for (const id of again) {
      const r = t.resources.get(id);
      if (r) index.link(id, namedIds(t, r));
    }
    return index;
  }

  /** Resources named by `id`'s entry and resources whose entries name `id`. */
  neighbours(id: string): Iterable<string> {
    const named = this.out.get(id) ?? [];
    const by = this.into.get(id);
    return by && by.size > 0 ? [...named, ...by] : named;
  }

  private link(id: string, ids: readonly string[]): void {
    this.out.set(id, ids);
    for (const to of ids) {
      let set = this.into.get(to);
      if (!set) this.into.set(to, (set = new Set()));
      set.add(id);
    }
  }

  private unlink(id: string): void {
    for (const to of this.out.get(id) ?? []) this.into.get(to)?.delete(id);
    this.out.delete(id);
  }
}

/** Which resources are units (checked one at a time) and which types are followed from them. */
export interface ScopeRule {
  /** True for a resource type checked one at a time. */
  isUnit(type: string): boolean;
  /** True for a type whose resources are followed on from a resource in the scope. */
  follows(type: string): boolean;
}

/**
 * How many references away from the unit a scope reaches: far enough for a function's subnets, their
 * route tables and routes, and the gateways those name; not so far that one shared resource pulls the
 * whole template into every scope.
 */
export const SCOPE_DEPTH = 6;

/**
 * The ids in the scope of `unit`: itself, its neighbours, and the resources of followed types reached
 * from them (never through or to another unit) within `SCOPE_DEPTH` references, plus the resources in
 * every scope.
 */
export function scopeOf(t: Template, index: RefIndex, unit: string, rule: ScopeRule): Set<string> {
  const scope = new Set<string>([unit]);
  let frontier: string[] = [];
  for (const n of index.neighbours(unit)) {
    if (scope.has(n)) continue;
    scope.add(n);
    frontier.push(n);
  }
  for (let depth = 2; depth <= SCOPE_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      const type = t.resources.get(id)?.type;
      if (type === undefined || rule.isUnit(type) || !rule.follows(type)) continue;
      for (const n of index.neighbours(id)) {
        const nType = t.resources.get(n)?.type;
        // Another unit is read only when the unit's own entry names it (or it names the unit).
        if (scope.has(n) || nType === undefined || rule.isUnit(nType) || !rule.follows(nType)) continue;
        scope.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  for (const type of IN_EVERY_SCOPE) for (const r of t.ofType(type)) scope.add(r.id);
  return scope;
}

/**
 * The units whose scope holds `id` in `t` (the converse of `scopeOf`): itself when it is a unit, the
 * units next to it and, when it is not a unit and its type is followed, the units reached from it
 * through followed types within `SCOPE_DEPTH` references.
 */
export function unitsReaching(t: Template, index: RefIndex, id: string, rule: ScopeRule): Set<string> {
  const out = new Set<string>();
  const typeOf = (x: string) => t.resources.get(x)?.type;
  const type = typeOf(id);
  if (type !== undefined && rule.isUnit(type)) out.add(id);
  const reachable = type !== undefined && rule.follows(type) && !rule.isUnit(type);
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let depth = 1; depth <= SCOPE_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const cur of frontier) {
      for (const n of index.neighbours(cur)) {
        const nType = typeOf(n);
        if (nType === undefined || seen.has(n)) continue;
        seen.add(n);
        if (rule.isUnit(nType)) out.add(n);
        else if (reachable && rule.follows(nType)) next.push(n);
      }
    }
    frontier = next;
  }
  return out;
}

/** A Template over one scope of `whole` (see the file comment). */
export class ScopedTemplate implements Template {
  readonly resources: ReadonlyMap<string, Resource>;
  private readonly listed: readonly Resource[];
  private scopedRoot: MapNode | undefined | null = null;
  private readonly byType = new Map<string, Resource[]>();
  private readonly memos = new Map<string, unknown>();

  /** `scope`: ids of resources in the scope; `unit`: the one checked (none: only the sections); `isUnit` tells the hidden ones. */
  constructor(
    private readonly whole: Template,
    scope: ReadonlySet<string>,
    private readonly unit: string | undefined,
    isUnit: (type: string) => boolean,
  ) {
    const all: Resource[] = [];
    for (const id of scope) {
      const r = whole.resources.get(id);
      if (r) all.push(r);
    }
    all.sort((a, b) => a.idRange.start - b.idRange.start);
    this.listed = all.filter((r) => r.id === unit || !isUnit(r.type));
    for (const r of this.listed) {
      let list = this.byType.get(r.type);
      if (!list) this.byType.set(r.type, (list = []));
      list.push(r);
    }
    this.resources = new ScopeMap(new Map(all.map((r) => [r.id, r])), this.listed);
  }

  /**
   * The whole root with Resources cut down to the listed resources (built when a rule asks); the
   * check without a unit also sees the entries of Resources that are no resource (see `looseEntries`).
   */
  get root(): MapNode | undefined {
    if (this.scopedRoot === null) this.scopedRoot = cutRoot(this.whole, this.listed, this.unit === undefined);
    return this.scopedRoot;
  }

  get text(): string { return this.whole.text; }
  get format(): Template['format'] { return this.whole.format; }
  get lines(): Template['lines'] { return this.whole.lines; }
  get isTemplate(): boolean { return this.whole.isTemplate; }
  get isSam(): boolean { return this.whole.isSam; }
  get problems(): Template['problems'] { return this.whole.problems; }
  get anchors(): boolean { return this.whole.anchors; }
  get directives(): Template['directives'] { return this.whole.directives; }
  get parameters(): Template['parameters'] { return this.whole.parameters; }
  get mappings(): Template['mappings'] { return this.whole.mappings; }
  get conditions(): Template['conditions'] { return this.whole.conditions; }
  get outputs(): Template['outputs'] { return this.whole.outputs; }
  get globals(): MapNode | undefined { return this.whole.globals; }
  get serial(): number { return this.whole.serial; }
  get edit(): Template['edit'] { return this.whole.edit; }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  resourceAt(offset: number): Resource | undefined {
    const r = this.whole.resourceAt(offset);
    return r && this.resources.has(r.id) ? r : undefined;
  }

  memo<T>(key: string, compute: (t: Template) => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute(this);
    this.memos.set(key, value);
    return value;
  }
}

/** Lookups see every resource of the scope; iteration sees the listed ones only. */
class ScopeMap implements ReadonlyMap<string, Resource> {
  private readonly listed: ReadonlyMap<string, Resource>;

  constructor(
    private readonly byId: ReadonlyMap<string, Resource>,
    listed: readonly Resource[],
  ) {
    this.listed = new Map(listed.map((r) => [r.id, r]));
  }

  get size(): number {
    return this.listed.size;
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  forEach(fn: (value: Resource, key: string, map: ReadonlyMap<string, Resource>) => void): void {
    this.listed.forEach((r, id) => fn(r, id, this));
  }

  entries(): MapIterator<[string, Resource]> {
    return this.listed.entries();
  }

  keys(): MapIterator<string> {
    return this.listed.keys();
  }

  values(): MapIterator<Resource> {
    return this.listed.values();
  }

  [Symbol.iterator](): MapIterator<[string, Resource]> {
    return this.listed.entries();
  }
}

/** The root with Resources cut down to the listed resources (and the loose entries, with `loose`), in document order. */
function cutRoot(whole: Template, listed: readonly Resource[], loose: boolean): MapNode | undefined {
  const root = whole.root;
  if (!root) return undefined;
  const pairs: Pair[] = root.pairs.map((p) => {
    if (p.key !== 'Resources' || p.value.kind !== 'map') return p;
    const others = looseEntries(whole);
    // A resource's entry is the one pair of its key, unless a duplicate key comes with it: then the first.
    const duplicated = new Set(others.map((e) => e.key));
    const entries = listed
      .map((r): Pair | undefined => (duplicated.has(r.id) ? pairOf(p.value as MapNode, r.id) : { key: r.id, keyRange: r.idRange, value: r.node }))
      .filter((e): e is Pair => e !== undefined);
    if (loose) entries.push(...others);
    entries.sort((x, y) => x.keyRange.start - y.keyRange.start);
    const range: Range = p.value.range;
    return { key: p.key, keyRange: p.keyRange, value: { kind: 'map', pairs: entries, range } };
  });
  return { kind: 'map', pairs, range: root.range };
}
