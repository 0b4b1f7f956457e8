/** Turns a list of files with sizes into the figures a measurement reports: totals and the largest entries. */
import type { SizeEntry } from './types';

/** How many folders and files a breakdown lists. */
export const LARGEST_COUNT = 5;

/** The `count` largest files, biggest first (ties by path, so results are stable). */
export function largestFiles(rel: readonly string[], sizes: readonly number[], count = LARGEST_COUNT): SizeEntry[] {
  const top: SizeEntry[] = [];
  for (let i = 0; i < rel.length; i++) insertTop(top, { path: rel[i]!, bytes: sizes[i]! }, count);
  return top;
}

/**
 * The `count` largest folders at any depth (a folder's size includes everything below it), biggest
 * first. The measured folder itself is not listed.
 */
export function largestFolders(rel: readonly string[], sizes: readonly number[], count = LARGEST_COUNT): SizeEntry[] {
  const totals = new Map<string, number>();
  for (let i = 0; i < rel.length; i++) {
    const path = rel[i]!;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const dir = path.slice(0, slash);
      totals.set(dir, (totals.get(dir) ?? 0) + sizes[i]!);
    }
  }
  const top: SizeEntry[] = [];
  for (const [path, bytes] of totals) insertTop(top, { path, bytes }, count);
  return top;
}

function insertTop(top: SizeEntry[], e: SizeEntry, count: number): void {
  const last = top[top.length - 1];
  if (top.length >= count && last && !before(e, last)) return;
  let i = top.length;
  while (i > 0 && before(e, top[i - 1]!)) i--;
  top.splice(i, 0, e);
  if (top.length > count) top.pop();
}

function before(a: SizeEntry, b: SizeEntry): boolean {
  return a.bytes > b.bytes || (a.bytes === b.bytes && a.path < b.path);
}
