import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { WHY_FINDINGS, WHY_TEMPLATE } from './why';

const ROOT = join(__dirname, '..', '..', '..');

describe('the mistakes of a new user, through the bundled CLI', () => {
  it('reports each at its own line with its rule, all in one run', () => {
    const r = runCli(['check', WHY_TEMPLATE, '--format', 'json'], ROOT);
    assert.equal(r.code, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as Array<{ rule: string; line: number; column: number }>).map((d) => [d.line, d.column, d.rule]);
    assert.deepEqual(found, WHY_FINDINGS);
  });
});
