import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeSampleProblems, ROOT } from '../support/ruleSuite';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FIRST = README.split('\n').find((l) => l.startsWith('examples/broken/template.yaml:'))!;

describe('sample output in the README', () => {
  it('quotes what `lambda-lens check` prints today, line for line', () => {
    assert.ok(FIRST, 'the README quotes check output for examples/broken');
    assert.deepEqual(readmeSampleProblems(README), []);
  });

  describe('the sample check fails on a drifted README', () => {
    it('reports a document without sample lines, so a format change cannot skip the check', () => {
      assert.deepEqual(readmeSampleProblems('# Lambda Lens\n\n```text\nexamples/broken/template.yaml(10,14): error limits/timeout\n```\n'), [
        'found no sample lines of `lambda-lens check` output',
      ]);
    });

    it('reports a sample whose position, message or file is not what check prints', () => {
      const moved = FIRST.replace(/^([^:]+):(\d+):/, (_, f: string, l: string) => `${f}:${Number(l) + 1}:`);
      const reworded = `${FIRST.slice(0, -1)}!`;
      const missing = FIRST.replace('examples/broken/', 'examples/gone/');
      assert.deepEqual(readmeSampleProblems([moved, reworded, missing].join('\n')), [
        `check does not print: ${moved}`,
        `check does not print: ${reworded}`,
        `examples/gone/template.yaml does not exist: ${missing}`,
      ]);
    });

    it('accepts a sample cut short with " ..." only when the output starts with it', () => {
      const cut = `${FIRST.slice(0, 60)} ...`;
      assert.deepEqual(readmeSampleProblems(cut), []);
      assert.deepEqual(readmeSampleProblems(`${FIRST.slice(0, 60)}X ...`), [`check does not print: ${FIRST.slice(0, 60)}X ...`]);
    });
  });
});
