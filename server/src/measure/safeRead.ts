/** Reading the small files a measurement needs (package.json, lockfiles) without ever blocking on one. */
import { constants, promises as fs } from 'node:fs';

/** Manifests and lockfiles above this size are not read (a real package-lock.json is a few MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The text of a regular file, or undefined when it is missing, too large or not a regular file. Opened
 * non-blocking, so a FIFO named package.json cannot hang the measurement.
 */
export async function readRegularFile(path: string, maxBytes = MAX_BYTES): Promise<string | undefined> {
  let handle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return await handle.readFile('utf8');
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** A JSON object read with `readRegularFile`; undefined when unreadable or not an object. */
export async function readJsonObject<T>(path: string): Promise<T | undefined> {
  const text = await readRegularFile(path);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
