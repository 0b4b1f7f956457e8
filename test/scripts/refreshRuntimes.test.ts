import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIFECYCLE_FILE, refresh } from '../../scripts/refreshRuntimes';
import type { LifecycleData } from '../../scripts/refreshRuntimes';

describe('scripts/refreshRuntimes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runtimes-'));
  const current = JSON.parse(readFileSync(LIFECYCLE_FILE, 'utf8')) as LifecycleData;
  const out = join(dir, 'lifecycle.json');
  const source = join(dir, 'LmbdRuntimeLifecycle.json');

  beforeEach(() => writeFileSync(out, readFileSync(LIFECYCLE_FILE)));

  it('writes the runtimes of a cfn-lint copy with the day they were taken', async () => {
    const rows = { ...current.runtimes, nodejs26: { deprecated: null, 'create-block': null, 'update-block': null, successor: null } };
    writeFileSync(source, JSON.stringify(rows));
    await refresh(source, out, new Date('2027-03-04T10:00:00Z'));
    const written = JSON.parse(readFileSync(out, 'utf8')) as LifecycleData;
    assert.equal(written.retrieved, '2027-03-04');
    assert.equal(written.source, current.source);
    assert.deepEqual(written.runtimes, rows);
  });

  it('refuses data that is not a runtime lifecycle table, leaving the file unchanged', async () => {
    writeFileSync(source, JSON.stringify({ nodejs22: { deprecated: 'soon' } }));
    await assert.rejects(refresh(source, out, new Date()), /runtime nodejs22 has no deprecated date/);
    writeFileSync(source, '<html>moved</html>');
    await assert.rejects(refresh(source, out, new Date()), /is not JSON/);
    assert.deepEqual(readFileSync(out, 'utf8'), readFileSync(LIFECYCLE_FILE, 'utf8'));
  });

  it('says what to do when the source cannot be reached', async () => {
    await assert.rejects(refresh('http://127.0.0.1:9/LmbdRuntimeLifecycle.json', out, new Date()), /Could not reach .* --from <file>/);
  });
});
