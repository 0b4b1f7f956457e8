/**
 * What an edit changed between two models of one document: the edited region of the text, the
 * resources whose entries it touched (with the top-level keys that differ), the ones added or
 * removed, and whether anything outside Resources changed. Everything else is the same text at a
 * shifted place, so what was computed from it can be kept, moved by `shift`.
 */
import { offsetRange } from './ast';
import type { Pair, Range } from './ast';
import type { Resource, Template } from './model';

/** The region `[start, end)` of the old text that became `[start, end + delta)` of the new one. */
export interface EditRegion {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

export interface TemplateChanges {
  readonly region: EditRegion;
  /** True when a section other than Resources, the document's root or its kind changed: everything may differ. */
  readonly outside: boolean;
  /** Resources whose entry changed, with the keys that differ (`'*'`: added, removed, retyped or unreadable). */
  readonly resources: ReadonlyMap<string, ReadonlySet<string> | '*'>;
  /** True when an entry of Resources that is no resource (no Type, not a map) appeared, went or changed. */
  readonly loose: boolean;
  /**
   * True when values in Parameters, Mappings, Conditions, Globals or Outputs changed (their names
   * stayed): the resources that may read them are in `resources` (`'*'`), see `sectionEdit`.
   */
  readonly sections: boolean;
}

/** Characters compared at once while looking for the edited region. */
const BLOCK = 1024;

/** The edited region: what lies between the longest common prefix and suffix of the two texts. */
export function editRegion(old: string, text: string): EditRegion {
  const max = Math.min(old.length, text.length);
  // Compare in blocks first (string equality is a memory compare), then character by character.
  let a = 0;
  while (a + BLOCK <= max && old.slice(a, a + BLOCK) === text.slice(a, a + BLOCK)) a += BLOCK;
  while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
  let s = 0;
  while (s + BLOCK <= max - a && old.slice(old.length - s - BLOCK, old.length - s) === text.slice(text.length - s - BLOCK, text.length - s)) s += BLOCK;
  while (s < max - a && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { start: a, end: old.length - s, delta: text.length - old.length };
}

/**
 * Where a range of the old text is in the new one, or undefined when it touches the edited region
 * (what it points at may have changed).
 */
export function shift(r: Range, e: EditRegion): Range | undefined {
  if (r.end < e.start) return r;
  if (r.start >= e.end && r.start > e.start) return e.delta === 0 ? r : offsetRange(r, e.delta);
  return undefined;
}

/**
 * What changed from `prev` to `next` (two models of the same document). When `next` was re-parsed
 * from `prev` itself, the re-parse says where the edit was and which entry it read again; otherwise
 * the texts and every entry are compared.
 */
export function templateChanges(prev: Template, next: Template): TemplateChanges {
  const direct = next.edit?.from === prev.serial ? next.edit : undefined;
  const region = direct ? { start: direct.start, end: direct.end, delta: direct.delta } : editRegion(prev.text, next.text);
  const resources = new Map<string, ReadonlySet<string> | '*'>();
  const kind = !prev.isTemplate || !next.isTemplate || prev.anchors || next.anchors || prev.isSam !== next.isSam || prev.format !== next.format ? 'all' : direct && !direct.section ? undefined : sectionEdit(prev, next, region);
  const outside = kind === 'all';
  if (outside) return { region, outside, resources, loose: true, sections: true };
  const sections = kind !== undefined;
  const compare = (id: string) => {
    const r = next.resources.get(id);
    const old = prev.resources.get(id);
    if (!r || !old) {
      if (r || old) resources.set(id, '*');
      return;
    }
    if (old === r || old.node === r.node) return;
    if (old.type !== r.type) resources.set(id, '*');
    else if (!sameEntry(old, r, region)) resources.set(id, changedKeys(prev.text, old, next.text, r));
  };
  if (direct) {
    // Every other entry is the same node (moved with the text): only the one read again can differ.
    for (const id of direct.ids) compare(id);
    const loose = direct.ids.some((id) => !prev.resources.has(id) || !next.resources.has(id)) && looseChanged(prev, next, region);
    if (kind) for (const id of readers(next, kind)) resources.set(id, '*');
    return { region, outside, resources, loose, sections };
  }
  for (const id of next.resources.keys()) compare(id);
  for (const id of prev.resources.keys()) if (!next.resources.has(id)) resources.set(id, '*');
  if (kind) for (const id of readers(next, kind)) resources.set(id, '*');
  return { region, outside, resources, loose: looseChanged(prev, next, region), sections };
}

/** Sections whose values an edit may change while every name stays: what reads them is found by name. */
const NAMED_SECTIONS: ReadonlySet<string> = new Set(['Parameters', 'Mappings', 'Conditions']);
const SECTIONS_BY_NAME: ReadonlySet<string> = new Set([...NAMED_SECTIONS, 'Globals', 'Outputs']);

/** What changed in sections other than Resources: names of changed entries, and whether Globals and Mappings did. */
interface SectionEdit {
  readonly names: ReadonlySet<string>;
  readonly globals: boolean;
  readonly mappings: boolean;
}

/**
 * How the root entries other than Resources differ: undefined when none does; `'all'` when the root's
 * keys differ, or a section changed whose readers cannot be told by name (Transform, Metadata, ...),
 * or a section of Parameters, Mappings, Conditions, Globals or Outputs gained, lost or reordered an
 * entry (names resolve otherwise); else the names of the changed Parameters, Mappings and Conditions
 * entries, and whether Globals changed (which every SAM resource reads). Outputs are read by no resource.
 */
function sectionEdit(prev: Template, next: Template, e: EditRegion): SectionEdit | 'all' | undefined {
  const a = prev.root?.pairs ?? [];
  const b = next.root?.pairs ?? [];
  if (a.length !== b.length) return 'all';
  const names = new Set<string>();
  let globals = false;
  let mappings = false;
  let changed = false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    // The same pair: an incremental re-parse kept it (and moved it with the text).
    if (p === q) continue;
    if (p.key !== q.key) return 'all';
    if (p.key === 'Resources') {
      if (p.value.kind !== 'map' || q.value.kind !== 'map') return 'all';
      continue;
    }
    const moved = shift(spanOf(p), e);
    const now = spanOf(q);
    if (moved && moved.start === now.start && moved.end === now.end) continue;
    if (!SECTIONS_BY_NAME.has(p.key) || p.value.kind !== 'map' || q.value.kind !== 'map') return 'all';
    const before = p.value.pairs;
    const after = q.value.pairs;
    if (before.length !== after.length || before.some((x, j) => x.key !== after[j]!.key)) return 'all';
    changed = true;
    if (p.key === 'Globals') globals = true;
    else if (NAMED_SECTIONS.has(p.key)) {
      if (p.key === 'Mappings') mappings = true;
      for (let j = 0; j < before.length; j++) {
        if (prev.text.slice(before[j]!.keyRange.start, before[j]!.value.range.end) !== next.text.slice(after[j]!.keyRange.start, after[j]!.value.range.end)) names.add(after[j]!.key);
      }
    }
  }
  return changed ? { names, globals, mappings } : undefined;
}

/**
 * The resources that may read what `edit` changed: those whose entry names a changed entry (or a
 * condition that names one, and so on) anywhere in its text, and every SAM resource when Globals
 * changed or names one. Matching the names in the text finds every way to name them (`Ref`, `${}`,
 * `Fn::FindInMap`, `Condition`, `Fn::If`), and at worst a resource that does not read them. A
 * mapping can also be named by a `Ref` inside `Fn::FindInMap`: when Mappings changed, every entry
 * that finds in a map reads it.
 */
function readers(t: Template, edit: SectionEdit): string[] {
  const names = new Set(edit.names);
  const conditions = t.root?.pairs.find((p) => p.key === 'Conditions')?.value;
  // Conditions naming a changed name change with it.
  for (let grew = names.size > 0; grew; ) {
    grew = false;
    const pattern = wordsPattern(names);
    for (const c of conditions?.kind === 'map' ? conditions.pairs : []) {
      if (names.has(c.key) || !pattern.test(t.text.slice(c.value.range.start, c.value.range.end))) continue;
      names.add(c.key);
      grew = true;
    }
  }
  const pattern = names.size > 0 ? wordsPattern(names) : undefined;
  const reads = (text: string) => (pattern !== undefined && pattern.test(text)) || (edit.mappings && text.includes('FindInMap'));
  const globalsNode = t.root?.pairs.find((p) => p.key === 'Globals')?.value;
  const globals = edit.globals || (globalsNode !== undefined && reads(t.text.slice(globalsNode.range.start, globalsNode.range.end)));
  const out: string[] = [];
  for (const r of t.resources.values()) {
    if ((globals && r.type.startsWith('AWS::Serverless::')) || reads(t.text.slice(r.idRange.start, r.node.range.end))) out.push(r.id);
  }
  return out;
}

/** A pattern matching any of `names` as a whole word (not inside a longer name). */
function wordsPattern(names: ReadonlySet<string>): RegExp {
  const alternatives = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`);
}

/** The entries of Resources that are no resource of the model. */
export function looseEntries(t: Template): readonly Pair[] {
  // Once per model: each edit compares the previous model's with the new one's.
  return t.memo('looseEntries', (x) => {
    const section = x.root?.pairs.find((p) => p.key === 'Resources')?.value;
    if (section?.kind !== 'map') return [];
    // As many resources as entries: every entry is one (a duplicate key or a loose entry makes fewer).
    if (section.pairs.length === x.resources.size) return [];
    return section.pairs.filter((p) => x.resources.get(p.key)?.node !== p.value);
  });
}

/** True when the loose entries (see `looseEntries`) differ other than by being moved past the edit. */
function looseChanged(prev: Template, next: Template, e: EditRegion): boolean {
  const a = looseEntries(prev);
  const b = looseEntries(next);
  if (a.length !== b.length) return true;
  return a.some((p, i) => {
    const q = b[i]!;
    if (p === q) return false;
    const moved = shift(spanOf(p), e);
    return p.key !== q.key || !moved || moved.start !== q.keyRange.start || moved.end !== q.value.range.end;
  });
}

/** True when the old entry lies outside the edited region and the new one is it, moved. */
function sameEntry(old: Resource, r: Resource, e: EditRegion): boolean {
  const start = old.idRange.start;
  const end = old.node.range.end;
  if (end < e.start) return start === r.idRange.start && end === r.node.range.end;
  if (start >= e.end && start > e.start) return start + e.delta === r.idRange.start && end + e.delta === r.node.range.end;
  return false;
}

function spanOf(p: Pair): Range {
  return { start: p.keyRange.start, end: p.value.range.end };
}

/** The top-level keys of an entry, and of its Properties, whose text differs. */
function changedKeys(oldText: string, old: Resource, text: string, r: Resource): ReadonlySet<string> | '*' {
  if (!old.properties !== !r.properties) return '*';
  const out = new Set<string>();
  const compare = (xs: readonly Pair[], ys: readonly Pair[], skip?: string) => {
    const before = new Map(xs.map((p) => [p.key, p]));
    for (const q of ys) {
      if (q.key === skip) continue;
      const p = before.get(q.key);
      before.delete(q.key);
      if (!p || oldText.slice(p.keyRange.start, p.value.range.end) !== text.slice(q.keyRange.start, q.value.range.end)) out.add(q.key);
    }
    for (const key of before.keys()) if (key !== skip) out.add(key);
  };
  compare(old.node.pairs, r.node.pairs, 'Properties');
  compare(old.properties?.pairs ?? [], r.properties?.pairs ?? []);
  return out;
}
