/**
 * The lines of a template as the fast YAML reader (fastYaml.ts) walks them: where each starts and
 * ends, how far it is indented, and whether it is blank, a comment or content.
 */

/** A line of spaces only, or empty. */
export const BLANK = 0;
/** A line whose first character after its indentation is `#`. */
export const COMMENT = 1;
/** Any other line. */
export const CONTENT = 2;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const NEWLINE = 10;
const CR = 13;

/** The line table of one text, built in one pass. */
export class Lines {
  readonly starts: number[] = [];
  /** Offsets of the line breaks (of the carriage return of a CRLF, or of the text's end). */
  readonly ends: number[] = [];
  readonly indents: number[] = [];
  readonly kinds: number[] = [];
  /** The last question and answer of nextContent (the answer is the line count for none). */
  private askedFrom = -1;
  private answer = -1;

  constructor(private readonly text: string) {
    const n = text.length;
    for (let start = 0; start <= n; ) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = n;
      // A CRLF line ends before its carriage return.
      const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(i - start);
      this.kinds.push(i === end ? BLANK : text.charCodeAt(i) === HASH ? COMMENT : CONTENT);
      start = nl + 1;
    }
  }

  /** How many lines the text has (a final line break ends an empty last line). */
  get count(): number {
    return this.kinds.length;
  }

  /**
   * The first content line from line `from` on, or -1. Every collection closing at one line asks
   * from the same place, so the last answer is kept: a long run of comments is walked once.
   */
  nextContent(from: number): number {
    if (from >= this.askedFrom && from <= this.answer) return this.answer === this.kinds.length ? -1 : this.answer;
    let l = from;
    while (l < this.kinds.length && this.kinds[l] !== CONTENT) l++;
    this.askedFrom = from;
    this.answer = l;
    return l === this.kinds.length ? -1 : l;
  }

  /** True when line `l` holds a `- ` entry at its indentation. */
  isDash(l: number): boolean {
    const at = this.starts[l]! + this.indents[l]!;
    const next = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === DASH && (at + 1 >= this.ends[l]! || next === SPACE);
  }

  /** The column of line `l`'s content after its `- ` indicators: a flow collection on it continues past that. */
  contentColumn(l: number): number {
    const text = this.text;
    let i = this.starts[l]! + this.indents[l]!;
    while (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === SPACE) {
      i += 2;
      while (text.charCodeAt(i) === SPACE) i++;
    }
    return i - this.starts[l]!;
  }

  /** Where comment line `l` ends, trailing spaces left out. */
  commentEnd(l: number): number {
    return trimEnd(this.text, this.ends[l]!, this.starts[l]!);
  }
}

/** `end` moved back over trailing white space, never before `start`. */
export function trimEnd(text: string, end: number, start: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== SPACE && c !== NEWLINE && c !== CR) break;
    e--;
  }
  return e;
}
