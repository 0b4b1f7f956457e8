/**
 * The SAM translator as a test oracle: its intentionally invalid inputs with the error it expects.
 * Each must raise an error-level finding on the resource the translator names (or one SAM generates
 * from it, like `FnMyQueue` for an event of `Fn`), or anywhere when it names none. The SAM transform
 * missing and deprecated runtimes do not count: most inputs have both. Two tiers: the subset kept
 * in the repository, and the full shared corpus when it is checked out beside the project.
 */
import assert from 'node:assert/strict';
import { FIXTURE_CORPUS, invalidInputs, oracleScore, sharedCorpus } from '../../support/samCorpus';

/** The shares caught today (subset 93 of 96, full corpus 282 of 287); a change that catches fewer fails. */
const SUBSET_FLOOR = 0.96;
const FULL_FLOOR = 0.98;

function assertFloor(corpus: string, floor: number): void {
  const inputs = invalidInputs(corpus);
  const { share, missed, byCategory } = oracleScore(inputs);
  const categories = [...byCategory].filter(([, c]) => c.caught < c.of).map(([k, c]) => `${k} ${c.caught}/${c.of}`).join(', ');
  assert.ok(share >= floor, `${inputs.length - missed.length} of ${inputs.length} caught (${(share * 100).toFixed(1)} %); short in ${categories}; missed: ${missed.join(', ')}`);
}

describe('SAM translator oracle', function () {
  this.timeout(120_000);

  it(`catches at least ${SUBSET_FLOOR * 100} % of the repository subset's invalid inputs on the resource the translator names`, () => {
    assertFloor(FIXTURE_CORPUS, SUBSET_FLOOR);
  });

  it(`catches at least ${FULL_FLOOR * 100} % of the full shared corpus's invalid inputs, when it is checked out`, function () {
    const shared = sharedCorpus();
    if (!shared) this.skip();
    assertFloor(shared, FULL_FLOOR);
  });

  it('counts an input as missed when no error names the resource the translator names', () => {
    const [input] = invalidInputs(FIXTURE_CORPUS).filter((i) => i.named.length > 0 && i.errors.length > 0);
    assert.ok(input, 'the subset has a caught input that names a resource');
    const elsewhere = { ...input, errors: input.errors.map((d) => ({ ...d, resource: 'SomeOtherResource' })) };
    assert.deepEqual(oracleScore([elsewhere]).missed, [input.file]);
    assert.deepEqual(oracleScore([input]).missed, []);
  });
});
