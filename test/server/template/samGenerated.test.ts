/**
 * What the SAM translator generates, as samGenerated.ts predicts it, against what the translator
 * itself makes of the valid inputs of its corpus (test/fixtures/corpus): every resource it adds is
 * named exactly with its type, or matched by a naming pattern; no exactly named resource is one it
 * does not make. Needs python3 with aws-sam-translator (cfn-lint installs it); that part skips
 * without it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../server/src/template/model';
import { samGenerated } from '../../../server/src/template/samGenerated';

const ROOT = join(__dirname, '..', '..', '..');
const TRANSLATE = join(ROOT, 'test', 'support', 'samTranslate.py');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'sam-translator');
const hasTranslator = spawnSync('python3', ['-c', 'import samtranslator'], { stdio: 'ignore' }).status === 0;

const fn = (props: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs22.x\n      CodeUri: src/\n${props}`;

describe('samGenerated', () => {
  it('names the role, the alias and the version of a function, and says why a role is missing', () => {
    const g = samGenerated(buildTemplate(fn('      AutoPublishAlias: live-1\n')));
    assert.equal(g.resource('FnRole')?.type, 'AWS::IAM::Role');
    assert.equal(g.resource('FnAliaslive-1'), undefined);
    assert.equal(g.resource('FnAliasliveD1')?.type, 'AWS::Lambda::Alias');
    assert.equal(g.property('Fn', 'Alias')?.type, 'AWS::Lambda::Alias');
    assert.equal(g.mayGenerate('FnVersion0123456789a'), 'Fn');
    const withRole = samGenerated(buildTemplate(fn('      Role: arn:aws:iam::123456789012:role/r\n')));
    assert.equal(withRole.resource('FnRole'), undefined);
    assert.match(withRole.explain('FnRole')!, /Fn sets Role/);
  });

  it('makes the implicit REST API and its stage for an Api event without RestApiId', () => {
    const g = samGenerated(buildTemplate(fn('      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /\n            Method: get\n')));
    assert.equal(g.resource('ServerlessRestApi')?.type, 'AWS::ApiGateway::RestApi');
    assert.equal(g.resource('ServerlessRestApiProdStage')?.type, 'AWS::ApiGateway::Stage');
    assert.equal(g.resource('ServerlessHttpApi'), undefined);
  });

  (hasTranslator ? it : it.skip)('agrees with the SAM translator on its corpus', function () {
    this.timeout(120_000);
    const paths = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).sort().map((f) => join(CORPUS, f));
    const r = spawnSync('python3', [TRANSLATE, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const wrong: string[] = [];
    let generated = 0;
    for (const line of r.stdout.trim().split('\n')) {
      const row = JSON.parse(line) as { path: string; resources?: Record<string, unknown> };
      if (!row.resources) continue;
      const t = buildTemplate(readFileSync(row.path, 'utf8'));
      const g = samGenerated(t);
      const name = row.path.slice(CORPUS.length + 1);
      for (const [id, type] of Object.entries(row.resources)) {
        // Resources the template declares, and the translator's pass-through of invalid types.
        if (t.resources.has(id) || typeof type !== 'string') continue;
        generated++;
        const exact = g.resource(id);
        if (exact ? exact.type !== type : !g.mayGenerate(id)) wrong.push(`${name}: ${id} (${type}) ${exact ? `named as ${exact.type}` : 'not predicted'}`);
      }
      for (const e of g.resources) if (!(e.id in row.resources)) wrong.push(`${name}: ${e.id} predicted, not made`);
    }
    assert.ok(generated > 900, `only ${generated} generated resources compared`);
    assert.deepEqual(wrong, []);
  });
});
