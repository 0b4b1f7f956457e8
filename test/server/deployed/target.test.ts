/** Which stack a template is: samconfig files (TOML, YAML, JSON) beside or above it, cdk.out, explicit. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSamConfig, SamConfigError } from '../../../server/src/deployed/samconfig';
import { findStackTarget } from '../../../server/src/deployed/target';

describe('deployed/samconfig', () => {
  it('reads deploy parameters, then global ones, of the chosen environment', () => {
    const toml = 'version = 0.1\n[default.global.parameters]\nstack_name = "app"\nregion = "eu-west-1"\n[default.deploy.parameters]\nstack_name = "app-dev"\n[prod.deploy.parameters]\nstack_name = "app-prod"\nprofile = "prod"\n';
    assert.deepEqual(parseSamConfig('/p/samconfig.toml', toml), { file: '/p/samconfig.toml', env: 'default', stackName: 'app-dev', region: 'eu-west-1', profile: undefined, templateFile: undefined });
    assert.deepEqual(parseSamConfig('/p/samconfig.toml', toml, 'prod'), { file: '/p/samconfig.toml', env: 'prod', stackName: 'app-prod', region: undefined, profile: 'prod', templateFile: undefined });
    assert.equal(parseSamConfig('/p/samconfig.yaml', 'version: 0.1\ndefault:\n  deploy:\n    parameters:\n      stack_name: from-yaml\n').stackName, 'from-yaml');
    assert.equal(parseSamConfig('/p/samconfig.json', '{"default":{"deploy":{"parameters":{"stack_name":"from-json"}}}}').stackName, 'from-json');
  });

  it('says which file is broken and why', () => {
    assert.throws(() => parseSamConfig('/p/samconfig.toml', '[default.deploy.parameters\nstack_name = 1'), (e: unknown) => e instanceof SamConfigError && /^\/p\/samconfig\.toml cannot be read: /.test(e.message));
  });
});

describe('deployed/target', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'target-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('finds samconfig beside the template, then above it for the template it deploys and its nested ones', async () => {
    write('app/samconfig.toml', '[default.deploy.parameters]\nstack_name = "orders"\nregion = "us-east-2"\n');
    write('app/template.yaml', 'Resources:\n  Billing:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: ./billing/template.yaml\n');
    write('app/billing/template.yaml', 'Resources: {}\n');
    write('app/other/template.yaml', 'Resources: {}\n');
    assert.deepEqual(await findStackTarget(join(dir, 'app/template.yaml')), { stack: 'orders', region: 'us-east-2', profile: undefined, source: 'samconfig.toml', nestedPath: [] });
    assert.deepEqual((await findStackTarget(join(dir, 'app/billing/template.yaml')))?.nestedPath, ['Billing']);
    assert.equal(await findStackTarget(join(dir, 'app/other/template.yaml')), undefined, 'a template the configuration does not deploy');
  });

  it('takes a CDK output file name, and an explicit stack over everything', async () => {
    write('cdk.out/OrdersStack.template.json', '{}');
    assert.deepEqual(await findStackTarget(join(dir, 'cdk.out/OrdersStack.template.json')), { stack: 'OrdersStack', region: undefined, source: 'cdk.out', nestedPath: [] });
    const explicit = await findStackTarget(join(dir, 'cdk.out/OrdersStack.template.json'), { explicit: { stack: 'x', region: 'eu-west-1', source: '--stack' } });
    assert.deepEqual(explicit, { stack: 'x', region: 'eu-west-1', source: '--stack', nestedPath: [] });
    assert.equal(await findStackTarget(join(dir, 'nowhere/template.yaml')), undefined);
  });
});
