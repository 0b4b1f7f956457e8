/**
 * Generated code folders for the measurement tests: deterministic text and random binary files in
 * nested folders, plus the awkward cases a real project has (symbolic link loop, empty folder, files
 * that cannot be read even by root).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A small deterministic PRNG (mulberry32), so fixtures are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['const', 'function', 'return', 'module', 'exports', 'require', 'value', 'result', 'handler', 'event', 'context',
  'await', 'async', 'if', 'else', 'for', 'let', 'this', 'new', 'Promise', 'JSON', 'parse', 'stringify', 'length', 'push'];

/** JavaScript-looking text of about `bytes` bytes: compresses the way real source does (3-5x). */
export function sourceText(rand: () => number, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const line = `${'  '.repeat(Math.floor(rand() * 4))}${Array.from({ length: 3 + Math.floor(rand() * 8) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ')} ${Math.floor(rand() * 100000)};\n`;
    parts.push(line);
    n += line.length;
  }
  return parts.join('').slice(0, bytes);
}

export function randomBytes(rand: () => number, bytes: number): Buffer {
  const b = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

export interface Fixture {
  readonly root: string;
  /** Regular files written, relative path -> size. */
  readonly files: Map<string, number>;
  write(rel: string, content: string | Buffer): void;
  cleanup(): void;
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `lambda-lens-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An empty code folder inside a fresh temporary directory. */
export function emptyFixture(name = 'code'): Fixture & { readonly base: string } {
  const t = tempDir('measure');
  const root = join(t.dir, name);
  mkdirSync(root, { recursive: true });
  const files = new Map<string, number>();
  return {
    base: t.dir,
    root,
    files,
    write(rel, content) {
      const abs = join(root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      files.set(rel, typeof content === 'string' ? Buffer.byteLength(content) : content.length);
    },
    cleanup: t.cleanup,
  };
}

/**
 * A node_modules-like tree: text sources in nested folders, random binaries, an empty folder, a
 * symbolic link back to the root (a loop), and two entries that cannot be read even as root: a FIFO
 * (opening it would block; a zip writer skips it) and a dangling symbolic link (ENOENT). Root ignores
 * permission bits, so a chmod 000 file would still be readable and is not used.
 */
export function codeTree(seed = 1): Fixture & { readonly base: string } {
  const f = emptyFixture();
  const rand = prng(seed);
  f.write('index.js', sourceText(rand, 40_000));
  f.write('package.json', '{ "name": "fixture", "version": "1.0.0" }\n');
  for (const pkg of ['alpha', 'beta', 'gamma']) {
    for (let i = 0; i < 6; i++) f.write(`node_modules/${pkg}/lib/part${i}.js`, sourceText(rand, 5_000 + Math.floor(rand() * 60_000)));
    f.write(`node_modules/${pkg}/deep/a/b/c/leaf.js`, sourceText(rand, 2_000));
  }
  f.write('assets/blob.bin', randomBytes(rand, 150_000));
  f.write('assets/small.bin', randomBytes(rand, 300));
  f.write('assets/empty.txt', '');
  mkdirSync(join(f.root, 'empty-folder'));
  symlinkSync(f.root, join(f.root, 'node_modules', 'loop'));
  symlinkSync(join(f.root, 'does-not-exist'), join(f.root, 'dangling'));
  execFileSync('mkfifo', [join(f.root, 'fifo')]);
  return f;
}

export function sum(files: Map<string, number>): number {
  let n = 0;
  for (const v of files.values()) n += v;
  return n;
}
