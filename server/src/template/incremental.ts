/**
 * Re-parsing after an edit. Typing inside one resource of a large template re-parses only that
 * resource's entry and shifts the ranges after it, also while that entry is not valid YAML (see
 * `inContext`), or with its neighbours when it cannot be read alone (a key typed before its colon
 * swallows the next entry). An edit inside another section (Parameters, Globals, Outputs, ...) of a
 * clean template re-parses that section alone. Anything else (an edit that crosses an entry or
 * section boundary, a syntax error whose recovery reaches past the entry or that another entry has,
 * a broken section other than Resources, a flow-style Resources section of a YAML template, a
 * document with anchors or aliases, a `---` or `...` typed into the entry) falls back to a full
 * parse. JSON templates take the same path with the JSON parser. The result is the same tree a full
 * parse gives, and every entry but the edited one keeps its nodes (same identity): those after the
 * edit are moved in place, so a keystroke allocates nothing for them and whatever is kept per node
 * (resources, per-resource checks) is found again.
 *
 * Moving in place means the previous model is used up: its nodes after the edit now hold the new
 * text's offsets. Callers hand over the model of the version they replace and keep only the result.
 */
import { offsetRange } from './ast';
import type { MapNode, Node, Pair, Range } from './ast';
import { buildTemplate, templateFromTree } from './model';
import type { Template } from './model';
import { editRegion } from './changes';
import type { EditRegion } from './changes';
import { parseFragment } from './parse';
import type { ParseProblem } from './parse';
import { parseJsonText } from './parseJson';
import { mayBeTemplate } from './sniff';
import { exceedsUtf8Bytes } from './text';
import { PARSE_LIMITS } from '../config';

/**
 * Templates smaller than this are simply parsed again: it takes about a millisecond (`yaml` composes
 * well under 1 MB a second, so a 20 KB template already takes tens of milliseconds to parse whole).
 */
const MIN_INCREMENTAL_BYTES = 1_000;

/**
 * The model of `text`, reusing `previous` (the model of the text before the edit) where it can.
 * `previous` must not be used afterwards: its nodes after the edit may have been moved to the new text.
 */
export function updateTemplate(previous: Template | undefined, text: string, minBytes = MIN_INCREMENTAL_BYTES): Template {
  // Past the size limit a full parse gives the refusal, which no re-parsed entry can.
  if (!previous || text.length < minBytes || !mayBeTemplate(text) || exceedsUtf8Bytes(text, PARSE_LIMITS.maxFileBytes)) return buildTemplate(text);
  try {
    return reparseResource(previous, text) ?? buildTemplate(text);
  } catch {
    // Whatever went wrong, `previous` may be half moved: the text alone decides.
    return buildTemplate(text);
  }
}

function reparseResource(prev: Template, text: string): Template | undefined {
  const root = prev.root;
  // Anchors share values across resources: an edit to one can change another, so parse it all.
  if (!root || !prev.isTemplate || prev.anchors) return undefined;
  const old = prev.text;
  const { start: a, end: b, delta } = editRegion(old, text);

  const resourcesIndex = root.pairs.findIndex((p) => p.key === 'Resources');
  const resourcesPair = root.pairs[resourcesIndex];
  const resources = resourcesPair?.value;
  if (!resourcesPair || resources?.kind !== 'map') return undefined;
  if (prev.format === 'json') return prev.problems.length > 0 ? undefined : reparseJsonEntry(prev, text, { start: a, end: b, delta }, resourcesIndex);
  if (old.charCodeAt(resources.range.start) === 123 /* { */) return undefined;
  if (a < lineStart(old, resourcesPair.keyRange.start) || (resourcesIndex + 1 < root.pairs.length && b > lineStart(old, root.pairs[resourcesIndex + 1]!.keyRange.start))) {
    return reparseSection(prev, text, { start: a, end: b, delta }, resourcesIndex);
  }

  // The entry whose span [its line start, the next entry's line start) holds the whole edit.
  const entries = resources.pairs;
  let lo = 0;
  let hi = entries.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lineStart(old, entries[mid]!.keyRange.start) <= a) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (idx < 0) return undefined;
  // Lines inserted at the start of an entry's line (Enter at the end of the line before, which the
  // texts alone cannot tell from a line break typed at the start of this one) end the entry before.
  const linesAbove = b === a && delta > 0 && idx > 0 && lineStart(old, entries[idx]!.keyRange.start) === a && text.charCodeAt(a + delta - 1) === 10;
  if (linesAbove) idx--;
  // So do lines inserted at the start of the line of the section after Resources, for the last entry.
  const section = root.pairs[resourcesIndex + 1];
  const linesAboveSection = b === a && delta > 0 && idx === entries.length - 1 && section !== undefined && lineStart(old, section.keyRange.start) === a && text.charCodeAt(a + delta - 1) === 10;
  const edit = { start: a, end: b, delta };
  // The entry alone first. A line typed at the key's column can swallow the next entry (`  Queue`
  // before its colon is read as the key `Queue Fn31`), and while it does, its error lies at the
  // next entry's key: then the two entries are read again together, with the one before or after.
  for (const [first, last] of [[idx, idx], [idx, idx + 1], [idx - 1, idx], [idx - 1, idx + 1]] as const) {
    if (first < 0 || last >= entries.length) continue;
    const model = reparseEntries(prev, text, edit, resourcesIndex, first, last, (linesAbove && last === idx) || (linesAboveSection && last === entries.length - 1));
    if (model) return model;
  }
  return undefined;
}

