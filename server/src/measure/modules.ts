/**
 * What makes a bundle heavy, from esbuild's metafile: the bytes each input contributes to the output,
 * grouped by package (everything under `node_modules/<name>`) or by source file, heaviest first, each
 * package with the first file outside it that imports it.
 */
import { resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import type { ModuleShare } from './types';

/** How many modules a breakdown lists. */
export const MODULES_LISTED = 10;

interface Group {
  bytes: number;
  heaviest: string;
  heaviestBytes: number;
}

/** The heaviest packages and source files of a bundle. Input paths are relative to `codeDir`. */
export function heaviestModules(metafile: Metafile, codeDir: string, count = MODULES_LISTED): ModuleShare[] {
  const groups = new Map<string, Group>();
  for (const [out, output] of Object.entries(metafile.outputs)) {
    if (out.endsWith('.map')) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const name = packageOf(input) ?? input;
      const g = groups.get(name) ?? { bytes: 0, heaviest: input, heaviestBytes: -1 };
      g.bytes += bytesInOutput;
      if (bytesInOutput > g.heaviestBytes) {
        g.heaviest = input;
        g.heaviestBytes = bytesInOutput;
      }
      groups.set(name, g);
    }
  }
  const top = [...groups].sort((a, b) => b[1].bytes - a[1].bytes || (a[0] < b[0] ? -1 : 1)).slice(0, count);
  return top.map(([name, g]) => {
    const isPackage = packageOf(g.heaviest) === name;
    const importer = isPackage ? importerOf(metafile, name) : undefined;
    return { name, bytes: g.bytes, file: resolve(codeDir, g.heaviest), ...(importer ? { importedBy: importer } : {}) };
  });
}

/** `node_modules/@aws-sdk/client-s3/dist/x.js` -> `@aws-sdk/client-s3` (the innermost package). */
export function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  if (parts[0]?.startsWith('@')) return parts.length > 2 ? `${parts[0]}/${parts[1]}` : undefined;
  return parts.length > 1 ? parts[0] : undefined;
}

/** The first input (in metafile order) outside the package that imports a file of it. */
function importerOf(metafile: Metafile, name: string): string | undefined {
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (packageOf(input) === name) continue;
    if (imports.some((i) => packageOf(i.path) === name)) return input;
  }
  return undefined;
}
