import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { updateTemplate } from '../../../server/src/template/incremental';
import { functionsTemplate } from '../../../bench/generate';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus', 'sam-translator');

/** A small deterministic generator, so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const EDITS: ReadonlyArray<(text: string, at: number) => string> = [
  (t, at) => `${t.slice(0, at)}x${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}${t.slice(at + 1)}`,
  (t, at) => `${t.slice(0, at)}\n${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}: 7${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}9${t.slice(at + 1)}`,
  (t, at) => `${t.slice(0, at)}  ${t.slice(at)}`,
];

describe('incremental re-parse', function () {
  this.timeout(180_000);

  it('gives the same tree as a full parse for thousands of random edits to real templates', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).slice(0, 120);
    const random = rng(42);
    let incremental = 0;
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const before = buildTemplate(text);
      for (let i = 0; i < 25; i++) {
        const edited = EDITS[Math.floor(random() * EDITS.length)]!(text, Math.floor(random() * text.length));
        const updated = updateTemplate(before, edited, 0);
        const full = buildTemplate(edited);
        assert.deepEqual(JSON.stringify(updated.root), JSON.stringify(full.root), `${f} edit ${i}`);
        assert.equal(updated.isTemplate, full.isTemplate);
        if (updated.problems.length === 0 && full.problems.length > 0) assert.fail(`${f} edit ${i}: lost a parse problem`);
        if (updated.root !== full.root && updated.text === edited) incremental++;
      }
    }
    assert.ok(incremental > 0);
  });

  it('re-parses one resource of a large template and keeps later ranges exact', () => {
    const text = functionsTemplate(300);
    const before = buildTemplate(text);
    const edited = text.replace('      MemorySize: 512\n', '      MemorySize: 99999\n');
    const updated = updateTemplate(before, edited);
    assert.equal(JSON.stringify(updated.root), JSON.stringify(buildTemplate(edited).root));
    // Entries before the edit are reused as they were, which is what makes it cheap.
    const firstBefore = before.resources.get('Table0')!.node;
    assert.equal(updated.resources.get('Table0')!.node, firstBefore);
  });
});