/**
 * The model of `text` with entries `first` to `last` of Resources read again, when the edit lies in
 * their span (from the first one's line to the next entry's line) and what they read as is what the
 * whole document reads there; otherwise undefined.
 */
function reparseEntries(prev: Template, text: string, edit: EditRegion, resourcesIndex: number, first: number, last: number, linesAbove: boolean): Template | undefined {
  const root = prev.root!;
  const old = prev.text;
  const { start: a, end: b, delta } = edit;
  const entries = (root.pairs[resourcesIndex]!.value as MapNode).pairs;
  const resources = root.pairs[resourcesIndex]!.value;
  const entry = entries[first]!;
  const spanStart = lineStart(old, entry.keyRange.start);
  const next = entries[last + 1];
  const nextSection = next === undefined && resourcesIndex + 1 < root.pairs.length ? root.pairs[resourcesIndex + 1] : undefined;
  const spanEnd = next ? lineStart(old, next.keyRange.start) : nextSection ? lineStart(old, nextSection.keyRange.start) : old.length;
  // The edit must not touch the next entry's first character, and that entry must still start a line.
  if (b >= spanEnd && spanEnd !== old.length && !linesAbove) return undefined;
  if (spanEnd !== old.length && text.charCodeAt(spanEnd + delta - 1) !== 10) return undefined;

  // Problems elsewhere (a second broken entry, a flow collection read the lenient way) are the whole
  // parse's to find again, as are those of an entry that a broken text put beside the others.
  if (prev.problems.length > 0) {
    const column = (p: Pair) => p.keyRange.start - lineStart(old, p.keyRange.start);
    if (column(entry) !== column(entries[first === 0 ? entries.length - 1 : 0]!)) return undefined;
    if (!prev.problems.every((p) => within(p, entry.keyRange.end, (next ?? nextSection)?.keyRange.start ?? old.length))) return undefined;
  }

  // A broken entry reads as it does in the document only in its place there (see `inContext`).
  const alone = prev.problems.length > 0 ? undefined : parseFragment(text.slice(spanStart, spanEnd + delta), spanStart);
  const parsed = alone && alone.problems.length === 0 ? alone : inContext(text, spanStart, spanEnd + delta, entries[first - 1], next, entries[last + 2] ?? nextSection, delta);
  const fragment = parsed?.root;
  // The entry, or the entries it became (a resource typed after it): each at the same indentation as
  // before, or it would belong elsewhere in the document.
  if (fragment?.kind !== 'map' || fragment.pairs.length === 0) return undefined;
  const replaced = fragment.pairs;
  const column = entry.keyRange.start - spanStart;
  if (replaced[0]!.keyRange.start - spanStart !== column || replaced.some((p) => p.keyRange.start - lineStart(text, p.keyRange.start) !== column)) return undefined;
  // A broken text is read as the whole document reads it when its only errors are a logical id
  // typed on a line of its own at the key's column, not followed by its colon yet: the parser reads
  // `  Q` as a key with no value and `  Queue` as a key joined to the next entry's (`Queue Fn31`).
  // Any other broken line at the key's column is read as a key by one parse and otherwise by
  // another, and the parser's recovery from it decides where the document ends.
  const window = new Set(entries.slice(first, last + 1).map((p) => p.key));
  const typedId = (r: Range) => replaced.some((p) => !window.has(p.key) && r.start >= p.keyRange.start && r.end <= p.keyRange.end && /^[A-Za-z0-9 \n]+$/.test(text.slice(p.keyRange.start, p.keyRange.end)));
  const idErrorsOnly = parsed!.problems.every((p) => typedId(p.range) && (!p.kept || typedId(p.kept)));
  // More entries than before only from such a text, and under keys no other entry has.
  const outside = (key: string) => entries.some((other, i) => (i < first || i > last) && other.key === key);
  if (replaced.length > last - first + 1 && (!idErrorsOnly || replaced.some((p) => outside(p.key)))) return undefined;

  // The last entry decides where Resources ends, and the document when nothing follows Resources,
  // trailing comments included: the fragment's own parse says where.
  const atEnd = last === entries.length - 1;
  // Only an entry read alone is known to end where it ends in the whole document, when it is broken.
  if (atEnd && first !== last && !idErrorsOnly) return undefined;
  const end = atEnd ? fragment.range.end : resources.range.end + delta;
  // Directives outside the entries stay (shifted when after them); theirs come from their new parse.
  const directives = [
    ...prev.directives.filter((d) => d.range.end <= spanStart),
    ...parsed!.directives,
    ...prev.directives.filter((d) => d.range.start >= spanEnd).map((d) => ({ range: offsetRange(d.range, delta), text: d.text })),
  ];
  return replaceEntries(prev, text, edit, resourcesIndex, first, last, replaced, { resourcesEnd: end, rootEnd: atEnd && !nextSection ? end : root.range.end + delta, directives, problems: parsed!.problems });
}

