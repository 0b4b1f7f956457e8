import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRulesDocument, ruleDocsUrl } from '../../../server/src/rules/docs';
import { RULES } from '../../../server/src/rules/index';

describe('rule documentation links', () => {
  it('link every rule to its heading in the shipped docs/rules.md', () => {
    for (const { meta } of RULES) {
      const href = ruleDocsUrl(meta.id);
      assert.ok(href, meta.id);
      const url = new URL(href);
      assert.equal(url.protocol, 'file:', href);
      const line = Number(/^#L(\d+)$/.exec(url.hash)?.[1]);
      assert.equal(readFileSync(fileURLToPath(url), 'utf8').split('\n')[line - 1], `## ${meta.id}`, href);
    }
  });

  it('give no link for codes without a section, or when the document cannot be read', () => {
    assert.equal(ruleDocsUrl('template/parse'), undefined);
    assert.equal(readRulesDocument(join(tmpdir(), 'no-such-folder', 'rules.md')), undefined);
  });

  it('read the heading lines of the document given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-docs-'));
    try {
      const path = join(dir, 'rules.md');
      writeFileSync(path, '# Rules\n\n## limits/timeout\n\ntext\n\n## vpc/single-subnet\n');
      const doc = readRulesDocument(path)!;
      assert.deepEqual([...doc.lines], [['limits/timeout', 3], ['vpc/single-subnet', 7]]);
      assert.match(ruleDocsUrl('vpc/single-subnet', doc)!, /^file:\/\/.*\/rules\.md#L7$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
