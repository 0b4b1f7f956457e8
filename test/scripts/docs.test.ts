import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, RULES_DOC, rulesDoc, withRuleTable } from '../../scripts/docs';
import { RULES } from '../../server/src/rules/index';

describe('generated rule documentation', () => {
  it('README rule table is up to date with rule metadata (run `npm run docs`)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.equal(readme, withRuleTable(readme));
    for (const { meta } of RULES) assert.ok(readme.includes(`\`${meta.id}\``), meta.id);
  });

  it('docs/rules.md is up to date with rule metadata (run `npm run docs`)', () => {
    assert.equal(readFileSync(RULES_DOC, 'utf8'), rulesDoc());
  });
});
