/**
 * Checks over the whole rule suite (eslint's checkRuleFiles, cfn-lint's test_rules.py): the registry
 * against the rule files, the documented examples run through the engine, and the README's sample
 * output against what `check` prints. Each returns the problems it found, so a test asserts `[]` on
 * the real suite and a non-empty list on a deliberately broken one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatText } from '../../server/src/cli/formats';
import { validate } from '../../server/src/rules/engine';
import type { Rule, ValidationOptions } from '../../server/src/rules/types';
import { buildTemplate } from '../../server/src/template/model';
import { testOptions } from './ruleTester';

export const ROOT = join(__dirname, '..', '..');
export const RULES_DIR = join(ROOT, 'server', 'src', 'rules');
export const RULE_TESTS_DIR = join(ROOT, 'test', 'server', 'rules');

/** A module under server/src/rules and what it exports. */
export interface RuleModule {
  /** Path below server/src/rules without `.ts`: `limits/timeout`. */
  readonly path: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

/** Every .ts module below server/src/rules, loaded. */
export function loadRuleModules(dir = RULES_DIR): RuleModule[] {
  const walk = (d: string): string[] =>
    readdirSync(d).sort().flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  // eslint-style: a rule module is found by loading it, not by its name.
  return walk(dir).map((file) => ({ path: relative(dir, file).replace(/\.ts$/, ''), exports: require(file) as Record<string, unknown> }));
}

function isRule(v: unknown): v is Rule {
  const r = v as Partial<Rule> | undefined;
  return typeof r === 'object' && r !== null && typeof r.check === 'function' && typeof r.meta?.id === 'string';
}

/**
 * The registry against the modules: every exported rule is registered, every registered rule is
 * exported by a module, and that module has a test file (`test/server/rules/<path>.test.ts`) that
 * imports the rule by its exported name.
 */
export function registryProblems(registry: readonly Rule[], modules: readonly RuleModule[], testText: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  const registered = new Set(registry);
  const homes = new Map<Rule, { path: string; name: string }>();
  for (const m of modules) {
    for (const [name, value] of Object.entries(m.exports)) {
      if (!isRule(value)) continue;
      homes.set(value, { path: m.path, name });
      if (!registered.has(value)) problems.push(`server/src/rules/${m.path}.ts exports rule ${value.meta.id} (${name}), which rules/index.ts does not register`);
    }
  }
  for (const rule of registry) {
    const home = homes.get(rule);
    if (!home) {
      problems.push(`${rule.meta.id} is registered but no module under server/src/rules exports it`);
      continue;
    }
    const test = testText(home.path);
    if (test === undefined) problems.push(`${rule.meta.id}: test/server/rules/${home.path}.test.ts is missing`);
    else if (!new RegExp(`import \\{[^}]*\\b${home.name}\\b[^}]*\\} from '[./]*/server/src/rules/${home.path}'`).test(test)) {
      problems.push(`${rule.meta.id}: test/server/rules/${home.path}.test.ts does not import ${home.name}`);
    }
  }
  return problems;
}

/** The test file of a rule module, or undefined. */
export function ruleTestText(path: string): string | undefined {
  const file = join(RULE_TESTS_DIR, `${path}.test.ts`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** What an example needs that its text cannot hold (a package measured on disk, a huge template). */
export interface ExampleRun {
  readonly text: string;
  readonly options?: Partial<ValidationOptions>;
}

export type ExampleContext = (ruleId: string, which: 'bad' | 'good', example: string) => ExampleRun;

const asWritten: ExampleContext = (_id, _which, example) => ({ text: example });

/**
 * Runs every rule's documented examples through the engine with every registered rule: the bad one
 * must raise its rule, the good one nothing at all, and both must parse.
 */
export function exampleProblems(rules: readonly Rule[], all: readonly Rule[], context: ExampleContext = asWritten): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    for (const which of ['bad', 'good'] as const) {
      const run = context(id, which, rule.meta.docs[which]);
      const template = buildTemplate(run.text);
      const found = validate(template, testOptions({ reportSyntax: true, ...run.options }), (rid, e) => problems.push(`${id} ${which} example: rule ${rid} threw ${String(e)}`), all);
      const said = found.map((d) => `${d.rule} at line ${template.lines.positionAt(d.range.start).line + 1}: ${d.message}`);
      if (!template.isTemplate) problems.push(`${id} ${which} example is not a template`);
      else if (which === 'bad' && !found.some((d) => d.rule === id)) problems.push(`${id} bad example does not raise ${id}${said.length ? `; it raises ${said.join(' | ')}` : ''}`);
      else if (which === 'good' && found.length > 0) problems.push(`${id} good example raises ${said.join(' | ')}`);
    }
  }
  return problems;
}

/** A line of `check` output quoted in a document: `examples/<path>.yaml:<line>:<column>  <severity>  <rule>  <message>`. */
const SAMPLE = /^(examples\/[\w./-]+\.ya?ml):\d+:\d+ /;
/** A quoted line cut short by the document: the output line must start with the text before ` ...`. */
const CUT = ' ...';

/**
 * The README's sample lines against what `lambda-lens check` prints for the same files today, line
 * for line (a sample ending in ` ...` is a prefix). A document without sample lines is a problem too:
 * it means the sample format drifted away from the output.
 */
export function readmeSampleProblems(doc: string, root = ROOT): string[] {
  const samples = doc.split('\n').filter((l) => SAMPLE.test(l));
  if (samples.length === 0) return ['found no sample lines of `lambda-lens check` output'];
  const outputs = new Map<string, string[]>();
  const output = (file: string): string[] => {
    let lines = outputs.get(file);
    if (!lines) {
      const path = join(root, file);
      const template = buildTemplate(readFileSync(path, 'utf8'));
      const diagnostics = validate(template, testOptions({ reportSyntax: true }));
      lines = formatText(root, [{ path, template, diagnostics }], 1).split('\n');
      outputs.set(file, lines);
    }
    return lines;
  };
  const problems: string[] = [];
  for (const sample of samples) {
    const file = SAMPLE.exec(sample)![1]!;
    if (!existsSync(join(root, file))) {
      problems.push(`${file} does not exist: ${sample}`);
      continue;
    }
    const cut = sample.endsWith(CUT);
    const expected = cut ? sample.slice(0, -CUT.length) : sample;
    if (!output(file).some((line) => (cut ? line.startsWith(expected) : line === expected))) problems.push(`check does not print: ${sample}`);
  }
  return problems;
}
