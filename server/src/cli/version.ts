/** The package version, read from the package.json above the running file (bundled or from source). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lambda-lens' && pkg.version) return pkg.version;
    } catch {
      // not here; look one folder up
    }
  }
  return '0.0.0';
}
