/**
 * Every text edit Lambda Lens proposes, in one place: adding keys, maps and list items, replacing a
 * value (or the parameter Default it came from), removing an entry, and the disable comment.
 * Nothing is re-serialised: new text is written in the style of its surroundings (YAML block, YAML
 * flow, or JSON), so a fix leaves the rest of the document byte for byte as it was and the result
 * still parses.
 */
import type { MapNode, Pair, Range, SeqNode } from '../template/ast';
import type { Resource, Template } from '../template/model';
import type { Candidate } from '../template/resolve';
import type { Fix, TextEdit } from './types';

/** A value to write: a string, a number or boolean, `!Ref id`, `!Sub text`. */
export type EditScalar = string | number | boolean | { readonly ref: string } | { readonly sub: string };
/** A map to write, its entries in order. */
export interface EditMap {
  readonly entries: ReadonlyArray<readonly [string, EditValue]>;
}
export type EditValue = EditScalar | readonly EditScalar[] | EditMap;

/** The comment that silences rules on the next line (`# lambda-lens-disable-next-line <id>...`). */
export const DISABLE_COMMENT = 'lambda-lens-disable-next-line';

type Style = 'block' | 'flow' | 'json';

/** Inserts `key: value` as the next sibling of `pair` in the map that holds it. */
export function insertPairAfter(t: Template, pair: Pair, key: string, value: EditValue): TextEdit {
  const style = styleAt(t, pair.keyRange.start);
  const end = pair.value.range.end;
  if (style === 'block') {
    const at = lineEnd(t.text, end);
    const indent = ' '.repeat(column(t.text, pair.keyRange.start));
    return { range: point(at), newText: `\n${indent}${blockPair(key, value, indent)}` };
  }
  const newline = style === 'json' && lineOf(t, pair.keyRange.start) !== lineOf(t, previousContent(t.text, pair.keyRange.start));
  const sep = newline ? `,\n${' '.repeat(column(t.text, pair.keyRange.start))}` : ', ';
  return { range: point(end), newText: `${sep}${flowPair(key, value, style)}` };
}

/** Inserts `key: value` as the first entry of `map`; an empty flow map `{}` gets it as its only entry. */
export function insertPairFirst(t: Template, map: MapNode, key: string, value: EditValue): TextEdit | undefined {
  const first = map.pairs[0];
  if (!first) {
    if (t.text[map.range.start] !== '{') return undefined;
    const style: Style = t.format === 'json' ? 'json' : 'flow';
    const pad = style === 'json' ? '' : ' ';
    return { range: point(map.range.start + 1), newText: `${pad}${flowPair(key, value, style)}${pad}` };
  }
  const style = styleAt(t, first.keyRange.start);
  const start = first.keyRange.start;
  if (style === 'block') {
    const lineStart = t.text.lastIndexOf('\n', start - 1) + 1;
    if (t.text.slice(lineStart, start).trim() !== '') return undefined;
    const indent = t.text.slice(lineStart, start);
    return { range: point(lineStart), newText: `${indent}${blockPair(key, value, indent)}\n` };
  }
  const newline = style === 'json' && lineOf(t, start) !== lineOf(t, previousContent(t.text, start));
  const sep = newline ? `,\n${' '.repeat(column(t.text, start))}` : ', ';
  return { range: point(start), newText: `${flowPair(key, value, style)}${sep}` };
}

/** Sets `key: value` in a resource's Properties: its first entry, or a new Properties map after Type. */
export function insertProperty(t: Template, resource: Resource, key: string, value: EditValue): TextEdit | undefined {
  if (resource.properties) return insertPairFirst(t, resource.properties, key, value);
  const type = resource.node.pairs.find((p) => p.key === 'Type');
  return type ? insertPairAfter(t, type, 'Properties', { entries: [[key, value]] }) : undefined;
}

/** Appends an item to a sequence, block or flow. */
export function appendListItem(t: Template, seq: SeqNode, value: EditScalar): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  const open = t.text[seq.range.start] === '[';
  if (!open) {
    if (!last) return undefined;
    const dash = t.text.lastIndexOf('-', last.range.start);
    const at = lineEnd(t.text, last.range.end);
    return { range: point(at), newText: `\n${' '.repeat(column(t.text, dash))}- ${yamlScalar(value)}` };
  }
  const text = t.format === 'json' ? jsonScalar(value) : yamlScalar(value);
  if (!last) return { range: point(seq.range.start + 1), newText: text };
  return { range: point(last.range.end), newText: `, ${text}` };
}

/** Replaces a value node's text with `value`, written in the document's style. */
export function replaceWith(t: Template, range: Range, value: EditValue): TextEdit {
  return { range, newText: t.format === 'json' ? jsonValue(value) : flowValue(value) };
}

/** Replaces a candidate's written value: the literal, or the parameter Default it came from. */
export function replaceValue(c: Candidate, newText: string): TextEdit {
  return { range: c.via[0] ?? c.at, newText };
}

/** A fix replacing a candidate's written value with `newText`. */
export function replaceValueFix(title: string, c: Candidate, newText: string): Fix {
  return { title, edits: [replaceValue(c, newText)] };
}

