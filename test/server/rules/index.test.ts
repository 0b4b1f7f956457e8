import assert from 'node:assert/strict';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { locateFunctions } from '../../../server/src/measure/locate';
import { PackageSizeService } from '../../../server/src/measure/service';
import type { FunctionSize } from '../../../server/src/measure/types';
import { example } from '../../../server/src/rules/docs';
import { RULES } from '../../../server/src/rules/index';
import { timeout } from '../../../server/src/rules/limits/timeout';
import type { Rule, ValidationOptions } from '../../../server/src/rules/types';
import { buildTemplate } from '../../../server/src/template/model';
import { stackState } from '../../support/deployedStack';
import { emptyFixture } from '../measure/fixtures';
import { exampleProblems, loadRuleModules, registryProblems, ruleTestText } from '../../support/ruleSuite';
import type { ExampleContext, RuleModule } from '../../support/ruleSuite';

const MB = 1024 * 1024;

describe('rule registry', () => {
  const modules = loadRuleModules();

  it('lists rules sorted by id, each id once', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gives every rule a distinct description and docs with a bad and a good example and a link', () => {
    const descriptions = new Set<string>();
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z-]+\/[a-z0-9-]+$/, meta.id);
      assert.ok(meta.description.length > 20, `${meta.id}: description`);
      assert.ok(!descriptions.has(meta.description), `${meta.id}: duplicate description`);
      descriptions.add(meta.description);
      assert.ok(meta.docs.bad.trim() && meta.docs.good.trim() && meta.docs.bad !== meta.docs.good, `${meta.id}: docs examples`);
      assert.match(meta.docs.url, /^https:\/\/docs\.aws\.amazon\.com\//, `${meta.id}: docs url`);
    }
  });

  it('registers every rule a module exports, and every registered rule has its module and a test file importing it', () => {
    assert.deepEqual(registryProblems(RULES, modules, ruleTestText), []);
  });

  describe('the registry check fails on a broken suite', () => {
    const timeoutHome = modules.find((m) => m.exports.timeout === timeout)!;

    it('reports a rule file missing from the registry', () => {
      assert.deepEqual(registryProblems(RULES.filter((r) => r !== timeout), modules, ruleTestText), [
        'server/src/rules/limits/timeout.ts exports rule limits/timeout (timeout), which rules/index.ts does not register',
      ]);
    });

    it('reports a registered rule that no module exports', () => {
      const stray: Rule = { meta: { ...timeout.meta, id: 'limits/stray' }, check: () => undefined };
      assert.deepEqual(registryProblems([...RULES, stray], modules, ruleTestText), ['limits/stray is registered but no module under server/src/rules exports it']);
    });

    it('reports a rule without a test file, and a test file that does not import its rule', () => {
      const others = modules.filter((m) => m !== timeoutHome);
      const moved: RuleModule = { path: 'limits/timeoutMoved', exports: timeoutHome.exports };
      assert.deepEqual(registryProblems(RULES, [...others, moved], ruleTestText), ['limits/timeout: test/server/rules/limits/timeoutMoved.test.ts is missing']);
      const unrelated = (path: string) => (path === 'limits/timeout' ? "import { memorySize } from '../../../../server/src/rules/limits/memorySize';\n" : ruleTestText(path));
      assert.deepEqual(registryProblems(RULES, modules, unrelated), ['limits/timeout: test/server/rules/limits/timeout.test.ts does not import timeout']);
    });
  });
});

/**
 * What three examples need that their template text cannot hold. Reviewed: each entry says why, and
 * an entry for a rule that is not registered fails the test below.
 */
