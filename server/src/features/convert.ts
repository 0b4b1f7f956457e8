/** Model -> LSP conversions: offsets to positions, findings to diagnostics, fixes to workspace edits. */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic as LspDiagnostic, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Range } from '../template/ast';
import type { Template } from '../template/model';
import type { Diagnostic, Severity, TextEdit } from '../rules/types';
import { ruleDocsUrl } from '../rules/docs';

export const SOURCE = 'lambda-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspRange(t: Template, r: Range): LspRange {
  return { start: t.lines.positionAt(r.start), end: t.lines.positionAt(r.end) };
}

export function toLspEdit(t: Template, e: TextEdit): LspTextEdit {
  return { range: toLspRange(t, e.range), newText: e.newText };
}

/** Each rule's documentation link, made once: every diagnostic of a rule shares it. */
const DESCRIPTIONS = new Map<string, { href: string } | null>();

function codeDescription(rule: string): { href: string } | undefined {
  let known = DESCRIPTIONS.get(rule);
  if (known === undefined) {
    const href = ruleDocsUrl(rule);
    DESCRIPTIONS.set(rule, (known = href ? { href } : null));
  }
  return known ?? undefined;
}

export function toLspDiagnostic(t: Template, uri: string, d: Diagnostic): LspDiagnostic {
  const description = codeDescription(d.rule);
  return {
    range: toLspRange(t, d.range),
    severity: SEVERITY[d.severity],
    code: d.rule,
    ...(description ? { codeDescription: description } : {}),
    source: SOURCE,
    message: d.message,
    ...(d.related.length > 0
      ? { relatedInformation: d.related.map((r) => ({ location: { uri, range: toLspRange(t, r.range) }, message: r.message })) }
      : {}),
  };
}
