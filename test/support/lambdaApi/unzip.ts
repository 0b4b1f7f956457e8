/** A small unzip (stored and deflate entries) for CreateFunction's ZipFile. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { invalidParameter } from './apiError';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Extracts a zip archive into `dir`; entries that would escape `dir` are refused. */
export function unzipTo(buf: Buffer, dir: string): void {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const root = path.resolve(dir);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw invalidParameter('Could not unzip uploaded file.');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const target = path.resolve(root, name);
    if (!target.startsWith(root + path.sep)) throw invalidParameter(`Bad zip entry path: ${name}`);
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    const raw = buf.subarray(dataStart, dataStart + csize);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, method === 8 ? zlib.inflateRawSync(raw) : raw);
  }
}
