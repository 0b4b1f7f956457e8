/**
 * The byte layout of a zip archive (APPNOTE.TXT), for estimating what a deflate zip of a folder weighs
 * without writing it: each file costs a local header and a central-directory entry (both carry its
 * name) around its compressed data, and the archive ends with an end-of-central-directory record.
 * Extra fields are left out, as Python's zipfile (used by `sam build`/`sam deploy`) writes none.
 */

/** Local file header without its name. */
const LOCAL_HEADER = 30;
/** Central directory entry without its name. */
const CENTRAL_ENTRY = 46;
/** End of central directory record. */
const END_RECORD = 22;
/** ZIP64 end record and its locator, needed past 65,535 entries or 4 GB. */
const ZIP64_END = 56 + 20;
const ZIP64_ENTRY_LIMIT = 0xffff;
const ZIP64_SIZE_LIMIT = 0xffffffff;

/** Bytes a file adds to an archive besides its compressed data. */
export function entryOverhead(relPath: string): number {
  const name = Buffer.byteLength(relPath, 'utf8');
  return LOCAL_HEADER + CENTRAL_ENTRY + 2 * name;
}

/** Bytes an archive of `files` entries and `total` bytes adds once, at its end. */
export function archiveOverhead(files: number, total: number): number {
  return END_RECORD + (files > ZIP64_ENTRY_LIMIT || total > ZIP64_SIZE_LIMIT ? ZIP64_END : 0);
}
