/**
 * The SAM translator as a test oracle: its intentionally invalid inputs (test/fixtures/corpus) with
 * the error it expects. Each must raise an error-level finding on the resource the translator names
 * (or one SAM generates from it, like `FnMyQueue` for an event of `Fn`), or anywhere when it names
 * none. The SAM transform missing and deprecated runtimes do not count: most inputs have both.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { validate } from '../../../server/src/rules/engine';
import { testOptions } from '../../support/ruleTester';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus');
const NOT_COUNTED: ReadonlySet<string> = new Set(['template/transform-missing', 'runtime/deprecated']);
/** The share flagged today; a change that flags fewer fails. */
const FLOOR = 0.7;

describe('SAM translator oracle', function () {
  this.timeout(60_000);

  it(`flags at least ${FLOOR * 100} % of the translator's invalid inputs on the resource it names`, () => {
    const inputs = readdirSync(join(CORPUS, 'sam-translator')).filter((f) => f.startsWith('error_') && f.endsWith('.yaml')).sort();
    const missed: string[] = [];
    for (const f of inputs) {
      const t = buildTemplate(readFileSync(join(CORPUS, 'sam-translator', f), 'utf8'));
      const errors = validate(t, testOptions({ reportSyntax: true })).filter((d) => d.severity === 'error' && !NOT_COUNTED.has(d.rule));
      const expected = join(CORPUS, 'sam-translator-errors', f.replace(/\.yaml$/, '.json'));
      const message = existsSync(expected) ? (JSON.parse(readFileSync(expected, 'utf8')) as { errorMessage: string }).errorMessage : '';
      const named = [...message.matchAll(/Resource with id \[([^\]]+)\] is invalid/g)].map((m) => m[1]!);
      const hit = new Set(errors.map((d) => d.resource));
      const onNamed = (id: string) => hit.has(id) || (!t.resources.has(id) && [...hit].some((h) => h !== undefined && id.startsWith(h)));
      if (named.length === 0 ? errors.length === 0 : !named.some(onNamed)) missed.push(f);
    }
    const share = 1 - missed.length / inputs.length;
    assert.ok(share >= FLOOR, `${inputs.length - missed.length} of ${inputs.length} flagged (${Math.round(share * 100)} %); missed: ${missed.join(', ')}`);
  });
});
