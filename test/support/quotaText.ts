/**
 * Finds numbers written into user-facing text by hand: digits inside the string and template
 * literals of a source file (rule messages, descriptions, fix titles, hover sentences), and number
 * literals interpolated into a template. Numbers that come from the quota table reach the text as
 * expressions (`${QUOTAS.timeoutSeconds.max}`) and are not literals, so every hit is either a quota
 * written twice or a number that needs a reviewed reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One number found in a literal. */
export interface LiteralNumber {
  /** Path relative to the project root. */
  readonly file: string;
  readonly line: number;
  /** The number as written: `6`, `10,000`, `-1`. */
  readonly number: string;
  /** The literal text it is in (or `${n}` for an interpolated number literal). */
  readonly text: string;
}

/**
 * A number standing as a word: not part of an identifier or a name (`S3`, `python3.13`, `arm64`),
 * a date (`2012-10-17`), an address (`0.0.0.0/0`) or a path (`:3`, `/2`). `1..900` counts as two.
 */
const NUMBER = /(?<![\w.$:/\\-])-?\d+(?:,\d{3})*(?:\.\d+)?(?![\w:/]|\.\d|-\d)/g;

/** The numbers written as words in a piece of text. */
export function numbersIn(text: string): string[] {
  return [...text.replace(/\.\./g, ' .. ').matchAll(NUMBER)].map((m) => m[0]);
}

/** Properties whose values are not text a user reads as a sentence: examples (run by their own test), ids, links. */
const NOT_TEXT = new Set(['docs', 'id', 'url']);
/** Functions whose arguments are documented example templates (see rules/docs.ts). */
const EXAMPLE_BUILDERS = new Set(['example', 'changed']);

/** Numbers in the literals of one TypeScript source. */
export function literalNumbers(file: string, source: string): LiteralNumber[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: LiteralNumber[] = [];
  const add = (node: ts.Node, text: string, numbers: string[]) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    for (const number of numbers) out.push({ file, line, number, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && NOT_TEXT.has(node.name.text)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && EXAMPLE_BUILDERS.has(node.expression.text)) return;
    // A quoted key is a name, not text; its value may be.
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) return visit(node.initializer);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      add(node, node.text, numbersIn(node.text));
    } else if (ts.isTemplateSpan(node) && ts.isNumericLiteral(node.expression)) {
      add(node.expression, `\${${node.expression.text}}`, [node.expression.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The .ts files below `dir`, and single files, relative to `root`. */
export function sourceFiles(root: string, entries: readonly string[]): string[] {
  const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((n) => walk(join(p, n))) : p.endsWith('.ts') ? [p] : []);
  return entries.flatMap((e) => walk(join(root, e))).map((p) => relative(root, p));
}

/** A number in text that is not a quota, with the reason it may stay. */
export interface AllowedNumber {
  readonly file: string;
  readonly number: string;
  /** Text the literal must contain, so the entry covers that sentence only. */
  readonly near: string;
  readonly why: string;
}

/** Hits not covered by the allow-list, and allow-list entries that cover nothing (stale). */
export function quotaTextProblems(hits: readonly LiteralNumber[], allowed: readonly AllowedNumber[]): { unexplained: string[]; stale: string[] } {
  const used = new Set<AllowedNumber>();
  const unexplained: string[] = [];
  for (const h of hits) {
    const entry = allowed.find((a) => a.file === h.file && a.number === h.number && h.text.includes(a.near));
    if (entry) used.add(entry);
    else unexplained.push(`${h.file}:${h.line}: "${h.number}" in ${JSON.stringify(h.text.length > 90 ? `${h.text.slice(0, 87)}...` : h.text)}`);
  }
  const stale = allowed.filter((a) => !used.has(a)).map((a) => `${a.file}: "${a.number}" near "${a.near}"`);
  return { unexplained, stale };
}

/** Reads and scans the files. */
export function scanFiles(root: string, files: readonly string[]): LiteralNumber[] {
  return files.flatMap((f) => literalNumbers(f, readFileSync(join(root, f), 'utf8')));
}
