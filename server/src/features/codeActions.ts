/**
 * Quick fixes: the fixes rules attach to their findings, plus "Disable <rule> for this line" for
 * every Lambda Lens diagnostic (a `# lambda-lens-disable-next-line <id>` comment above it; YAML only,
 * since JSON has no comments).
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { disableCommentEdit } from '../rules/edits';
import type { Diagnostic, ValidationOptions } from '../rules/types';
import type { Template } from '../template/model';
import type { Analyses, TextSource } from './analyses';
import { SOURCE, toLspDiagnostic, toLspEdit } from './convert';

/** Code actions for the Lambda Lens diagnostics in the request's range. */
export function codeActions(analyses: Analyses, doc: TextSource, options: ValidationOptions, params: CodeActionParams): CodeAction[] {
  const template = analyses.model(doc);
  const ours = analyses.diagnostics(doc, options);
  const wanted = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  const actions: CodeAction[] = [];
  for (const lsp of wanted) {
    const d = ours.find((x) => x.rule === lsp.code && sameStart(template, x, lsp));
    if (!d) continue;
    const diagnostic = toLspDiagnostic(template, doc.uri, d);
    for (const fix of d.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: d.fixes.length === 1,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => toLspEdit(template, e)) } },
      });
    }
    const disable = disableAction(template, doc.uri, d, diagnostic);
    if (disable) actions.push(disable);
  }
  return actions;
}

function sameStart(t: Template, d: Diagnostic, lsp: LspDiagnostic): boolean {
  const p = t.lines.positionAt(d.range.start);
  return p.line === lsp.range.start.line && p.character === lsp.range.start.character;
}

function disableAction(t: Template, uri: string, d: Diagnostic, diagnostic: LspDiagnostic): CodeAction | undefined {
  const edit = disableCommentEdit(t, d.range.start, d.rule);
  if (!edit) return undefined;
  return {
    title: `Disable ${d.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [toLspEdit(t, edit)] } },
  };
}
