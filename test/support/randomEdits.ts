/**
 * Random edits of template text for the differential tests (incremental re-parse, incremental
 * validation): a small deterministic generator, so failures reproduce, and the edits a person makes
 * while typing, including document markers, anchors, aliases, tags and indentation changes.
 */

/** A deterministic generator of numbers in [0, 1). */
export function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** `marker` on a line of its own at the start of the line holding `at`. */
function lineEdit(t: string, at: number, marker: string): string {
  const start = t.lastIndexOf('\n', at - 1) + 1;
  return `${t.slice(0, start)}${marker}\n${t.slice(start)}`;
}

/** One edit each: insert, delete, break a line, add a key, change a digit, indent, markers, anchors, aliases, tags, open quotes and brackets. */
export const EDITS: ReadonlyArray<(text: string, at: number) => string> = [
  (t, at) => `${t.slice(0, at)}x${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}${t.slice(at + 1)}`,
  (t, at) => `${t.slice(0, at)}\n${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}: 7${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}9${t.slice(at + 1)}`,
  (t, at) => `${t.slice(0, at)}  ${t.slice(at)}`,
  (t, at) => lineEdit(t, at, '---'),
  (t, at) => lineEdit(t, at, '...'),
  (t, at) => `${t.slice(0, at)} &a${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)} *a${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)} !Ref ${t.slice(at)}`,
  // Half-typed text: a quote or a bracket not closed yet, a key typed in front of a value.
  (t, at) => `${t.slice(0, at)}'${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}"${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}[${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}{ ${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}Key: ${t.slice(at)}`,
  // An indentation change of a whole line.
  (t, at) => { const start = t.lastIndexOf('\n', at - 1) + 1; return `${t.slice(0, start)}${t.startsWith('  ', start) ? t.slice(start + 2) : `  ${t.slice(start)}`}`; },
];

/** Changes the number nearest after `at` (a Timeout, a MemorySize, a port): the edits that change findings. */
export function changeNumber(t: string, at: number, random: () => number): string {
  const m = /\d+/g;
  m.lastIndex = at;
  const found = m.exec(t) ?? /\d+/.exec(t);
  if (!found) return t;
  const values = ['0', '3', '64', '900', '1024', '10241', '99999'];
  return `${t.slice(0, found.index)}${values[Math.floor(random() * values.length)]}${t.slice(found.index + found[0].length)}`;
}
