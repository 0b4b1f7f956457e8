/**
 * The folder of Lambda Lens's own package.json above the running file: the extension or CLI package
 * when bundled in dist/, the repository when run from source. Files shipped beside dist/ (docs) are
 * found from it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let found: { root: string; version: string } | null | undefined;

function locate(): { root: string; version: string } | null {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lambda-lens' && pkg.version) return { root: dir, version: pkg.version };
    } catch {
      // not here; look one folder up
    }
  }
  return null;
}

/** The package folder, or undefined when the running file is not inside the package. */
export function packageRoot(): string | undefined {
  if (found === undefined) found = locate();
  return found?.root;
}

/** The package version, `0.0.0` when the package is not found. */
export function packageVersion(): string {
  if (found === undefined) found = locate();
  return found?.version ?? '0.0.0';
}
