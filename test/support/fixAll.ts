/** Applies, one at a time, the quick fix of every finding that has one (checked by fixTester's applyFix). */
import assert from 'node:assert/strict';
import type { Rule } from '../../server/src/rules/types';
import { applyFix } from './fixTester';
import { runRule } from './ruleTester';

/** Asserts `expected` findings of `rule` carry a fix and that each fix works; returns the fixed texts. */
export function assertFixesWork(rule: Rule, text: string, expected: number): string[] {
  const found = runRule(rule, text);
  const withFix = found.flatMap((d, i) => (d.fixes.length > 0 ? [i] : []));
  assert.equal(withFix.length, expected, `findings with a fix: ${found.map((d) => d.message).join(' | ')}`);
  return withFix.map((i) => applyFix(rule, text, i));
}
