/**
 * scripts/samTranslatorData.ts against the shipped data: run over the installed `aws-sam-translator`
 * of the release the data names, it writes the same file. Skipped when that Python package (which
 * cfn-lint brings) is not installed or is another release.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SHIPPED = join(ROOT, 'server', 'src', 'data', 'sam-translator.json');

/** The folder and version of the installed samtranslator package, if any. */
function installed(): { folder: string; version: string } | undefined {
  const r = spawnSync('python3', ['-c', 'import os, samtranslator; print(os.path.dirname(samtranslator.__file__)); print(samtranslator.__version__)'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const [folder, version] = r.stdout.trim().split('\n');
  return folder && version ? { folder, version } : undefined;
}

describe('scripts/samTranslatorData', function () {
  this.timeout(60_000);

  it("writes the shipped data from the translator's source of the same release", function () {
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { source: string };
    const source = installed();
    if (!source || !shipped.source.endsWith(` ${source.version}`)) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'sam-data-'));
    try {
      const out = join(dir, 'sam-translator.json');
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'samTranslatorData.ts'), source.folder, out], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(SHIPPED, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
