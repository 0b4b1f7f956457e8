/**
 * The values Lambda Lens reads equal the values PyYAML reads (the parser cfn-lint and the SAM CLI use),
 * on the YAML compatibility fixtures and on the SAM translator corpus. Needs python3 with PyYAML; the
 * suite skips without it (PyYAML is not a dependency of Lambda Lens).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../../server/src/template/parse';
import type { Node } from '../../../server/src/template/ast';

const ROOT = join(__dirname, '..', '..', '..');
const LOADER = join(ROOT, 'test', 'support', 'pyyamlValues.py');
const COMPAT = join(ROOT, 'test', 'fixtures', 'yaml-compat');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'sam-translator');

/** The tree as plain data, shaped as pyyamlValues.py prints PyYAML's result. */
function plain(n: Node | undefined): unknown {
  if (!n) return null;
  switch (n.kind) {
    case 'scalar':
      return typeof n.value === 'number' && !Number.isFinite(n.value) ? (Number.isNaN(n.value) ? 'nan' : n.value > 0 ? 'inf' : '-inf') : n.value;
    case 'seq':
      return n.items.map(plain);
    case 'map':
      return Object.fromEntries(n.pairs.map((p) => [p.key, plain(p.value)]));
    case 'intrinsic':
      return { [n.fn]: plain(n.arg) };
  }
}

function pyyaml(paths: readonly string[]): Map<string, { value?: unknown; error?: string }> {
  const r = spawnSync('python3', [LOADER, ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const out = new Map<string, { value?: unknown; error?: string }>();
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as { path: string; value?: unknown; error?: string };
    out.set(row.path, row);
  }
  return out;
}

const hasPyyaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;

describe('template parse: values match PyYAML', function () {
  before(function () {
    if (!hasPyyaml) this.skip();
  });

  const files = (dir: string) => readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));

  it('reads every compatibility fixture to PyYAML\'s values', () => {
    const paths = files(COMPAT);
    assert.ok(paths.length >= 6);
    const expected = pyyaml(paths);
    for (const path of paths) {
      const py = expected.get(path)!;
      assert.equal(py.error, undefined, `${path}: PyYAML could not read the fixture`);
      const parsed = parseText(readFileSync(path, 'utf8'));
      assert.deepEqual(parsed.problems.filter((p) => p.kind === 'syntax'), [], path);
      assert.deepEqual(plain(parsed.root), py.value, path);
    }
  });

  it('reads every SAM translator corpus template PyYAML reads to the same values', () => {
    const paths = files(CORPUS);
    const expected = pyyaml(paths);
    let compared = 0;
    for (const path of paths) {
      const py = expected.get(path)!;
      if (py.error !== undefined) continue;
      assert.deepEqual(plain(parseText(readFileSync(path, 'utf8')).root), py.value, path);
      compared++;
    }
    assert.ok(compared > 250, `only ${compared} corpus templates compared`);
  });
});
