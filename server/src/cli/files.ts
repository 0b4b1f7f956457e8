/**
 * Finds template files under the paths given on the command line: files as named, folders searched
 * for *.yaml, *.yml, *.json and *.template, skipping dependency and build output folders.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { inside } from '../measure/scan';
import type { Boundary } from '../measure/service';
import { buildTemplate } from '../template/model';
import type { Template } from '../template/model';
import { displayPath } from './formats';
import { UsageError } from './io';
import type { CliIo } from './io';

export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.aws-sam', 'cdk.out', '.editor', '.lambda-lens']);
const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
/** The names SAM, CloudFormation and CDK projects give templates. */
const TEMPLATE_NAME = /^(template|.*[.-]template|template-.*)\.(ya?ml|json)$|\.template$/i;

/** True for a file name templates are given (`template.yaml`, `Orders.template.json`, `x.template`). */
export function isTemplateFileName(name: string): boolean {
  return TEMPLATE_NAME.test(name);
}

/** Absolute paths of candidate files, sorted; a missing or unreadable path is a usage error. */
export async function findCandidates(cwd: string, paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
    }
    if (stat.isDirectory()) await walk(abs, out, new Set());
    else out.add(abs);
  }
  return [...out].sort();
}

async function walk(dir: string, out: Set<string>, seen: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch {
    return;
  }
  // A symlink loop would otherwise walk forever.
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && (await isDir(path)))) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(path, out, seen);
    } else if (TEMPLATE_FILE.test(e.name)) out.add(path);
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface LoadedFile {
  readonly path: string;
  readonly template: Template;
}

/**
 * Reads and models each file in turn. A file that cannot be read is reported on stderr (prefixed
 * with the command's name) and skipped; `state.unreadable` then tells the caller to exit with 2.
 */
export async function* loadTemplates(io: CliIo, command: string, files: readonly string[], state: { unreadable: boolean }): AsyncGenerator<LoadedFile> {
  for (const path of files) {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (e) {
      io.stderr(`lambda-lens ${command}: cannot read ${displayPath(io.cwd, path)}: ${(e as Error).message}\n`);
      state.unreadable = true;
      continue;
    }
    yield { path, template: buildTemplate(text) };
  }
}

/**
 * The folder a template's code must lie in for `size` and `check`: the current folder when the
 * template is inside it, otherwise the checked path (a folder given on the command line, or a named
 * template's own folder). Code outside it is refused rather than walked, so `CodeUri: /` cannot walk the disk.
 */
export function codeBoundary(cwd: string, checked: readonly string[], templatePath: string): Boundary {
  if (inside(cwd, templatePath)) return { path: cwd, name: 'the current folder' };
  const roots = checked.map((p) => resolve(cwd, p)).filter((p) => inside(p, templatePath) && p !== templatePath).sort((a, b) => b.length - a.length);
  return roots[0] ? { path: roots[0], name: 'the checked folder' } : { path: dirname(templatePath), name: "the template's folder" };
}
