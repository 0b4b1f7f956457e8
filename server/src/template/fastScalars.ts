/**
 * The one-line pieces of the fast YAML reader (fastYaml.ts): quoted scalars, flow collections and
 * the value of a block scalar's lines, each read exactly as the `yaml` package reads them, or
 * declined.
 */
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './ast';
import type { ParseProblem } from './parse';
import { lastOfEachKey, longForm, TAGS } from './treeBuild';
import { resolvePlainScalar } from './yamlScalars';

/** Thrown where the text leaves the reader's subset; the caller falls back to the `yaml` path. */
export class Decline {
  constructor(readonly reason: string) {}
}


const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const DOUBLE = 34;
const SINGLE = 39;
const BACKSLASH = 92;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;

/** Characters that cannot start a plain scalar (YAML's indicators). */
const INDICATORS: ReadonlySet<number> = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** True when a plain scalar can start at `p` (a `-` only when something other than a space follows). */
export function isPlainStart(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  if (!INDICATORS.has(c)) return p < end;
  return c === DASH && p + 1 < end && text.charCodeAt(p + 1) !== SPACE;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * A single- or double-quoted scalar opening at `p` and closing before `end` (one line). Like every
 * reader here it returns the node alone: the text after it starts at the node's range end, less `base`.
 */
export function quoted(text: string, p: number, end: number, base: number): ScalarNode {
  const quote = text.charCodeAt(p);
  let value = '';
  let from = p + 1;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === SINGLE) {
      if (c !== SINGLE) continue;
      if (text.charCodeAt(i + 1) === SINGLE && i + 1 < end) {
        value += text.slice(from, i + 1);
        from = ++i + 1;
        continue;
      }
    } else if (c === BACKSLASH) {
      value += text.slice(from, i);
      const next = text[i + 1];
      const simple = next === undefined || i + 1 >= end ? undefined : ESCAPES[next];
      if (simple !== undefined) {
        value += simple;
        i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + length);
        if (i + 2 + length > end || !HEX.test(hex) || parseInt(hex, 16) > 0x10ffff) throw new Decline('escape');
        value += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + length;
      } else throw new Decline('escape');
      from = i + 1;
      continue;
    } else if (c !== DOUBLE) continue;
    value += text.slice(from, i);
    return { kind: 'scalar', value, range: { start: base + p, end: base + i + 1 } };
  }
  throw new Decline('multi-line quoted scalar');
}

/**
 * A flow collection (`[...]` / `{...}`) opening at `p` and closing on the same line. Maps come back
 * as written (the caller reads their long form unless a tag names the function); nested untagged
 * maps get theirs here.
 */
export function flowCollection(text: string, p: number, end: number, base: number, problems: ParseProblem[]): MapNode | SeqNode {
  const isMap = text.charCodeAt(p) === OPEN_MAP;
  const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
  const pairs: Pair[] = [];
  const items: Node[] = [];
  let i = skipSpaces(text, p + 1, end);
  if (text.charCodeAt(i) !== close || i >= end) {
    for (;;) {
      if (isMap) {
        const key = flowKey(text, i, end, base);
        const value = flowValue(text, skipSpaces(text, key.range.end - base + 2, end), end, base, problems);
        pairs.push({ key: String(key.value), keyRange: key.range, value });
        i = skipSpaces(text, value.range.end - base, end);
      } else {
        const value = flowValue(text, i, end, base, problems);
        items.push(value);
        i = skipSpaces(text, value.range.end - base, end);
      }
      if (i >= end) throw new Decline('multi-line flow collection');
      const c = text.charCodeAt(i);
      if (c === close) break;
      if (c !== COMMA) throw new Decline('flow syntax');
      i = skipSpaces(text, i + 1, end);
      if (i >= end || text.charCodeAt(i) === close) throw new Decline('flow syntax');
    }
  }
  const range = { start: base + p, end: base + i + 1 };
  return isMap ? { kind: 'map', pairs: lastOfEachKey(pairs, problems), range } : { kind: 'seq', items, range };
}

