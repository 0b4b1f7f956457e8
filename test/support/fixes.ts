/**
 * Quick-fix checks: apply a finding's fix to the text the way an editor does, rebuild the model and
 * validate again with every rule. The fixed finding must be gone, the text must still parse, and no
 * error may appear that was not there before.
 */
import assert from 'node:assert/strict';
import { buildTemplate } from '../../server/src/template/model';
import { validate } from '../../server/src/rules/engine';
import type { Diagnostic, Rule } from '../../server/src/rules/types';
import { applyEdits } from './applyEdits';
import { runRule, testOptions } from './ruleTester';

function allDiagnostics(text: string): Diagnostic[] {
  return validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
}

const key = (d: Diagnostic) => `${d.rule}: ${d.message}`;

/** Applies fix `title` of the rule's finding number `index`; returns the fixed text after checking it. */
export function applyFix(rule: Rule, text: string, title: string, index = 0): string {
  const found = runRule(rule, text);
  const finding = found[index];
  assert.ok(finding, `no finding #${index} from ${rule.meta.id}`);
  const fix = finding.fixes.find((f) => f.title === title);
  assert.ok(fix, `finding has no fix "${title}" (has: ${finding.fixes.map((f) => f.title).join(', ')})`);
  const fixed = applyEdits(text, fix.edits);
  const before = new Set(allDiagnostics(text).filter((d) => d.severity === 'error').map(key));
  const after = allDiagnostics(fixed);
  assert.deepEqual(after.filter((d) => d.rule === 'template/parse').map(key), [], 'the fixed text parses');
  assert.deepEqual(after.filter((d) => d.severity === 'error' && !before.has(key(d))).map(key), [], 'no new error');
  assert.ok(!after.some((d) => d.rule === rule.meta.id && d.message === finding.message), 'the finding is gone');
  return fixed;
}
