/**
 * The production dependency closure of a Node.js function, i.e. what `sam build`'s npm workflow
 * installs next to the source with `npm install --omit=dev`: `dependencies`, `optionalDependencies`
 * and `peerDependencies` and everything they depend on, never `devDependencies`. Read from the
 * package lock when there is one (npm's own `dev` flags), otherwise from the installed tree by Node's
 * resolution; either way the packages measured are the folders installed under the code folder.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readJsonObject } from './safeRead';
import { inside } from './scan';

/** Installed package folders, relative to the code folder (`node_modules/a`, `node_modules/a/node_modules/b`). */
export type Closure =
  | { readonly kind: 'packages'; readonly packages: readonly string[]; readonly from: 'lockfile' | 'installed tree' }
  /** No package.json: `sam build` copies the folder as it is. */
  | { readonly kind: 'no-manifest' }
  | { readonly kind: 'problem'; readonly reason: string };

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
}

/** The files whose change changes the closure. */
export const CLOSURE_FILES: ReadonlySet<string> = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json']);

/** The production packages of the Node.js project in `codeDir`. Never throws. */
export async function productionClosure(codeDir: string): Promise<Closure> {
  const manifest = await readJsonObject<Manifest>(join(codeDir, 'package.json'));
  if (!manifest) return { kind: 'no-manifest' };
  const wanted = needed(manifest);
  if (wanted.required.length + wanted.optional.length === 0) return { kind: 'packages', packages: [], from: 'installed tree' };
  if (!(await isDir(join(codeDir, 'node_modules')))) {
    return { kind: 'problem', reason: `${codeDir} has dependencies in package.json but no node_modules folder: run npm install, then the package is measured with its production dependencies (sam build installs them)` };
  }
  for (const lock of ['npm-shrinkwrap.json', 'package-lock.json', join('node_modules', '.package-lock.json')]) {
    const parsed = await readJsonObject<{ packages?: Record<string, LockEntry> }>(join(codeDir, lock));
    if (parsed?.packages) return fromLockfile(codeDir, lock, parsed.packages);
  }
  return fromTree(codeDir, manifest);
}

function needed(m: Manifest): { required: string[]; optional: string[] } {
  const peersOptional = (name: string) => m.peerDependenciesMeta?.[name]?.optional === true;
  return {
    required: [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {}).filter((n) => !peersOptional(n))],
    optional: [...Object.keys(m.optionalDependencies ?? {}), ...Object.keys(m.peerDependencies ?? {}).filter(peersOptional)],
  };
}

/** npm's lock: every installed package not flagged `dev` ships; a missing optional one is skipped. */
async function fromLockfile(codeDir: string, lock: string, entries: Record<string, LockEntry>): Promise<Closure> {
  const packages: string[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    const installed = await packageDir(codeDir, key);
    if (installed) packages.push(key);
    else if (!entry.optional) return { kind: 'problem', reason: `${key.slice(key.lastIndexOf('node_modules/') + 13)} is in ${lock} but not installed in ${codeDir}: run npm install` };
  }
  return { kind: 'packages', packages: packages.sort(), from: 'lockfile' };
}

/** Node's resolution from each dependent package upwards, as far as the code folder. */
async function fromTree(codeDir: string, root: Manifest): Promise<Closure> {
  const found = new Set<string>();
  const queue: Array<{ name: string; from: string; optional: boolean }> = [];
  const enqueue = (m: Manifest, from: string) => {
    const w = needed(m);
    for (const name of w.required) queue.push({ name, from, optional: false });
    for (const name of w.optional) queue.push({ name, from, optional: true });
  };
  enqueue(root, codeDir);
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift()!;
    const dir = await resolvePackage(codeDir, from, name);
    if (!dir) {
      if (optional) continue;
      const by = from === codeDir ? 'package.json' : relative(codeDir, from).split(sep).join('/');
      return { kind: 'problem', reason: `${name} (needed by ${by}) is not installed in ${codeDir}: run npm install` };
    }
    const rel = relative(codeDir, dir).split(sep).join('/');
    if (found.has(rel)) continue;
    found.add(rel);
    const m = await readJsonObject<Manifest>(join(dir, 'package.json'));
    if (m) enqueue(m, dir);
  }
  return { kind: 'packages', packages: [...found].sort(), from: 'installed tree' };
}

async function resolvePackage(codeDir: string, from: string, name: string): Promise<string | undefined> {
  for (let dir = from; inside(codeDir, dir); dir = join(dir, '..')) {
    // Inside a package's own node_modules the search continues above that node_modules folder.
    if (dir.endsWith(`${sep}node_modules`)) continue;
    const candidate = join(dir, 'node_modules', name);
    if (await packageDir(codeDir, relative(codeDir, candidate))) return candidate;
    if (dir === codeDir) break;
  }
  return undefined;
}

/** True when the package folder is installed, inside the code folder once links are followed. */
async function packageDir(codeDir: string, rel: string): Promise<boolean> {
  try {
    const [real, base] = await Promise.all([fs.realpath(join(codeDir, rel)), fs.realpath(codeDir)]);
    return inside(base, real) && (await fs.stat(real)).isDirectory();
  } catch {
    return false;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}
