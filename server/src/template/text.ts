/** Sizes of document text in UTF-8 bytes, as files on disk and CloudFormation count them. */

/** UTF-8 byte length of a string. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * True when `text` takes more than `limit` bytes in UTF-8. A UTF-16 code unit takes one to three
 * bytes (a surrogate pair, two units, takes four), so the length alone decides most texts and only
 * those in between are counted.
 */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Bytes(text) > limit;
}
