/**
 * Bad input never crashes anything: real SAM templates, every one of them cut short at 200 points
 * (half-typed documents), an alias bomb and a huge file all validate without a rule throwing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic } from '../../server/src/rules/types';
import { testOptions } from '../support/ruleTester';
import { corpusInputs, falseErrors, FIXTURE_CORPUS, sharedCorpus } from '../support/samCorpus';

const CORPUS = join(FIXTURE_CORPUS, 'sam-translator');
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

function check(text: string): Diagnostic[] {
  return validate(buildTemplate(text), testOptions({ reportSyntax: true }), (rule, e) => {
    throw new Error(`${rule} threw: ${e instanceof Error ? e.stack : String(e)}`);
  });
}

describe('robustness', function () {
  this.timeout(240_000);

  it(`validates all ${files.length} corpus templates and 200 truncations of each without a rule throwing`, () => {
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      try {
        check(text);
        for (let i = 1; i <= 200; i++) check(text.slice(0, Math.floor((text.length * i) / 201)));
      } catch (e) {
        assert.fail(`${f}: ${(e as Error).message}`);
      }
    }
  });

  it('raises no error-level finding on valid SAM inputs unless it is listed with the reason', () => {
    assert.deepEqual(falseErrors(corpusInputs(FIXTURE_CORPUS, (f) => !f.startsWith('error_'))), []);
  });

  it('raises none on the valid inputs of the full shared corpus either, when it is checked out', function () {
    const shared = sharedCorpus();
    if (!shared) this.skip();
    assert.deepEqual(falseErrors(corpusInputs(shared, (f) => !f.startsWith('error_'))), []);
  });

  it('refuses an alias bomb quickly with a diagnostic instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `AWSTemplateFormatVersion: '2010-09-09'\n${levels.join('\n')}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables: {X: *j}\n`;
    const started = process.hrtime.bigint();
    const diags = check(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 2_000, `took ${ms} ms`);
    const bomb = diags.filter((d) => d.rule === 'template/parse' && /aliases/.test(d.message));
    assert.equal(bomb.length, 1);
  });

  it('skips a 20 MB file with one information diagnostic', () => {
    const line = '    # padding padding padding padding padding padding padding padding padding\n';
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${line.repeat(Math.ceil(20_000_000 / line.length))}`;
    const diags = check(text);
    assert.deepEqual(diags.map((d) => [d.rule, d.severity]), [['template/parse', 'information']]);
    assert.match(diags[0]!.message, /20\.0 MB/);
  });
});
