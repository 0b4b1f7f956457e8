import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { main } from '../../../server/src/cli';
import { RULES } from '../../../server/src/rules/index';
import type { Rule } from '../../../server/src/rules/types';
import { yaml } from '../../support/ruleTester';

const BAD = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        Runtime: python3.13
        MemorySize: 20480
        CodeUri: src/
`;
const GOOD = BAD.replace('20480', '1024');

describe('lambda-lens check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lambda-lens-cli-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'app', 'template.yaml'), BAD);
    writeFileSync(join(dir, 'app', 'ok.yml'), GOOD);
    writeFileSync(join(dir, 'app', 'package.json'), '{ "name": "not-a-template" }');
    writeFileSync(join(dir, 'node_modules', 'pkg', 'template.yaml'), BAD);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col severity rule message and exits 1 on an error', () => {
    const r = runCli(['check'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^app\/template\.yaml:8:19 {2}error {8}limits\/memory-size {2}MemorySize 20480 MB is outside/);
    assert.equal(lines.at(-1), '1 error, 0 warnings, 0 information in 1 of 2 templates.');
    assert.ok(!r.stdout.includes('node_modules'), 'node_modules is skipped');
  });

  it('exits 0 when nothing is at error level', () => {
    const r = runCli(['check', 'app/ok.yml'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No problems in 1 template.\n');
    assert.equal(runCli(['check', 'app', '--rule', 'limits/memory-size=warning'], dir).code, 0);
    assert.equal(runCli(['check', 'app', '--rule=limits/memory-size=off'], dir).stdout, 'No problems in 2 templates.\n');
  });

  it('prints JSON findings with 1-based positions and the resource', () => {
    const r = runCli(['check', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), [{
      file: 'app/template.yaml',
      rule: 'limits/memory-size',
      severity: 'error',
      message: 'MemorySize 20480 MB is outside Lambda\'s 128..10,240 MB. Use 10240.',
      line: 8,
      column: 19,
      endLine: 8,
      endColumn: 24,
      resource: 'Api',
    }]);
  });

  it('prints SARIF 2.1.0 with rule metadata', () => {
    const r = runCli(['check', 'app', '--format=sarif'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'lambda-lens');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.ok(ruleIds.includes('limits/memory-size'));
    const [result] = run.results;
    assert.equal(result.ruleId, 'limits/memory-size');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'limits/memory-size');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'app/template.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 8, startColumn: 19, endLine: 8, endColumn: 24 },
    });
  });

  it('reports a rule that throws as an error finding in text, JSON and SARIF, and exits 1', async () => {
    // A rule made to fail the way a defect would: the check must not pass as if it had run.
    const rule = RULES.find((r) => r.meta.id === 'limits/timeout')! as { check: Rule['check'] };
    const original = rule.check;
    rule.check = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'kind')");
    };
    const run = async (format: string) => {
      let stdout = '';
      const code = await main(['check', 'app/ok.yml', `--format=${format}`], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: dir });
      return { code, stdout };
    };
    try {
      const text = await run('text');
      assert.equal(text.code, 1);
      assert.match(text.stdout, /^app\/ok\.yml:1:1 {2}error {8}lambda-lens\/rule-failed {2}The rule limits\/timeout failed on this template \(Cannot read properties/m);
      const json = await run('json');
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout).map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [['lambda-lens/rule-failed', 'error']]);
      const sarif = JSON.parse((await run('sarif')).stdout);
      assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [['lambda-lens/rule-failed', 'error']]);
    } finally {
      rule.check = original;
    }
  });

  it('exits 2 with a message for usage errors and unreadable paths', () => {
    for (const [args, message] of [
      [['check', 'missing.yaml'], /cannot read missing\.yaml: no such file or folder/],
      [['check', '--format', 'xml'], /unknown format "xml"/],
      [['check', '--rule', 'limits/nope=off'], /unknown rule "limits\/nope"/],
      [['check', '--rule', 'limits/memory-size=loud'], /unknown level "loud"/],
      [['check', '--account-concurrency', 'many'], /positive whole number/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ] as const) {
      const r = runCli([...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  it('ends options at --: what follows is a path even when it starts with --', () => {
    writeFileSync(join(dir, '--odd.yaml'), BAD);
    const r = runCli(['check', '--format', 'json', '--', '--odd.yaml'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file), ['--odd.yaml']);
    // A lone -- is no path: the default folder is checked, as with no argument at all.
    const all = runCli(['check', '--'], dir);
    assert.equal(all.code, 1, all.stderr);
    assert.ok(!all.stderr.includes('cannot read'), all.stderr);
    assert.equal(all.stdout.trimEnd().split('\n').at(-1), '2 errors, 0 warnings, 0 information in 2 of 3 templates.');
  });

  it('reports a YAML syntax error instead of crashing', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: 512\n');
    const r = runCli(['check', 'broken.yaml', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.ok(JSON.parse(r.stdout).some((f: { rule: string }) => f.rule === 'template/parse'));
  });

  it('explains a named file that is not a template', () => {
    const r = runCli(['check', 'app/package.json'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /app\/package\.json is not a CloudFormation or SAM template; skipped/);
  });

  it('answers --help and --version', () => {
    assert.match(runCli(['--help'], dir).stdout, /Usage: lambda-lens <command>/);
    assert.match(runCli(['check', '--help'], dir).stdout, /--format text\|json\|sarif/);
    assert.match(runCli(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
