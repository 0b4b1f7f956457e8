/**
 * Quick-fix checks: apply a finding's edits to the text the way an editor does, rebuild the model
 * and run the rule again; the finding must be gone and nothing new may appear in its place.
 */
import assert from 'node:assert/strict';
import type { Fix, Rule, ValidationOptions } from '../../server/src/rules/types';
import { buildTemplate } from '../../server/src/template/model';
import { runRule } from './ruleTester';

/** Applies a fix's edits (non-overlapping) to `text`. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/**
 * Applies the first fix of every finding of `rule` in `text` (one at a time, re-running the rule in
 * between) and asserts the rule is then silent and the fixed text parses cleanly. Returns the fixed text.
 */
export function assertFixesClear(rule: Rule, text: string, options: Partial<ValidationOptions> = {}): string {
  let current = text;
  const first = runRule(rule, current, options);
  assert.ok(first.length > 0, 'expected findings to fix');
  for (let i = 0; i < first.length; i++) {
    const d = runRule(rule, current, options).find((x) => x.fixes.length > 0);
    if (!d) break;
    current = applyFix(current, d.fixes[0]!);
  }
  assert.deepEqual(buildTemplate(current).problems.map((p) => p.message), []);
  assert.ok(buildTemplate(current).isTemplate, 'the fixed text is still a template');
  assert.deepEqual(runRule(rule, current, options).map((d) => d.message), []);
  return current;
}
