/**
 * Quick-fix tests: apply a finding's edits to the text, rebuild the model and validate again. The
 * fixed finding must be gone, the rule must report fewer findings, and no rule may raise an error
 * (or a YAML syntax error) that was not there before.
 */
import assert from 'node:assert/strict';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic, Fix, Rule } from '../../server/src/rules/types';
import { runRule, testOptions } from './ruleTester';

/** The text after applying a fix's edits (applied from the end so offsets stay valid). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

function errors(text: string): Set<string> {
  const diags = validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
  return new Set(diags.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`));
}

/**
 * Applies the first fix of every finding of `rule` in `text` (one at a time) and checks the result.
 * Returns the fixed texts so a test can also look at what was written.
 */
export function assertFixesWork(rule: Rule, text: string, expectedFixes: number): string[] {
  const before = runRule(rule, text);
  const withFix = before.filter((d): d is Diagnostic & { fixes: [Fix, ...Fix[]] } => d.fixes.length > 0);
  assert.equal(withFix.length, expectedFixes, `findings with a fix: ${before.map((d) => d.message).join(' | ')}`);
  const errorsBefore = errors(text);
  return withFix.map((d) => {
    const fixed = applyFix(text, d.fixes[0]);
    const after = runRule(rule, fixed);
    assert.ok(!after.some((a) => a.message === d.message), `still reported after "${d.fixes[0].title}":\n${fixed}`);
    assert.ok(after.length < before.length, `"${d.fixes[0].title}" did not reduce the findings:\n${fixed}`);
    const added = [...errors(fixed)].filter((e) => !errorsBefore.has(e));
    assert.deepEqual(added, [], `"${d.fixes[0].title}" introduced errors:\n${fixed}`);
    return fixed;
  });
}