/**
 * An edit inside a section other than Resources (Parameters, Globals, Outputs, ...) of a clean YAML
 * template: that section is parsed alone, from its key's line to the next section's, and must give
 * one entry under the same key, cleanly; Resources and the other sections keep their nodes (moved
 * when after it).
 */
function reparseSection(prev: Template, text: string, e: EditRegion, resourcesIndex: number): Template | undefined {
  const root = prev.root!;
  const old = prev.text;
  if (prev.problems.length > 0) return undefined;
  const idx = lastAtOrBefore(root.pairs, e.start);
  const section = root.pairs[idx];
  if (!section || idx === resourcesIndex || section.keyRange.start !== lineStart(old, section.keyRange.start)) return undefined;
  const next = root.pairs[idx + 1];
  const spanEnd = next ? lineStart(old, next.keyRange.start) : old.length;
  // The edit lies after the key's first character and before the next section's line.
  if (e.start <= section.keyRange.start || (next && e.end >= spanEnd) || (next && text.charCodeAt(spanEnd + e.delta - 1) !== 10)) return undefined;
  const parsed = parseFragment(text.slice(section.keyRange.start, spanEnd + e.delta), section.keyRange.start);
  const fragment = parsed?.root;
  if (!parsed || parsed.problems.length > 0 || fragment?.kind !== 'map' || fragment.pairs.length !== 1) return undefined;
  const replaced = fragment.pairs[0]!;
  if (replaced.key !== section.key || replaced.keyRange.start !== section.keyRange.start) return undefined;
  // The document ends where the last section's own parse ends it.
  const rootEnd = next ? root.range.end + e.delta : fragment.range.end;
  for (let i = idx + 1; i < root.pairs.length; i++) {
    const p = root.pairs[i]!;
    const value = p.value;
    if (i !== resourcesIndex || value.kind !== 'map') {
      movePair(p, e.delta);
      continue;
    }
    // Resources moves entry by entry: each entry's ranges are collected once and kept with it.
    (p.keyRange as MovableRange).start += e.delta;
    (p.keyRange as MovableRange).end += e.delta;
    (value.range as MovableRange).start += e.delta;
    (value.range as MovableRange).end += e.delta;
    for (const entry of value.pairs) movePair(entry, e.delta);
  }
  const pairs = root.pairs.map((p, i) => (i === idx ? replaced : p));
  const directives = [
    ...prev.directives.filter((d) => d.range.end <= section.keyRange.start),
    ...parsed.directives,
    ...prev.directives.filter((d) => d.range.start >= spanEnd).map((d) => ({ range: offsetRange(d.range, e.delta), text: d.text })),
  ];
  return templateFromTree(text, { kind: 'map', pairs, range: { start: root.range.start, end: rootEnd } }, [], directives, { previous: prev, ...e, ids: [], section: section.key });
}

/** True when problem `p` of the old text starts in `[start, end]`: an entry after its key, up to the next entry's key. */
function within(p: ParseProblem, start: number, end: number): boolean {
  // A problem may start at the next entry's key: where a bracket left open was to be closed.
  const inside = (r: Range) => r.start >= start && r.start <= end;
  return inside(p.range) && (!p.kept || inside(p.kept));
}

