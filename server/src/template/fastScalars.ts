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
const NEWLINE = 10;
const CR = 13;
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
 * A flow collection (`[...]` / `{...}`) opening at `p`, on one line or over several, each indented
 * at least `minIndent` (what YAML 1.2 requires; under-indented ones are the lenient re-read's), with no
 * comment and no multi-line scalar inside. Maps come back as written (the caller reads their long form
 * unless a tag names the function); nested untagged maps get theirs here.
 */
export function flowCollection(text: string, p: number, minIndent: number, base: number, problems: ParseProblem[]): MapNode | SeqNode {
  return new Flow(text, minIndent, base, problems).collection(p);
}

class Flow {
  /** The end of the line last searched (see lineEnd). */
  private knownLineEnd = -1;

  constructor(
    private readonly text: string,
    private readonly minIndent: number,
    private readonly base: number,
    private readonly problems: ParseProblem[],
  ) {}

  collection(p: number): MapNode | SeqNode {
    const text = this.text;
    const isMap = text.charCodeAt(p) === OPEN_MAP;
    const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const pairs: Pair[] = [];
    const items: Node[] = [];
    let i = this.skip(p + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.key(i);
          const value = this.value(this.skip(key.range.end - this.base + 2));
          pairs.push({ key: String(key.value), keyRange: key.range, value });
          i = this.skip(value.range.end - this.base);
        } else {
          const value = this.pairOrValue(i);
          items.push(value);
          i = this.skip(value.range.end - this.base);
        }
        const c = text.charCodeAt(i);
        if (c === close) break;
        if (c !== COMMA) throw new Decline('flow syntax');
        i = this.skip(i + 1);
        if (text.charCodeAt(i) === close) throw new Decline('flow syntax');
      }
    }
    const range = { start: this.base + p, end: this.base + i + 1 };
    return isMap ? { kind: 'map', pairs: lastOfEachKey(pairs, this.problems), range } : { kind: 'seq', items, range };
  }

  /** A sequence entry at `p`: a value, or a `key: value` pair, which YAML reads as a map of that one pair. */
  private pairOrValue(p: number): Node {
    const value = this.value(p);
    const after = value.range.end - this.base;
    if (value.kind !== 'scalar' || this.text.charCodeAt(after) !== COLON || this.text.charCodeAt(after + 1) !== SPACE) return value;
    const entry = this.value(this.skip(after + 2));
    const map: MapNode = { kind: 'map', pairs: [{ key: String(value.value), keyRange: value.range, value: entry }], range: { start: value.range.start, end: entry.range.end } };
    return longForm(map);
  }

  /**
   * The offset of the next token from `from` on: spaces and line breaks skipped, each new line
   * indented enough and no comment on the way.
   */
  private skip(from: number): number {
    const text = this.text;
    let i = from;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) i++;
      else if (c === NEWLINE || (c === CR && text.charCodeAt(i + 1) === NEWLINE)) {
        const lineStart = c === CR ? i + 2 : i + 1;
        let j = lineStart;
        while (text.charCodeAt(j) === SPACE) j++;
        const first = text.charCodeAt(j);
        const blank = first === NEWLINE || (first === CR && text.charCodeAt(j + 1) === NEWLINE);
        if (!blank && (j - lineStart < this.minIndent || first === HASH)) throw new Decline('flow collection indentation or comment');
        i = j;
      } else if (Number.isNaN(c)) throw new Decline('unclosed flow collection');
      else return i;
    }
  }

  /** A flow map's key (plain or quoted) at `p`, followed by `: ` on its line. */
  private key(p: number): ScalarNode {
    const c = this.text.charCodeAt(p);
    const key = c === DOUBLE || c === SINGLE ? quoted(this.text, p, this.lineEnd(p), this.base) : this.plain(p);
    const after = key.range.end - this.base;
    if (this.text.charCodeAt(after) !== COLON || this.text.charCodeAt(after + 1) !== SPACE) throw new Decline('flow key');
    return key;
  }

  /** A value at `p`: a nested collection, a quoted or plain scalar, or a tagged one. */
  private value(p: number): Node {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      const node = this.collection(p);
      return node.kind === 'map' ? longForm(node) : node;
    }
    if (c === DOUBLE || c === SINGLE) return quoted(text, p, this.lineEnd(p), this.base);
    if (c === 33 /* ! */) {
      let t = p + 1;
      while (t < text.length && text.charCodeAt(t) !== SPACE && text.charCodeAt(t) !== NEWLINE && text.charCodeAt(t) !== CR) t++;
      const fn = TAGS.get(text.slice(p, t));
      const v = this.skip(t);
      if (!fn || v === t || text.charCodeAt(v) === 33) throw new Decline('flow tag');
      const open = text.charCodeAt(v);
      // A tagged collection is the function's argument as written: no long form of its own.
      const arg = open === OPEN_SEQ || open === OPEN_MAP ? this.collection(v) : this.value(v);
      return { kind: 'intrinsic', fn, arg, range: { start: this.base + p, end: arg.range.end }, nameRange: { start: this.base + p, end: this.base + t } };
    }
    return this.plain(p);
  }

  /** A plain scalar on one line: up to `,`, `]`, `}`, a `: ` or the line's end. */
  private plain(p: number): ScalarNode {
    const text = this.text;
    const end = this.lineEnd(p);
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
    let stop = i;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    return { kind: 'scalar', value: resolvePlainScalar(text.slice(p, stop)), range: { start: this.base + p, end: this.base + stop } };
  }

  /** The end of the line holding `p`. Offsets only move forward, so one search serves a whole line (a 4 MB one-line collection stays linear). */
  private lineEnd(p: number): number {
    if (p <= this.knownLineEnd) return this.knownLineEnd;
    const nl = this.text.indexOf('\n', p);
    this.knownLineEnd = nl < 0 ? this.text.length : nl > p && this.text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    return this.knownLineEnd;
  }
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
