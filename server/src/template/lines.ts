/** Offset <-> line/character conversion for one text, by binary search over line starts. */

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 character in the line. */
  readonly character: number;
}

export class LineIndex {
  /** The offset of each line's first character (a typed array: an edit copies it in one go). */
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    const list = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) list.push(i + 1);
    this.starts = Int32Array.from(list);
  }

  /**
   * The index of `text`, made from this one (of the text before an edit) when the edit replaced
   * `[start, end)` of the old text and changed its length by `delta`: the lines before are kept, the
   * edited ones found again, the later ones moved.
   */
  edited(text: string, start: number, end: number, delta: number): LineIndex {
    const old = this.starts;
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = text.indexOf('\n', start); i !== -1 && i < end + delta; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    let later = lo;
    while (later < old.length && old[later]! <= end) later++;
    const starts = new Int32Array(lo + found.length + old.length - later);
    starts.set(old.subarray(0, lo));
    starts.set(found, lo);
    for (let k = later, j = lo + found.length; k < old.length; k++, j++) starts[j] = old[k]! + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)]!;
    const next = this.starts[pos.line + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  /** Start offset of a 0-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)]!;
  }

  /** The text of a 0-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.starts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
