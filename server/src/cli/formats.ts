/** Output formats of `lambda-lens check`: text lines, a JSON array, and SARIF 2.1.0 for code-scanning tools. */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Template } from '../template/model';
import type { Diagnostic, Severity } from '../rules/types';
import { RULES } from '../rules/index';
import { ruleDocsUrl } from '../rules/docs';
import { packageVersion } from '../packageRoot';

/** One file's findings, with the model that gives them positions. */
export interface FileResult {
  readonly path: string;
  readonly template: Template;
  readonly diagnostics: readonly Diagnostic[];
}

/** The JSON shape of one finding (1-based lines and columns). */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource: string | null;
}

/** A path relative to the working directory when it lies below it, absolute otherwise. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

export function toJsonFindings(cwd: string, results: readonly FileResult[]): JsonFinding[] {
  return results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const s = r.template.lines.positionAt(d.range.start);
      const e = r.template.lines.positionAt(d.range.end);
      return {
        file: displayPath(cwd, r.path),
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        resource: d.resource ?? null,
      };
    }),
  );
}

export function formatText(cwd: string, results: readonly FileResult[], templates: number): string {
  const findings = toJsonFindings(cwd, results);
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(11)}  ${f.rule}  ${f.message}`);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const noun = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  lines.push(
    findings.length === 0
      ? `No problems in ${noun(templates, 'template')}.`
      : `${noun(count('error'), 'error')}, ${noun(count('warning'), 'warning')}, ${count('information')} information in ${files} of ${noun(templates, 'template')}.`,
  );
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note' };

export function formatSarif(cwd: string, results: readonly FileResult[]): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const region = (range: { start: number; end: number }) => {
        const s = r.template.lines.positionAt(range.start);
        const e = r.template.lines.positionAt(range.end);
        return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
      };
      const shown = displayPath(cwd, r.path);
      const artifactLocation = shown === r.path ? { uri: pathToFileURL(r.path).href } : { uri: shown.split('\\').join('/'), uriBaseId: '%SRCROOT%' };
      const ruleIndex = index.get(d.rule);
      return {
        ruleId: d.rule,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
        ...(d.related.length > 0
          ? { relatedLocations: d.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation, region: region(rel.range) } })) }
          : {}),
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'lambda-lens',
          version: packageVersion(),
          informationUri: 'https://github.com/lambda-lens/lambda-lens',
          rules: RULES.map(({ meta }) => ({
            id: meta.id,
            shortDescription: { text: meta.description },
            fullDescription: { text: meta.description },
            helpUri: ruleDocsUrl(meta.id),
            help: { text: `Bad:\n${meta.docs.bad}\n\nGood:\n${meta.docs.good}\n\nSee ${meta.docs.url}` },
            defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
      results: sarifResults,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
