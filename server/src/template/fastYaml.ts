/**
 * A fast reader for the YAML CloudFormation templates are written in: block mappings and sequences,
 * plain scalars, one-line quoted scalars, literal and folded block scalars, flow collections (indented
 * as YAML 1.2 wants them) and the short-form tags, read line by line straight into the tree of ast.ts.
 * It gives exactly what the `yaml` path of parse.ts gives (the same tree, ranges, problems and
 * directives) and declines, returning undefined, at the first construct outside that subset:
 * anchors, aliases, multi-line quoted scalars, comments inside flow collections, document
 * markers, tabs, explicit keys, anything that would be a syntax error. The `yaml` package stays the
 * authority for those.
 *
 * The subtle part is where a block collection ends. `yaml` ends a block mapping or sequence at the
 * end of its last value, comments included: a comment on the last value's line, the comment lines
 * after it indented past the collection (attached to that value when it is a one-line scalar or
 * flow collection) and a run of trailing comment lines that the closing collection keeps (when one
 * of them is indented at least as far as it and it is not at column 0). `close` reproduces that.
 */
import type { MapNode, Node, Pair, SeqNode } from './ast';
import type { Directive, ParsedText, ParseProblem } from './parse';
import { DIRECTIVE_MARK, lastOfEachKey, longForm, nullAt, TAGS } from './treeBuild';
import { Decline, flowCollection, quoted, blockScalarValue, isPlainStart } from './fastScalars';
import { resolvePlainScalar } from './yamlScalars';
import { hasDocumentMarker } from './sniff';
import { BLANK, COMMENT, CONTENT, Lines, trimEnd } from './fastLines';

const UNUSUAL = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

// Character codes, local so the hot loops read constants, not another module's exports.
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** How a value takes the comment lines after it (see the module comment). */
const enum Tail {
  /** A block collection: its own trailing comments were settled when it closed. */
  Collection,
  /** A one-line scalar or flow collection: indented comment lines after it count into it. */
  Inline,
  /** A block scalar: comment lines after it start the trailing run. */
  Block,
  /** A missing value: the comments on its line and after it count into it. */
  Empty,
}

/** A run of trailing comment lines not yet kept by a collection: its deepest indentation and its end. */
interface Run {
  readonly max: number;
  readonly end: number;
}

interface Built {
  readonly node: Node;
  /** Where `yaml` ends the value with the comments it counts in (trailing blanks left out). */
  readonly end: number;
  /** The last line the value occupies. */
  readonly lastLine: number;
  readonly tail: Tail;
  /** For a collection: the trailing comment run it passed on to its parent. */
  readonly run?: Run;
}

/**
 * The tree of a YAML template, or undefined when the text holds anything outside the reader's
 * subset. With `base`, `text` is a piece of a larger document at that offset: every range is a
 * position in the document.
 */
export function readFastYaml(text: string, base = 0): ParsedText | undefined {
  // Tabs, lone carriage returns, control characters and Unicode line breaks each have rules of their own; templates rarely hold them.
  if (UNUSUAL.test(text) || hasDocumentMarker(text)) return undefined;
  const read = attempt(text, base);
  return read instanceof Decline ? undefined : read;
}

/** Why the reader leaves `text` to the `yaml` path (undefined when it reads it): for tests and benchmarks. */
export function declineReason(text: string): string | undefined {
  if (UNUSUAL.test(text)) return 'tab, lone carriage return, control character or Unicode line break';
  if (hasDocumentMarker(text)) return 'document marker or directive';
  const read = attempt(text, 0);
  return read instanceof Decline ? read.reason : undefined;
}

function attempt(text: string, base: number): ParsedText | Decline {
  try {
    return new Reader(text, base).read();
  } catch (e) {
    if (e instanceof Decline) return e;
    throw e;
  }
}

class Reader {
  private readonly lines: Lines;
  /** Lines that are block scalar content (a `#` there starts no comment). */
  private readonly inScalar = new Set<number>();
  private readonly problems: ParseProblem[] = [];
  private readonly lineComments: Directive[] = [];
  /** The last line of the plain scalar `plain` read last, and whether a comment ended its first line. */
  private plainLastLine = 0;
  private commentEnded = false;
  /** The value of the key `key` read last. */
  private keyValue = '';

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {
    this.lines = new Lines(text);
  }

  read(): ParsedText {
    const first = this.lines.nextContent(0);
    if (first < 0) throw new Decline('empty document');
    const root = untaggedBlock(this.block(first, this.lines.indents[first]!));
    if (this.lines.nextContent(root.lastLine + 1) >= 0) throw new Decline('content after the root');
    return { root: root.node, problems: this.problems, anchors: false, directives: this.directives() };
  }

