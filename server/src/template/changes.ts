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
  const outside = !prev.isTemplate || !next.isTemplate || prev.anchors || next.anchors || prev.isSam !== next.isSam || prev.format !== next.format || (!direct && sectionsDiffer(prev, next, region));
  if (outside) return { region, outside, resources, loose: true };
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
    return { region, outside, resources, loose };
  }
  for (const id of next.resources.keys()) compare(id);
  for (const id of prev.resources.keys()) if (!next.resources.has(id)) resources.set(id, '*');
  return { region, outside, resources, loose: looseChanged(prev, next, region) };
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

/** True when a root entry other than Resources differs (or the root's keys do). */
function sectionsDiffer(prev: Template, next: Template, e: EditRegion): boolean {
  const a = prev.root?.pairs ?? [];
  const b = next.root?.pairs ?? [];
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    // The same pair: an incremental re-parse kept it (and moved it with the text).
    if (p === q) continue;
    if (p.key !== q.key) return true;
    if (p.key === 'Resources') {
      if (p.value.kind !== 'map' || q.value.kind !== 'map') return true;
      continue;
    }
    const moved = shift(spanOf(p), e);
    const now = spanOf(q);
    if (!moved || moved.start !== now.start || moved.end !== now.end) return true;
  }
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
