/** Offset <-> line/character conversion for one text, by binary search over line starts. */

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 character in the line. */
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
