/**
 * Quick fixes: the fixes rules attach to their findings, plus "Disable <rule> for this line" for
 * every Lambda Lens diagnostic (a `# lambda-lens-disable-next-line <id>` comment above it; YAML only,
 * since JSON has no comments).
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { DISABLE_COMMENT } from '../rules/engine';
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
  if (t.text.trimStart().startsWith('{')) return undefined;
  const line = t.lines.positionAt(d.range.start).line;
  const indent = /^\s*/.exec(t.lines.lineText(line))![0];
  const previous = line > 0 ? t.lines.lineText(line - 1) : '';
  const existing = previous.indexOf(DISABLE_COMMENT);
  const edit = existing >= 0
    // Extend an existing comment instead of stacking a second one.
    ? { range: { start: { line: line - 1, character: previous.length }, end: { line: line - 1, character: previous.length } }, newText: ` ${d.rule}` }
    : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# ${DISABLE_COMMENT} ${d.rule}\n` };
  return {
    title: `Disable ${d.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [edit] } },
  };
}
