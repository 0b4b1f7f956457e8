/**
 * Generated Node.js projects for the build-aware measurement tests: TypeScript and JavaScript entry
 * points, production and development dependencies (nested and hoisted), an external SDK, and the
 * repository's own esbuild linked in as the project's, so nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { prng, sourceText } from './fixtures';

/** The repository's esbuild package, linked into generated projects as their own. */
export const REPO_ESBUILD = join(__dirname, '..', '..', '..', 'node_modules', 'esbuild');
const ESBUILD_BIN = join(REPO_ESBUILD, 'bin', 'esbuild');

export function write(root: string, rel: string, content: string | Buffer): void {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

/** A package under `node_modules` with a package.json and a main file of about `bytes` bytes. */
export function installPackage(root: string, at: string, name: string, bytes: number, seed: number, deps: Record<string, string> = {}): void {
  const rand = prng(seed);
  write(root, `${at}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'index.js', dependencies: deps }, null, 2));
  // A module that exports functions, so a bundler keeps its body when it is imported.
  const body = sourceText(rand, bytes).replace(/;/g, '').split('\n').map((l, i) => `exports.f${i} = function () { return ${JSON.stringify(l)}; };`).join('\n');
  const requires = Object.keys(deps).map((d) => `exports.dep_${d.replace(/\W/g, '_')} = require('${d}');`).join('\n');
  write(root, `${at}/index.js`, `${requires}\n${body}\n`);
}

/**
 * An esbuild-built SAM function's folder: `src/app.ts` imports a local module and `prod-lib`, the
 * AWS SDK (marked external by the template), and nothing from the 2 MB `heavy-dev` devDependency.
 */
export function esbuildProject(root: string, opts: { esbuild?: boolean } = {}): void {
  write(root, 'package.json', JSON.stringify({ name: 'fn', version: '1.0.0', dependencies: { 'prod-lib': '1.0.0' }, devDependencies: { 'heavy-dev': '1.0.0', esbuild: '*' } }, null, 2));
  write(root, 'src/app.ts', [
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import * as lib from 'prod-lib';",
    "import { greet } from './lib/greet';",
    'export const handler = async (event: { name: string }): Promise<string> => {',
    '  const client = new S3Client({});',
    '  return greet(event.name) + String(Object.keys(lib).length) + String(client);',
    '};',
    '',
  ].join('\n'));
  write(root, 'src/lib/greet.ts', `export function greet(name: string): string {\n  return \`hello \${name}\`;\n}\n`);
  write(root, 'src/other.js', "const lib = require('prod-lib');\nexports.handler = async () => Object.keys(lib).length;\n");
  installPackage(root, 'node_modules/prod-lib', 'prod-lib', 40_000, 11);
  installPackage(root, 'node_modules/heavy-dev', 'heavy-dev', 2_000_000, 12);
  if (opts.esbuild !== false) {
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(REPO_ESBUILD, join(root, 'node_modules', 'esbuild'));
  }
}

/** Runs esbuild's command line as aws-lambda-builders builds it, into `outdir`; returns the files written. */
export function samEsbuildCli(cwd: string, args: readonly string[], outdir: string): Map<string, number> {
  execFileSync(ESBUILD_BIN, [...args, '--bundle', '--platform=node', `--outdir=${outdir}`], { cwd, stdio: 'pipe' });
  return filesUnder(outdir);
}

/** Every regular file below `dir`, relative path -> size. */
export function filesUnder(dir: string, skip: (rel: string) => boolean = () => false): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      const rel = relative(dir, abs).split('\\').join('/');
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) out.set(rel, statSync(abs).size);
    }
  };
  walk(dir);
  return out;
}

/** Zips files (relative to `cwd`) with Info-ZIP, no extra fields or folder entries; returns the archive size. */
export function infoZip(cwd: string, files: Iterable<string>, out: string): number {
  execFileSync('zip', ['-q', '-X', '-D', out, '-@'], { cwd, input: [...files].sort().join('\n') });
  return statSync(out).size;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Asserts `actual` is within `share` of `expected`, saying by how much it is off. */
export function within(actual: number, expected: number, share: number): void {
  const off = Math.abs(actual - expected) / expected;
  if (off > share) throw new Error(`${actual} vs ${expected}: off by ${(off * 100).toFixed(2)} % (allowed ${share * 100} %)`);
}