  /** The comments naming Lambda Lens, in document order, as the `yaml` tokens give them. */
  private directives(): Directive[] {
    if (!this.text.includes(DIRECTIVE_MARK)) return [];
    const found = [...this.lineComments];
    for (let l = 0; l < this.lines.count; l++) {
      if (this.lines.kinds[l] !== COMMENT || this.inScalar.has(l)) continue;
      const hash = this.lines.starts[l]! + this.lines.indents[l]!;
      const source = this.text.slice(hash, this.lines.ends[l]);
      if (source.includes(DIRECTIVE_MARK)) found.push({ range: { start: this.base + hash, end: this.base + this.lines.ends[l]! }, text: source.slice(1).trim() });
    }
    return found.sort((a, b) => a.range.start - b.range.start);
  }

  /** The block collection whose first entry is on line `l` at column `col`. */
  private block(l: number, col: number): Built {
    const at = this.lines.starts[l]! + col;
    return this.text.charCodeAt(at) === DASH && isBlankOrEnd(this.text, at + 1, this.lines.ends[l]!) ? this.seq(l, col) : this.map(l, col);
  }

  private map(line: number, col: number): Built {
    const pairs: Pair[] = [];
    const start = this.lines.starts[line]! + col;
    let l = line;
    let last: Built;
    let next: number;
    for (;;) {
      const keyStart = this.lines.starts[l]! + col;
      const colon = this.key(keyStart, this.lines.ends[l]!);
      if (colon < 0) throw new Decline('not a simple key');
      const key = this.keyValue;
      last = this.value(l, colon + 1, col, false);
      pairs.push({ key, keyRange: { start: this.base + keyStart, end: this.base + colon }, value: last.node });
      next = this.lines.nextContent(last.lastLine + 1);
      if (next < 0 || this.lines.indents[next]! < col) break;
      if (this.lines.indents[next]! > col || this.lines.isDash(next)) throw new Decline('indentation');
      l = next;
    }
    const node: MapNode = { kind: 'map', pairs: lastOfEachKey(pairs, this.problems), range: { start: this.base + start, end: 0 } };
    return this.close(node, col, last, next);
  }

  private seq(line: number, col: number): Built {
    const items: Node[] = [];
    const start = this.lines.starts[line]! + col;
    let l = line;
    let last: Built;
    let next: number;
    for (;;) {
      const dash = this.lines.starts[l]! + col;
      const end = this.lines.ends[l]!;
      let p = dash + 1;
      while (p < end && this.text.charCodeAt(p) === SPACE) p++;
      if (p < end && this.text.charCodeAt(p) === DASH && isBlankOrEnd(this.text, p + 1, end)) throw new Decline('compact nested sequence');
      last = p < end && this.text.charCodeAt(p) !== HASH && this.key(p, end) >= 0 ? untaggedBlock(this.map(l, p - this.lines.starts[l]!)) : this.value(l, dash + 1, col, true);
      items.push(last.node);
      next = this.lines.nextContent(last.lastLine + 1);
      if (next < 0 || this.lines.indents[next]! < col) break;
      if (this.lines.indents[next]! > col) throw new Decline('indentation');
      if (!this.lines.isDash(next)) break;
      l = next;
    }
    const node: SeqNode = { kind: 'seq', items, range: { start: this.base + start, end: 0 } };
    return this.close(node, col, last, next);
  }

  /**
   * A block collection at `col` ends with its last value and the comment lines `yaml` counts into
   * it; a trailing run of comment lines is kept by the innermost closing collection that one of its
   * lines is indented to (never one at column 0), and otherwise passed on to the parent.
   */
  private close(node: MapNode | SeqNode, col: number, last: Built, next: number): Built {
    let end = last.end;
    let run = last.run;
    if (last.tail !== Tail.Collection) {
      const stop = next < 0 ? this.lines.count : next;
      let l = last.lastLine + 1;
      for (; l < stop; l++) {
        if (this.lines.kinds[l] !== COMMENT) continue;
        if (last.tail !== Tail.Inline || this.lines.indents[l]! <= col) break;
        end = this.lines.commentEnd(l);
      }
      for (; l < stop; l++) {
        if (this.lines.kinds[l] === COMMENT) run = { max: Math.max(run?.max ?? 0, this.lines.indents[l]!), end: this.lines.commentEnd(l) };
      }
      if (last.tail === Tail.Empty) {
        // A missing value keeps every comment up to the next entry: `yaml` reads them as its own.
        if (run) end = run.end;
        run = undefined;
      }
    }
    (node.range as { end: number }).end = this.base + trimEnd(this.text, end, node.range.start - this.base);
    const lastLine = last.lastLine;
    if (run && col > 0 && run.max >= col) return { node, end: run.end, lastLine, tail: Tail.Collection };
    return { node, end, lastLine, tail: Tail.Collection, run };
  }

