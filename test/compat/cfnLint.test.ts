/**
 * Agreement with cfn-lint (installed in this machine's Python, not a dependency of Lambda Lens) on
 * the SAM translator's invalid inputs: for each input, the resources each tool flags with an error.
 * cfn-lint runs the translator itself (its E0001 carries the translator's error), so where the two
 * agree, Lambda Lens finds in the editor what the deployment would refuse. Runs on the full shared
 * corpus when it is checked out, on the repository subset otherwise; skipped without cfn-lint.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from '../../server/src/template/model';
import { FIXTURE_CORPUS, flags, invalidInputs, sharedCorpus } from '../support/samCorpus';
import type { CorpusInput } from '../support/samCorpus';

const MATCHES = join(__dirname, '..', 'support', 'cfnLintMatches.py');
/**
 * The figures today, full corpus (repository subset): the tools agree on 220 of 287 inputs (77 of 96);
 * of the 254 (87) inputs cfn-lint flags, Lambda Lens flags a resource cfn-lint flags on 219 (76).
 * Most of the rest are inputs where the translator reports one resource and stops, or calls the
 * Serverless Application Repository, which cfn-lint leaves out. Fewer fails.
 */
const AGREEMENT_FLOOR = 0.76;
const COVERAGE_FLOOR = 0.85;
/** cfn-lint's deprecated-runtime rule: like runtime/deprecated, not counted (the inputs pin old runtimes). */
const NOT_COUNTED: ReadonlySet<string> = new Set(['E2533']);
/** A finding on no resource (the template's structure, a parse error). */
const TEMPLATE = '(template)';

const hasCfnLint = (): boolean => spawnSync('python3', ['-c', 'import cfnlint.api'], { stdio: 'ignore' }).status === 0;

interface Match {
  readonly file: string;
  readonly rule?: string;
  readonly line?: number;
  readonly message?: string;
  readonly crash?: string;
}

/** cfn-lint's error matches of each input, run with the SAM transform line added at the end (lines stay where they are). */
function cfnLint(inputs: readonly CorpusInput[]): Map<string, Match[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-cfn-lint-'));
  try {
    for (const i of inputs) writeFileSync(join(dir, i.file), /^Transform:/m.test(i.text) ? i.text : `${i.text.replace(/\n*$/, '\n')}Transform: AWS::Serverless-2016-10-31\n`);
    const r = spawnSync('python3', [MATCHES, ...inputs.map((i) => join(dir, i.file))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const out = new Map<string, Match[]>(inputs.map((i) => [i.file, []]));
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      const m = JSON.parse(line) as Match;
      const file = m.file.slice(dir.length + 1);
      if (m.crash !== undefined || (m.rule?.startsWith('E') && !NOT_COUNTED.has(m.rule))) out.get(file)!.push(m);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The resource a line lies in, or undefined outside Resources. */
function resourceAt(t: Template, text: string, line: number): string | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  for (const r of t.resources.values()) if (r.node.range.start <= offset && offset < r.node.range.end) return r.id;
  return undefined;
}

/** The resources cfn-lint flags: those the translator names in an E0001, or the one each match's line lies in. */
function cfnLintFlags(input: CorpusInput, matches: readonly Match[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    const named = [...(m.message ?? '').matchAll(/resource with id \[([^\]]+)\]/gi)].map((x) => x[1]!);
    if (named.length > 0) named.forEach((id) => out.add(id));
    else out.add((m.line !== undefined && m.line > 1 ? resourceAt(input.template, input.text, m.line) : undefined) ?? TEMPLATE);
  }
  return out;
}

/** Both flag nothing, or both flag one resource (an id SAM generates counts for the resource it comes from). */
function agree(input: CorpusInput, theirs: ReadonlySet<string>): boolean {
  const ours = new Set<string | undefined>(input.errors.map((d) => d.resource ?? TEMPLATE));
  if (ours.size === 0 || theirs.size === 0) return ours.size === theirs.size;
  return [...theirs].some((id) => flags(ours, input.template, id));
}

describe('cfn-lint agreement', function () {
  this.timeout(180_000);

  it(`agrees with cfn-lint on at least ${AGREEMENT_FLOOR * 100} % of the invalid inputs, and flags what it flags on ${COVERAGE_FLOOR * 100} %`, function () {
    if (!hasCfnLint()) this.skip();
    const inputs = invalidInputs(sharedCorpus() ?? FIXTURE_CORPUS);
    const matches = cfnLint(inputs);
    const theirs = new Map(inputs.map((i) => [i.file, cfnLintFlags(i, matches.get(i.file)!)]));
    const describe = (i: CorpusInput) => `${i.file} (ours: ${[...new Set(i.errors.map((d) => d.resource ?? TEMPLATE))].join(',') || '-'}; cfn-lint: ${[...theirs.get(i.file)!].join(',') || '-'})`;
    const apart = inputs.filter((i) => !agree(i, theirs.get(i.file)!));
    const flagged = inputs.filter((i) => theirs.get(i.file)!.size > 0);
    const uncovered = flagged.filter((i) => !agree(i, theirs.get(i.file)!));
    const agreement = 1 - apart.length / inputs.length;
    const coverage = 1 - uncovered.length / flagged.length;
    assert.ok(agreement >= AGREEMENT_FLOOR, `${inputs.length - apart.length} of ${inputs.length} agree (${(agreement * 100).toFixed(1)} %); apart: ${apart.map(describe).join('; ')}`);
    assert.ok(coverage >= COVERAGE_FLOOR, `a resource cfn-lint flags is flagged on ${flagged.length - uncovered.length} of ${flagged.length} (${(coverage * 100).toFixed(1)} %); not on: ${uncovered.map(describe).join('; ')}`);
  });
});