/** A flow map's key (plain or quoted) at `p`, followed by `: `. */
function flowKey(text: string, p: number, end: number, base: number): ScalarNode {
  const c = text.charCodeAt(p);
  const key = c === DOUBLE || c === SINGLE ? quoted(text, p, end, base) : flowPlain(text, p, end, base);
  const after = key.range.end - base;
  if (text.charCodeAt(after) !== COLON || text.charCodeAt(after + 1) !== SPACE || after + 1 >= end) throw new Decline('flow key');
  return key;
}

/** A value inside a flow collection at `p`: a nested collection, a quoted or plain scalar, or a tagged one. */
function flowValue(text: string, p: number, end: number, base: number, problems: ParseProblem[]): Node {
  if (p >= end) throw new Decline('multi-line flow collection');
  const c = text.charCodeAt(p);
  if (c === OPEN_SEQ || c === OPEN_MAP) {
    const node = flowCollection(text, p, end, base, problems);
    return node.kind === 'map' ? longForm(node) : node;
  }
  if (c === DOUBLE || c === SINGLE) return quoted(text, p, end, base);
  if (c === 33 /* ! */) {
    let t = p + 1;
    while (t < end && text.charCodeAt(t) !== SPACE) t++;
    const fn = TAGS.get(text.slice(p, t));
    const v = skipSpaces(text, t, end);
    if (!fn || v === t || v >= end || text.charCodeAt(v) === 33) throw new Decline('flow tag');
    const arg = flowArg(text, v, end, base, problems);
    return { kind: 'intrinsic', fn, arg, range: { start: base + p, end: arg.range.end }, nameRange: { start: base + p, end: base + t } };
  }
  return flowPlain(text, p, end, base);
}

/** A tagged value inside a flow collection: as written (no long form of its own). */
function flowArg(text: string, p: number, end: number, base: number, problems: ParseProblem[]): Node {
  const c = text.charCodeAt(p);
  if (c === OPEN_SEQ || c === OPEN_MAP) return flowCollection(text, p, end, base, problems);
  return flowValue(text, p, end, base, problems);
}

/** A plain scalar inside a flow collection: up to `,`, `]`, `}` or a `: `. */
function flowPlain(text: string, p: number, end: number, base: number): ScalarNode {
  if (!isPlainStart(text, p, end)) throw new Decline('flow indicator');
  let i = p + 1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_SEQ || c === CLOSE_MAP) break;
    if (c === OPEN_SEQ || c === OPEN_MAP) throw new Decline('flow indicator in a plain scalar');
    if (c === COLON) {
      const n = text.charCodeAt(i + 1);
      if (i + 1 >= end || n === SPACE || n === COMMA || n === CLOSE_SEQ || n === CLOSE_MAP || n === OPEN_SEQ || n === OPEN_MAP) break;
    }
    if (c === HASH && text.charCodeAt(i - 1) === SPACE) throw new Decline('comment in a flow collection');
  }
  if (i >= end) throw new Decline('multi-line flow collection');
  let stop = i;
  while (text.charCodeAt(stop - 1) === SPACE) stop--;
  return { kind: 'scalar', value: resolvePlainScalar(text.slice(p, stop)), range: { start: base + p, end: base + stop } };
}

function skipSpaces(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/**
 * The value of a block scalar from its lines with the content indentation removed (blank lines
 * empty, trailing blank lines left out), by the folding and chomping of the `yaml` package: a
 * literal keeps the line breaks; a folded scalar joins lines with a space, except around blank and
 * more-indented lines; `-` strips the final line break.
 */
export function blockScalarValue(lines: readonly string[], folded: boolean, strip: boolean): string {
  let value = '';
  let i = 0;
  for (; lines[i] === ''; i++) value += '\n';
  let sep = '';
  let prevMoreIndented = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!folded) {
      value += sep + line;
      sep = '\n';
    } else if (line.charCodeAt(0) === SPACE) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + line;
      sep = '\n';
      prevMoreIndented = true;
    } else if (line === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + line;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  return strip ? value : `${value}\n`;
}