  /**
   * The offset of the `:` after a simple key at `p` (plain or quoted, on one line), which ends the
   * key, with the key's value in `keyValue`; -1 for anything else.
   */
  private key(p: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const q = quoted(text, p, end, 0);
      const after = q.range.end;
      if (text.charCodeAt(after) !== COLON || !isBlankOrEnd(text, after + 1, end)) return -1;
      this.keyValue = String(q.value);
      return after;
    }
    if (!isPlainStart(text, p, end)) return -1;
    for (let i = p + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && isBlankOrEnd(text, i + 1, end)) {
        if (text.charCodeAt(i - 1) === SPACE || i - p > 1000) return -1;
        this.keyValue = String(resolvePlainScalar(text.slice(p, i)));
        return i;
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /**
   * The value after a key's `:` or an entry's `-` at `pos` on line `l`, in a collection at `col`:
   * on the same line, or a block collection on the lines below, or missing.
   */
  private value(l: number, pos: number, col: number, inSeq: boolean): Built {
    const text = this.text;
    const end = this.lines.ends[l]!;
    let p = pos;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p < end && p === pos) throw new Decline('no space after an indicator');
    const c = text.charCodeAt(p);
    if (p === end || c === HASH) {
      if (p < end) this.lineComment(p, end);
      const nested = this.nestedBlock(l, col, inSeq);
      if (nested) return untaggedBlock(nested);
      let at = pos;
      while (text.charCodeAt(at) === SPACE) at++;
      return { node: nullAt(this.base + at), end: p < end ? trimEnd(text, end, p) : at, lastLine: l, tail: Tail.Empty };
    }
    if (c === 33 /* ! */) {
      let t = p + 1;
      while (t < end && text.charCodeAt(t) !== SPACE) t++;
      const fn = TAGS.get(text.slice(p, t));
      if (!fn) throw new Decline('tag');
      let v = t;
      while (v < end && text.charCodeAt(v) === SPACE) v++;
      let built: Built | undefined;
      if (v === end || text.charCodeAt(v) === HASH) {
        if (v < end) this.lineComment(v, end);
        built = this.nestedBlock(l, col, inSeq);
        if (!built) throw new Decline('tag without a value');
      } else built = this.inline(l, v, col, false);
      const arg = built.node;
      const node: Node = { kind: 'intrinsic', fn, arg, range: { start: this.base + p, end: arg.range.end }, nameRange: { start: this.base + p, end: this.base + t } };
      return { ...built, node };
    }
    return this.inline(l, p, col, true);
  }

  /** The block collection on the lines after line `l` that is the value of an entry at `col`, if any. */
  private nestedBlock(l: number, col: number, inSeq: boolean): Built | undefined {
    const n = this.lines.nextContent(l + 1);
    if (n < 0) return undefined;
    const indent = this.lines.indents[n]!;
    if (indent > col || (indent === col && !inSeq && this.lines.isDash(n))) return this.block(n, indent);
    return undefined;
  }

