/**
 * The YAML compatibility fixtures (shapes of published AWS samples that CloudFormation deploys but
 * YAML 1.2 rejects, written for this project) parse, and every rule runs on them: the findings below
 * are the ones a reviewer expects, at their lines, next to one information note per re-indented
 * flow collection and no syntax error.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { validate } from '../../../server/src/rules/engine';
import { lineCol, testOptions } from '../../support/ruleTester';

const DIR = join(__dirname, '..', '..', 'fixtures', 'yaml-compat');

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'flow-sequence-under-indented.yaml': ['limits/timeout error 11:16', 'template/parse information 17:15'],
  'flow-mapping-under-indented.yaml': ['template/parse information 9:5', 'template/parse information 19:7', 'limits/environment-keys error 20:7'],
  'flow-nested-intrinsics.yaml': ['limits/memory-size error 18:19', 'template/parse information 22:9', 'template/parse information 28:5', 'template/parse information 32:3'],
  'scalars-yaml-1.1.yaml': [],
  'duplicate-keys.yaml': ['template/duplicate-key warning 4:3', 'template/duplicate-key warning 10:7', 'template/duplicate-key warning 12:22', 'limits/memory-size error 20:19'],
  'duplicate-keys.json': ['template/duplicate-key warning 11:9', 'limits/timeout error 12:20'],
};

describe('YAML compatibility fixtures are fully checked', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length} findings at their lines`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const found = validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
        throw new Error(`rule ${id} threw: ${String(e)}`);
      });
      assert.deepEqual(found.map((d) => `${d.rule} ${d.severity} ${lineCol(text, d.range.start).join(':')}`), expected);
    });
  }
});