/** A fix replacing a string value (or the parameter Default it came from), keeping its quote style. */
export function replaceStringFix(t: Template, c: Candidate, value: string): Fix {
  const range = c.via[0] ?? c.at;
  const quote = t.text[range.start];
  const newText = quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : value;
  return { title: `Change to ${value}`, edits: [{ range, newText }] };
}

/**
 * Removes the YAML block-mapping entry whose key starts at `keyStart`: its key's line and every line
 * after it that belongs to its value (indented past the key, or a `- ` item at the key's column),
 * with the blank lines and comments between them. Undefined for JSON, for an entry of a flow mapping
 * and for the first key of a list item (`- Key:`), whose line holds more than the entry.
 */
export function removeBlockEntry(t: Template, keyStart: number): TextEdit | undefined {
  const text = t.text;
  const indent = column(text, keyStart);
  const start = keyStart - indent;
  if (t.format === 'json' || !/^ *$/.test(text.slice(start, keyStart))) return undefined;
  let end = text.indexOf('\n', keyStart);
  if (end === -1) return { range: { start, end: text.length }, newText: '' };
  end++;
  // The end of the entry's last line of content: blank lines and comments after it stay.
  let kept = end;
  for (let line = end; line < text.length; ) {
    const next = text.indexOf('\n', line);
    const stop = next === -1 ? text.length : next + 1;
    const content = text.slice(line, stop).replace(/\r?\n$/, '');
    const lead = content.length - content.trimStart().length;
    const blank = content.trim() === '' || content.trimStart().startsWith('#');
    if (!blank && (lead < indent || (lead === indent && !/^- |^-$/.test(content.trimStart())))) break;
    if (!blank) kept = stop;
    line = stop;
  }
  return { range: { start, end: kept }, newText: '' };
}

/**
 * A `# lambda-lens-disable-next-line <id>` comment above the line of `offset`, or the id added to the
 * comment already there. Undefined for JSON, which has no comments.
 */
export function disableCommentEdit(t: Template, offset: number, ruleId: string): TextEdit | undefined {
  if (t.format === 'json') return undefined;
  const line = t.lines.positionAt(offset).line;
  const previous = line > 0 ? t.lines.lineText(line - 1) : '';
  if (previous.includes(DISABLE_COMMENT)) {
    // Extend the existing comment instead of stacking a second one.
    return { range: point(t.lines.lineStart(line - 1) + previous.length), newText: ` ${ruleId}` };
  }
  const indent = /^\s*/.exec(t.lines.lineText(line))![0];
  return { range: point(t.lines.lineStart(line)), newText: `${indent}# ${DISABLE_COMMENT} ${ruleId}\n` };
}

function styleAt(t: Template, offset: number): Style {
  if (t.format === 'json') return 'json';
  const prev = t.text[previousContent(t.text, offset)];
  return prev === '{' || prev === ',' ? 'flow' : 'block';
}

function blockPair(key: string, value: EditValue, indent: string): string {
  if (isMap(value)) return `${key}:${value.entries.map(([k, v]) => `\n${indent}  ${blockPair(k, v, `${indent}  `)}`).join('')}`;
  if (!isList(value)) return `${key}: ${yamlScalar(value)}`;
  return `${key}:${value.map((v) => `\n${indent}  - ${yamlScalar(v)}`).join('')}`;
}

function flowPair(key: string, value: EditValue, style: Style): string {
  return style === 'json' ? `${JSON.stringify(key)}: ${jsonValue(value)}` : `${key}: ${flowValue(value)}`;
}

function flowValue(value: EditValue): string {
  if (isMap(value)) return `{ ${value.entries.map(([k, v]) => flowPair(k, v, 'flow')).join(', ')} }`;
  return isList(value) ? `[${value.map((v) => yamlScalar(v)).join(', ')}]` : yamlScalar(value);
}

function jsonValue(value: EditValue): string {
  if (isMap(value)) return `{ ${value.entries.map(([k, v]) => flowPair(k, v, 'json')).join(', ')} }`;
  return isList(value) ? `[${value.map(jsonScalar).join(', ')}]` : jsonScalar(value);
}

function yamlScalar(v: EditScalar): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return /^[A-Za-z0-9_./-]+$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`;
  if ('ref' in v) return `!Ref ${v.ref}`;
  return `!Sub '${v.sub.replace(/'/g, "''")}'`;
}

function jsonScalar(v: EditScalar): string {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  return 'ref' in v ? `{ "Ref": ${JSON.stringify(v.ref)} }` : `{ "Fn::Sub": ${JSON.stringify(v.sub)} }`;
}

function isList(v: EditValue): v is readonly EditScalar[] {
  return Array.isArray(v);
}

function isMap(v: EditValue): v is EditMap {
  return typeof v === 'object' && !Array.isArray(v) && 'entries' in v;
}

function point(offset: number): Range {
  return { start: offset, end: offset };
}

function previousContent(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineOf(t: Template, offset: number): number {
  return t.lines.positionAt(offset).line;
}