  /** A value that starts at `p` on line `l` and is not a tag; `untagged` maps get their long form read. */
  private inline(l: number, p: number, col: number, untagged: boolean): Built {
    const text = this.text;
    const end = this.lines.ends[l]!;
    const c = text.charCodeAt(p);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(l, p, col);
    let node: Node;
    let last = l;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      node = flowCollection(text, p, this.lines.contentColumn(l) + 1, this.base, this.problems);
      if (untagged && node.kind === 'map') node = longForm(node);
      while (this.lines.ends[last]! < node.range.end - this.base) last++;
    } else if (c === 34 || c === 39) node = quoted(text, p, end, this.base);
    else {
      node = this.plain(l, p, col);
      last = this.plainLastLine;
    }
    const after = node.range.end - this.base;
    const lineEnd = this.lines.ends[last]!;
    let q = after;
    while (q < lineEnd && text.charCodeAt(q) === SPACE) q++;
    if (q === lineEnd) return { node, end: after, lastLine: last, tail: Tail.Inline };
    if (text.charCodeAt(q) !== HASH || q === after) throw new Decline('text after a value');
    this.lineComment(q, lineEnd);
    return { node, end: trimEnd(text, lineEnd, q), lastLine: last, tail: Tail.Inline };
  }

  /**
   * A plain scalar in block context starting at `p` on line `l`, in a collection at `col`: its
   * first line and the lines after it indented past `col` (folded as YAML folds them: a line break
   * reads as a space, each blank line as a line break). Its last line goes to `plainLastLine`.
   */
  private plain(l: number, p: number, col: number): Node {
    const text = this.text;
    let stop = this.plainLine(p, this.lines.ends[l]!, true);
    let last = l;
    let value = text.slice(p, stop);
    if (!this.commentEnded) {
      let breaks = 0;
      for (let n = l + 1; n < this.lines.count; n++) {
        if (this.lines.kinds[n] === BLANK) {
          breaks++;
          continue;
        }
        if (this.lines.kinds[n] !== CONTENT || this.lines.indents[n]! <= col) break;
        const from = this.lines.starts[n]! + this.lines.indents[n]!;
        if (!isPlainStart(text, from, this.lines.ends[n]!) || text.charCodeAt(from) === DASH) throw new Decline('plain scalar continuation');
        stop = this.plainLine(from, this.lines.ends[n]!, false);
        value += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + text.slice(from, stop);
        breaks = 0;
        last = n;
      }
    }
    this.plainLastLine = last;
    return { kind: 'scalar', value: resolvePlainScalar(value), range: { start: this.base + p, end: this.base + stop } };
  }

  /**
   * The end of one line of a plain scalar from `p` (trailing spaces left out). On its first line a
   * comment ends it; a comment on a continuation line, or a `: ` anywhere, is left to the `yaml` path.
   */
  private plainLine(p: number, end: number, first: boolean): number {
    const text = this.text;
    if (!isPlainStart(text, p, end)) throw new Decline('indicator');
    this.commentEnded = false;
    let stop = end;
    for (let i = p + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && isBlankOrEnd(text, i + 1, end)) throw new Decline('mapping in a value');
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        if (!first) throw new Decline('comment after a plain scalar continuation');
        this.commentEnded = true;
        stop = i;
        break;
      }
    }
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    return stop;
  }

  /** A `|` or `>` block scalar whose header is at `p` on line `l`, in a collection at `col`. */
  private blockScalar(l: number, p: number, col: number): Built {
    const text = this.text;
    const lineEnd = this.lines.ends[l]!;
    let h = p + 1;
    const chomp = text.charCodeAt(h);
    if (chomp === DASH) h++;
    else if (chomp === 43 /* + */ || (chomp >= 48 && chomp <= 57)) throw new Decline('block scalar indicator');
    while (h < lineEnd && text.charCodeAt(h) === SPACE) h++;
    if (h < lineEnd) throw new Decline('block scalar header');
    let first = l + 1;
    while (first < this.lines.count && this.lines.kinds[first] === BLANK) first++;
    if (first >= this.lines.count || this.lines.indents[first]! <= col) throw new Decline('empty block scalar');
    const indent = this.lines.indents[first]!;
    const lines: string[] = [];
    let lastLine = first;
    for (let i = l + 1; i < this.lines.count; i++) {
      const blank = this.lines.kinds[i] === BLANK;
      if (!blank && this.lines.indents[i]! < indent) break;
      if (blank && this.lines.ends[i]! - this.lines.starts[i]! > indent) throw new Decline('spaces on a blank block scalar line');
      lines.push(blank ? '' : text.slice(this.lines.starts[i]! + indent, this.lines.ends[i]));
      if (!blank) lastLine = i;
    }
    const after = this.lines.nextContent(lastLine + 1);
    if (after >= 0 && this.lines.indents[after]! > col) throw new Decline('block scalar indentation');
    for (let i = l + 1; i <= lastLine; i++) this.inScalar.add(i);
    lines.length = lastLine - l;
    const value = blockScalarValue(lines, text.charCodeAt(p) === 62, chomp === DASH);
    const end = trimEnd(text, this.lines.ends[lastLine]!, p);
    return { node: { kind: 'scalar', value, range: { start: this.base + p, end: this.base + end } }, end, lastLine, tail: Tail.Block };
  }

  /** A comment at `hash` on a line with content before it. */
  private lineComment(hash: number, end: number): void {
    const source = this.text.slice(hash, end);
    if (source.includes(DIRECTIVE_MARK)) this.lineComments.push({ range: { start: this.base + hash, end: this.base + end }, text: source.slice(1).trim() });
  }
}

/** A block collection without a tag: a map of one intrinsic key is that intrinsic (long form). */
function untaggedBlock(built: Built): Built {
  return built.node.kind === 'map' ? { ...built, node: longForm(built.node) } : built;
}

function isBlankOrEnd(text: string, i: number, end: number): boolean {
  return i >= end || text.charCodeAt(i) === SPACE;
}

