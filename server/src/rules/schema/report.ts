/** Reports the template's shape issues of one kind (shape.ts finds them once for all three rules). */
import { replaceWith } from '../edits';
import type { RuleContext } from '../types';
import { templateShapeIssues } from './shape';
import type { ShapeRule } from './shape';

/** Reports every shape issue of `kind`, with its replacement as a quick fix. */
export function reportShapeIssues(ctx: RuleContext, kind: ShapeRule): void {
  const t = ctx.template;
  for (const issue of templateShapeIssues(t)) {
    if (issue.rule !== kind) continue;
    const r = issue.replacement;
    ctx.report({
      range: issue.range,
      message: issue.message,
      ...(issue.severity ? { severity: issue.severity } : {}),
      ...(r ? { fixes: [{ title: r.title, edits: [replaceWith(t, r.range, r.value)] }] } : {}),
      ...(issue.resource ? { resource: issue.resource } : {}),
    });
  }
}