const EXAMPLE_NEEDS: Record<string, { readonly why: string; readonly run: ExampleContext }> = {
  'deployed/drift': {
    why: 'the rule compares with a deployed stack: Api is deployed with MemorySize 1024, as the comments say',
    run: (_id, _which, text) => ({ text, options: { deployed: { stack: stackState({ Api: { name: 'app-Api-1', memorySize: 1024 } }) } } }),
  },
  'limits/environment-size': {
    why: 'the bad example names a 5,000-character value instead of printing it',
    run: (_id, _which, text) => ({ text: text.replace('<a 5,000-character JSON document>', 'x'.repeat(5_000)) }),
  },
  'limits/package-size': {
    why: 'the rule reads the package measured on disk: src/ holds 310 MB, dist/ the 2 MB bundle',
    run: (_id, which, text) => ({ text, options: measured.get(which)! }),
  },
  'limits/template-size': {
    why: 'the bad example stands for 500 more resources with a comment',
    run: (_id, _which, text) => ({
      text: text.replace('  # ... 500 more resources in the same stack\n', Array.from({ length: 500 }, (_, i) => `  Queue${i}: { Type: AWS::SQS::Queue }\n`).join('')),
    }),
  },
};
const measured = new Map<'bad' | 'good', Partial<ValidationOptions>>();

const context: ExampleContext = (id, which, text) => EXAMPLE_NEEDS[id]?.run(id, which, text) ?? { text };

describe('documented examples', function () {
  const fx = emptyFixture('app');
  const service = new PackageSizeService();
  const packageSize = RULES.find((r) => r.meta.id === 'limits/package-size')!;

  before(async () => {
    fx.write('src/index.js', 'exports.handler = async () => 1;\n');
    fx.write('src/node_modules/sdk/big.bin', '');
    truncateSync(join(fx.root, 'src/node_modules/sdk/big.bin'), 310 * MB);
    fx.write('dist/index.js', 'x'.repeat(2 * MB));
    for (const which of ['bad', 'good'] as const) {
      const text = packageSize.meta.docs[which];
      const sizes = new Map<string, FunctionSize>();
      for (const lf of locateFunctions(buildTemplate(text))) sizes.set(lf.spec.id, await service.measureFunction(fx.root, lf.spec));
      measured.set(which, { templatePath: join(fx.root, 'template.yaml'), packageSizes: { get: (fn) => sizes.get(fn) } });
    }
  });
  after(() => {
    service.dispose();
    fx.cleanup();
  });

  it('raise their rule when bad and nothing at all when good, run with every rule', () => {
    assert.deepEqual(exampleProblems(RULES, RULES, context), []);
  });

  it('need outside help only where the list says why, for registered rules', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const [id, need] of Object.entries(EXAMPLE_NEEDS)) {
      assert.ok(ids.has(id), `${id} is not a registered rule`);
      assert.ok(need.why.length > 20, id);
    }
  });

  describe('the example check fails on broken examples', () => {
    const broken = (docs: Partial<Rule['meta']['docs']>): Rule => ({ ...timeout, meta: { ...timeout.meta, docs: { ...timeout.meta.docs, ...docs } } });

    it('reports a bad example that does not raise its rule', () => {
      assert.deepEqual(exampleProblems([broken({ bad: timeout.meta.docs.good })], RULES), ['limits/timeout bad example does not raise limits/timeout']);
    });

    it('reports a good example that raises anything, naming what', () => {
      const problems = exampleProblems([broken({ good: timeout.meta.docs.good.replace('Runtime: nodejs22.x', 'Runtime: nodejs16.x') })], RULES);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /^limits\/timeout good example raises runtime\/deprecated at line \d+: Runtime nodejs16\.x/);
    });

    it('reports an example that is not a template', () => {
      const fragment = example(`
        MyFunction:
          Type: AWS::Serverless::Function
          Properties:
            Timeout: 1800
      `);
      assert.deepEqual(exampleProblems([broken({ bad: fragment })], RULES), ['limits/timeout bad example is not a template']);
    });

    it('reports a rule that broke: its bad example no longer raises it', () => {
      const silent: Rule = { ...timeout, check: () => undefined };
      assert.deepEqual(exampleProblems([silent], [silent]), ['limits/timeout bad example does not raise limits/timeout']);
    });
  });
});
