/**
 * Quick-fix checks: apply a fix's edits to the text, rebuild the model, and verify the document still
 * parses, the fixed diagnostic is gone, and no new error appeared from any registered rule.
 */
import assert from 'node:assert/strict';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic, Rule, TextEdit } from '../../server/src/rules/types';
import { runRule, testOptions } from './ruleTester';

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

function errors(text: string): Set<string> {
  const ds = validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
  return new Set(ds.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`));
}

/**
 * Applies the first fix of the rule's diagnostic number `index` and returns the fixed text, after
 * asserting that it parses, that the rule reports one diagnostic fewer (that one), and that no other
 * error appeared.
 */
export function applyFix(rule: Rule, text: string, index = 0): string {
  const before = runRule(rule, text);
  const target: Diagnostic | undefined = before[index];
  assert.ok(target, `expected a ${rule.meta.id} diagnostic`);
  const fix = target.fixes[0];
  assert.ok(fix, `expected a quick fix on: ${target.message}`);
  const fixed = applyEdits(text, fix.edits);
  const model = buildTemplate(fixed);
  assert.deepEqual(model.problems.map((p) => p.message), [], `the fixed text parses:\n${fixed}`);
  const after = runRule(rule, fixed);
  assert.ok(!after.some((d) => d.message === target.message), `the diagnostic is gone after the fix:\n${fixed}`);
  assert.equal(after.length, before.length - 1, `only the fixed diagnostic disappears:\n${fixed}`);
  const old = errors(text);
  const added = [...errors(fixed)].filter((e) => !old.has(e) && !e.startsWith(`${rule.meta.id}:`));
  assert.deepEqual(added, [], 'the fix adds no error');
  return fixed;
}
