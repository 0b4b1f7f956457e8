import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import { lineCol, testOptions } from '../support/ruleTester';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = /^(examples\/[\w/-]+\.yaml):(\d+):(\d+)\s+(error|warning|information)\s+([a-z-]+\/[a-z0-9-]+)\s/;

describe('sample output in the README', () => {
  for (const doc of ['README.md']) {
    const samples = readFileSync(join(ROOT, doc), 'utf8').split('\n').map((l) => SAMPLE.exec(l)).filter((m) => m !== null);
    if (samples.length === 0) continue;
    it(`${doc}: every sample line is what the check reports today`, () => {
      for (const [, file, line, column, severity, rule] of samples) {
        const text = readFileSync(join(ROOT, file!), 'utf8');
        const found = validate(buildTemplate(text), testOptions()).map((d) => `${lineCol(text, d.range.start).join(':')} ${d.severity} ${d.rule}`);
        assert.ok(found.includes(`${line}:${column} ${severity} ${rule}`), `${file}:${line}:${column} ${rule}`);
      }
    });
  }
});