/**
 * The entries spanning `[start, end)` of `text` read where they stand, as the whole document reads
 * them: under a section key, after the entry before them (`before`, if any: the parser reads a broken
 * first entry of a mapping otherwise than a later one), and followed by the entry after them (`next`,
 * if any, up to `after`, what follows it) or, after the last entry, by the sections after Resources
 * (`after`, the first of them) or the end of the document; `before`, `next` and `after` as in the old
 * text, `delta` before the new one. The `yaml` parser's recovery from an error depends on what
 * surrounds it, and a quote or bracket left open would run on into what follows, or swallow it. The
 * span may hold more entries than before (a resource being typed after it). Undefined unless the
 * entry before and the next entry or section are read as before, no problem starts outside the span,
 * and no line of the span is indented left of its key (a new section, or an error, to the whole
 * document, which the span read apart may read otherwise).
 */
function inContext(text: string, start: number, end: number, before: Pair | undefined, next: Pair | undefined, after: Pair | undefined, delta: number): { root: MapNode; problems: ParseProblem[]; directives: Template['directives'] } | undefined {
  const section = next ? undefined : after;
  if (outdented(text, start, end) || (!next && !section && end !== text.length)) return undefined;
  if (section && end !== lineStart(text, section.keyRange.start + delta)) return undefined;
  const from = before ? lineStart(text, before.keyRange.start) : start;
  const stop = section ? text.length : !next ? end : after ? lineStart(text, after.keyRange.start + delta) : text.length;
  const heading = 'Resources:\n';
  const parsed = parseFragment(heading + text.slice(from, stop) + closingQuotes(text, stop), from - heading.length);
  const sections = parsed?.root.kind === 'map' ? parsed.root.pairs : [];
  if (section && (sections.length < 2 || sections[1]!.key !== section.key || sections[1]!.keyRange.start !== section.keyRange.start + delta)) return undefined;
  if (!section && sections.length !== 1) return undefined;
  const value = sections[0]!.value;
  const around = (before ? 1 : 0) + (next ? 1 : 0);
  if (value?.kind !== 'map' || value.pairs.length < around + 1) return undefined;
  const first = value.pairs[0]!;
  if (before && (first.key !== before.key || first.keyRange.start !== before.keyRange.start)) return undefined;
  const following = next ? value.pairs[value.pairs.length - 1]! : undefined;
  if (next && (following!.key !== next.key || following!.keyRange.start !== next.keyRange.start + delta)) return undefined;
  const bound = next ? next.keyRange.start + delta : section ? section.keyRange.start + delta : end;
  if (!parsed!.problems.every((p) => p.range.start >= start && p.range.start <= bound && (!p.kept || (p.kept.start >= start && p.kept.start <= bound)))) return undefined;
  const pairs = value.pairs.slice(before ? 1 : 0, next ? -1 : undefined);
  const lastPair = pairs[pairs.length - 1]!;
  return {
    root: { kind: 'map', pairs, range: { start: pairs[0]!.keyRange.start, end: next ? lastPair.value.range.end : value.range.end } },
    problems: parsed!.problems,
    directives: parsed!.directives.filter((d) => d.range.start >= start && d.range.end <= end),
  };
}

/**
 * The JSON path: the edit must lie inside one entry of Resources, after the opening quote of its key
 * and before the closing brace of its value, so the text around the entry (commas, braces) is as it
 * was; the entry is parsed alone and must give one pair, cleanly, under a key no other entry has.
 */
function reparseJsonEntry(prev: Template, text: string, e: EditRegion, resourcesIndex: number): Template | undefined {
  const root = prev.root!;
  const entries = (root.pairs[resourcesIndex]!.value as MapNode).pairs;
  const idx = lastAtOrBefore(entries, e.start);
  const entry = entries[idx];
  if (!entry || entry.value.kind !== 'map' || e.start <= entry.keyRange.start || e.end >= entry.value.range.end) return undefined;
  const end = entry.value.range.end + e.delta;
  // A copy, not a slice of the document (see parseFragment): the parsed strings must not pin this version.
  const piece = Buffer.from(`{${text.slice(entry.keyRange.start, end)}}`, 'utf8').toString('utf8');
  const parsed = parseJsonText(piece, entry.keyRange.start - 1);
  const fragment = parsed.root;
  if (parsed.problems.length > 0 || fragment?.kind !== 'map' || fragment.pairs.length !== 1) return undefined;
  const replaced = fragment.pairs[0]!;
  if (replaced.value.range.end !== end || (replaced.key !== entry.key && entries.some((p) => p.key === replaced.key))) return undefined;
  const resources = root.pairs[resourcesIndex]!.value;
  return replaceEntries(prev, text, e, resourcesIndex, idx, idx, [replaced], { resourcesEnd: resources.range.end + e.delta, rootEnd: root.range.end + e.delta, directives: [], problems: [] });
}

