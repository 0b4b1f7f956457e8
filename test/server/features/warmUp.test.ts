import assert from 'node:assert/strict';
import { WARM_UP } from '../../../server/src/config';
import { warmUp, warmUpFunctions } from '../../../server/src/features/warmUp';
import type { ValidationOptions } from '../../../server/src/rules/types';

const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1000, today: new Date('2026-06-01T00:00:00Z'), ruleLevels: {}, reportSyntax: false };

describe('warm-up', () => {
  it('opens its template and types every keystroke into it without a rule failing', () => {
    const failed: string[] = [];
    assert.equal(warmUp(OPTIONS, WARM_UP.resources, (rule) => failed.push(rule)), WARM_UP.keystrokes + 1);
    assert.deepEqual(failed, []);
  });

  it('grows its template with the document, between its bounds', () => {
    assert.equal(warmUpFunctions(WARM_UP.resources), WARM_UP.minFunctions);
    assert.equal(warmUpFunctions(WARM_UP.resourcesPerFunction * 60), 60);
    assert.equal(warmUpFunctions(1_602), WARM_UP.maxFunctions);
    assert.equal(warmUpFunctions(100_000), WARM_UP.maxFunctions);
  });
});
