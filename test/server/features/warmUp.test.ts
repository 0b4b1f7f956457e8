import assert from 'node:assert/strict';
import { WARM_UP } from '../../../server/src/config';
import { warmUp } from '../../../server/src/features/warmUp';
import type { ValidationOptions } from '../../../server/src/rules/types';

const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1000, today: new Date('2026-06-01T00:00:00Z'), ruleLevels: {}, reportSyntax: false };

describe('warm-up', () => {
  it('opens its template and types every keystroke into it without a rule failing', () => {
    const failed: string[] = [];
    assert.equal(warmUp(OPTIONS, (rule) => failed.push(rule)), WARM_UP.keystrokes + 1);
    assert.deepEqual(failed, []);
  });
});