/** The model of `text`: `prev`'s tree with entries `first` to `last` of Resources replaced and everything after them moved. */
function replaceEntries(
  prev: Template,
  text: string,
  e: EditRegion,
  resourcesIndex: number,
  first: number,
  last: number,
  replaced: readonly Pair[],
  after: { resourcesEnd: number; rootEnd: number; directives: Template['directives']; problems: Template['problems'] },
): Template {
  const root = prev.root!;
  const resources = root.pairs[resourcesIndex]!.value as MapNode;
  const entries = resources.pairs;
  for (let i = last + 1; i < entries.length; i++) movePair(entries[i]!, e.delta);
  for (let i = resourcesIndex + 1; i < root.pairs.length; i++) movePair(root.pairs[i]!, e.delta);
  const pairs = [...entries.slice(0, first), ...replaced, ...entries.slice(last + 1)];
  const newResources: MapNode = { kind: 'map', pairs, range: { start: resources.range.start, end: after.resourcesEnd } };
  const rootPairs: Pair[] = root.pairs.map((p, i) => (i === resourcesIndex ? { key: p.key, keyRange: p.keyRange, value: newResources } : p));
  const ids = [...new Set([...entries.slice(first, last + 1).map((p) => p.key), ...replaced.map((p) => p.key)])];
  return templateFromTree(text, { kind: 'map', pairs: rootPairs, range: { start: root.range.start, end: after.rootEnd } }, after.problems, after.directives, { previous: prev, ...e, ids });
}

/** The index of the last entry whose key starts at or before `offset` (-1 when none does). */
function lastAtOrBefore(entries: readonly Pair[], offset: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.keyRange.start <= offset) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return idx;
}

/**
 * A comment holding the quote characters that close a quoted scalar somewhere in `text` from `from` on.
 * The `yaml` parser ends a quoted scalar left open at the first line indented too little only when the
 * quote appears again later in the text; without it the scalar takes the rest of the text. A piece read
 * apart ends with this comment, so an open quote in it ends where it ends in the whole document.
 */
function closingQuotes(text: string, from: number): string {
  let single = text.indexOf("'", from);
  while (single !== -1 && text.charCodeAt(single + 1) === 39) single = text.indexOf("'", single + 2);
  let double = text.indexOf('"', from);
  while (double !== -1 && backslashesBefore(text, double) % 2 === 1) double = text.indexOf('"', double + 1);
  if (single === -1 && double === -1) return '';
  return `#${single === -1 ? '' : "'"}${double === -1 ? '' : '"'}\n`;
}

function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 92) n++;
  return n;
}

/** True when a line after the first of `[start, end)` that holds more than a comment is indented less than the first. */
function outdented(text: string, start: number, end: number): boolean {
  let column = start;
  while (text.charCodeAt(column) === 32) column++;
  const indent = column - start;
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl + 1 < end; nl = text.indexOf('\n', nl + 1)) {
    let c = nl + 1;
    while (c < end && text.charCodeAt(c) === 32) c++;
    const ch = text.charCodeAt(c);
    if (c < end && c - nl - 1 < indent && ch !== 10 && ch !== 13 && ch !== 35 /* # */) return true;
  }
  return false;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A range as the parsers make it: each node's own object, which only `movePair` changes. */
type MovableRange = { start: number; end: number };

/**
 * Every range under a top-level pair (a resource entry, a section after Resources), collected the
 * first time the pair is moved and kept while the pair is: a pair the edits leave alone keeps its
 * nodes, and moving it again is a loop over its ranges instead of a walk of its tree.
 */
const RANGES = new WeakMap<Pair, MovableRange[]>();

/** Moves a pair and everything under it by `d` characters, in place. */
function movePair(p: Pair, d: number): void {
  if (d === 0) return;
  let ranges = RANGES.get(p);
  if (!ranges) RANGES.set(p, (ranges = rangesOf(p, [])));
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    r.start += d;
    r.end += d;
  }
}

/** The ranges of a pair and of everything under it, each once for every time the tree reaches it. */
function rangesOf(p: Pair, out: MovableRange[]): MovableRange[] {
  out.push(p.keyRange as MovableRange);
  collect(p.value, out);
  return out;
}

function collect(n: Node, out: MovableRange[]): void {
  out.push(n.range as MovableRange);
  switch (n.kind) {
    case 'scalar':
      return;
    case 'map':
      for (const p of n.pairs) rangesOf(p, out);
      return;
    case 'seq':
      for (const item of n.items) collect(item, out);
      return;
    case 'intrinsic':
      out.push(n.nameRange as MovableRange);
      collect(n.arg, out);
  }
}
