/**
 * Agreement tier: template/unresolved-reference and template/circular-dependency against cfn-lint,
 * a second implementation of the same checks, on the templates of test/fixtures/references. Each
 * template raises the same rules in both; where no transform moves lines around, on the same lines
 * (cfn-lint puts a cycle on each resource in it, Lambda Lens on each reference that closes it: those
 * are compared by resource).
 * Runs when `cfn-lint` is on PATH (it is not a dependency of Lambda Lens); skipped otherwise.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../server/src/rules/engine';
import { buildTemplate } from '../../server/src/template/model';
import { testOptions } from '../support/ruleTester';

const FIXTURES = join(__dirname, '..', 'fixtures', 'references');

/** cfn-lint's rules for the causes our two rules find. */
const CFN_LINT_RULES: Readonly<Record<string, string>> = {
  E1010: 'template/unresolved-reference', // GetAtt
  E1019: 'template/unresolved-reference', // Sub
  E1020: 'template/unresolved-reference', // Ref
  E1028: 'template/unresolved-reference', // Fn::If condition
  E3005: 'template/unresolved-reference', // DependsOn
  E3015: 'template/unresolved-reference', // resource Condition
  E6005: 'template/unresolved-reference', // output Condition
  E8002: 'template/unresolved-reference', // Condition in conditions
  E3004: 'template/circular-dependency',
};
const OURS = new Set(Object.values(CFN_LINT_RULES));

const hasCfnLint = spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;

interface CfnLintMatch {
  readonly Filename: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Start: { readonly LineNumber: number } };
}

(hasCfnLint ? describe : describe.skip)('unresolved references and cycles agree with cfn-lint', function () {
  this.timeout(120_000);
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();
  let theirs: CfnLintMatch[] = [];

  before(() => {
    const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { cwd: FIXTURES, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    assert.ok(r.status !== null && r.stdout.trim().startsWith('['), r.stderr);
    theirs = (JSON.parse(r.stdout) as CfnLintMatch[]).filter((m) => m.Rule.Id in CFN_LINT_RULES);
  });

  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(FIXTURES, f), 'utf8');
      const t = buildTemplate(text);
      const ours = validate(t, testOptions()).filter((d) => OURS.has(d.rule));
      const mine = theirs.filter((m) => m.Filename === f);
      assert.deepEqual(new Set(ours.map((d) => d.rule)), new Set(mine.map((m) => CFN_LINT_RULES[m.Rule.Id])));
      if (t.isSam) return;
      const lines = (list: Array<[string, number]>) => [...new Set(list.map(([rule, line]) => `${rule}@${line}`))].sort();
      assert.deepEqual(
        lines(ours.map((d) => [d.rule, t.lines.positionAt(d.rule === 'template/circular-dependency' ? t.resources.get(d.resource!)!.idRange.start : d.range.start).line + 1])),
        lines(mine.map((m) => [CFN_LINT_RULES[m.Rule.Id]!, m.Location.Start.LineNumber])),
      );
    });
  }
});
