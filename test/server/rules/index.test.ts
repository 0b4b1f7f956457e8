import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/rules/index';

const ROOT = join(__dirname, '..', '..', '..');

/** server/src/rules/<family>/<camelName>.ts is the file for rule id <family>/<kebab-name>. */
function ruleFile(id: string): string {
  const [family, name] = id.split('/') as [string, string];
  return join(family, name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
}

describe('rule registry', () => {
  it('lists rules sorted by id, each id once', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gives every rule a distinct description and docs with a bad and a good example and a link', () => {
    const descriptions = new Set<string>();
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z-]+\/[a-z0-9-]+$/, meta.id);
      assert.ok(meta.description.length > 20, `${meta.id}: description`);
      assert.ok(!descriptions.has(meta.description), `${meta.id}: duplicate description`);
      descriptions.add(meta.description);
      assert.ok(meta.docs.bad.trim() && meta.docs.good.trim() && meta.docs.bad !== meta.docs.good, `${meta.id}: docs examples`);
      assert.match(meta.docs.url, /^https:\/\/docs\.aws\.amazon\.com\//, `${meta.id}: docs url`);
    }
  });

  it('has a source file and a test file for every rule (family files may hold several rules)', () => {
    for (const { meta } of RULES) {
      const rel = ruleFile(meta.id);
      const family = meta.id.split('/')[0]!;
      const src = existsSync(join(ROOT, 'server/src/rules', `${rel}.ts`)) || existsSync(join(ROOT, 'server/src/rules', family));
      assert.ok(src, `${meta.id}: server/src/rules/${rel}.ts`);
      assert.ok(existsSync(join(ROOT, 'test/server/rules', `${rel}.test.ts`)), `${meta.id}: test/server/rules/${rel}.test.ts`);
    }
  });
});
