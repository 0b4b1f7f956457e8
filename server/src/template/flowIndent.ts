/**
 * Lenient reading of flow collections (`[ ... ]`, `{ ... }`) whose continuation lines are indented
 * less than YAML 1.2 requires. YAML 1.2 wants every line of a flow collection that sits in a block
 * mapping or sequence indented past that block; PyYAML (and so cfn-lint and the SAM CLI) and
 * CloudFormation ignore indentation inside flow collections, and published templates rely on it:
 *
 *     Action: [
 *       "s3:GetObject",
 *     "s3:PutObject" ]
 *
 * Inside a flow collection indentation carries no meaning (line breaks and leading spaces fold
 * away, even in multi-line quoted scalars), so padding those lines changes no value. This module
 * pads them, and maps every offset of the padded text back to the original, so a parse of the
 * padded text gives the values PyYAML reads at the positions the user wrote.
 */
import { CST, Lexer } from 'yaml';
import type { Range } from './ast';

/** The text with under-indented flow lines padded, and the way back to the original's offsets. */
export interface Reindented {
  readonly text: string;
  /** Offset in `text` -> offset in the original text (padding maps to the line start it was put at). */
  toOriginal(offset: number): number;
  /** For each re-indented collection, in the original text: its first under-indented line's content. */
  readonly lines: readonly Range[];
}

interface Insertion {
  /** Offset in the original text (a line start). */
  readonly at: number;
  readonly count: number;
}

/** Pads the under-indented flow collections of `text`; undefined when there are none to pad. */
export function reindentFlows(text: string): Reindented | undefined {
  const inserts: Insertion[] = [];
  const lines: Range[] = [];
  // Collections are found front to back. Padding changes nothing after a collection's last line, so
  // the search resumes in the original text on the next line, a block-context line start.
  for (let from = 0; from >= 0; ) {
    const start = brokenFlowStart(text, from);
    if (start === undefined) break;
    const end = flowEnd(text, start);
    if (end === undefined) break;
    const pads = padsFor(text, start, end);
    if (pads.length === 0) break;
    const firstContent = pads[0]!.at + indentOf(text, pads[0]!.at);
    lines.push({ start: firstContent, end: lineEnd(text, firstContent) });
    inserts.push(...pads);
    const next = text.indexOf('\n', end);
    from = next < 0 ? -1 : next + 1;
  }
  return inserts.length === 0 ? undefined : { text: apply(text, inserts), toOriginal: mapper(inserts), lines };
}

/**
 * The offset of the `[` / `{` opening the first block-context flow collection, from the line start
 * `from` on, that the lexer gives up on.
 */
function brokenFlowStart(text: string, from: number): number | undefined {
  let offset = from;
  let depth = 0;
  let start = -1;
  for (const token of new Lexer().lex(from === 0 ? text : text.slice(from))) {
    const type = CST.tokenType(token);
    if (type === 'flow-error-end') return start >= 0 ? start : undefined;
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (depth === 0) start = offset;
      depth++;
    } else if ((type === 'flow-map-end' || type === 'flow-seq-end') && depth > 0) depth--;
    if (!isControl(token)) offset += token.length;
  }
  return undefined;
}

/**
 * The offset just after the bracket that closes the collection opened at `start`. The collection is
 * lexed on its own, as a document of its own, where no indentation is required.
 */
function flowEnd(text: string, start: number): number | undefined {
  let offset = start;
  let depth = 0;
  for (const token of new Lexer().lex(text.slice(start))) {
    const type = CST.tokenType(token);
    if (!isControl(token)) offset += token.length;
    if (type === 'flow-map-start' || type === 'flow-seq-start') depth++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      depth--;
      if (depth === 0) return offset;
    } else if (type === 'flow-error-end') return undefined;
  }
  return undefined;
}

/**
 * Padding for the lines after the collection's first line, up to the line of its end: each gets at
 * least one column more than the block it sits in (the first content column of the line the
 * collection starts on, after any `- ` / `? ` / `: ` indicators). Padding more than YAML needs is
 * harmless inside a flow collection.
 */
function padsFor(text: string, start: number, end: number): Array<{ at: number; count: number }> {
  const firstLine = lineStart(text, start);
  let column = indentOf(text, firstLine);
  while (/[-?:]/.test(text[firstLine + column] ?? '') && /[ \t]/.test(text[firstLine + column + 1] ?? '')) {
    column += 1;
    while (text[firstLine + column] === ' ') column++;
  }
  const required = column + 1;
  const pads: Array<{ at: number; count: number }> = [];
  for (let at = text.indexOf('\n', start) + 1; at > 0 && at < end; at = text.indexOf('\n', at) + 1) {
    const indent = indentOf(text, at);
    const blank = /[\r\n]/.test(text[at + indent] ?? '\n');
    if (!blank && indent < required) pads.push({ at, count: required - indent });
  }
  return pads;
}

/** Lexer tokens that mark structure without being part of the source (document start, scalar, flow error). */
function isControl(token: string): boolean {
  return token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\t' && token !== '\r';
}

function indentOf(text: string, lineStartOffset: number): number {
  let i = lineStartOffset;
  while (text[i] === ' ') i++;
  return i - lineStartOffset;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function apply(original: string, inserts: readonly Insertion[]): string {
  const parts: string[] = [];
  let prev = 0;
  for (const i of inserts) {
    parts.push(original.slice(prev, i.at), ' '.repeat(i.count));
    prev = i.at;
  }
  parts.push(original.slice(prev));
  return parts.join('');
}

/** Offset in the padded text -> offset in the original, by binary search over the insertions. */
function mapper(inserts: readonly Insertion[]): (offset: number) => number {
  const starts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const i of inserts) {
    starts.push(i.at + shift);
    shifts.push(shift);
    shift += i.count;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const padEnd = starts[found]! + inserts[found]!.count;
    return offset < padEnd ? inserts[found]!.at : offset - shifts[found]! - inserts[found]!.count;
  };
}
