/**
 * Over JSON-RPC, as an editor shows them: one diagnostic for one cause, naming both rules, and a
 * template whose flow collection YAML 1.2 rejects checked like any other, with its information note.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';

const GOOD = readFileSync(join(__dirname, '../../fixtures/network/good.yaml'), 'utf8');
const NO_VPC = GOOD.replace('      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref ApiFunctionSecurityGroup]\n', '');
const FLOW = readFileSync(join(__dirname, '../../fixtures/yaml-compat/flow-sequence-under-indented.yaml'), 'utf8');

describe('one finding per cause and YAML 1.1 templates over JSON-RPC', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('publishes one diagnostic for a function that uses an RDS Proxy without VpcConfig, naming both rules', async () => {
    assert.notEqual(NO_VPC, GOOD);
    const u = 'file:///work/network/template.yaml';
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, NO_VPC);
    const diags = (await opened) as Diagnostic[];
    const line = NO_VPC.slice(0, NO_VPC.indexOf('!GetAtt DatabaseProxy.Endpoint')).split('\n').length - 1;
    const onLine = diags.filter((d) => d.range.start.line === line);
    assert.deepEqual(onLine.map((d) => d.code), ['rds-proxy/function-not-in-vpc']);
    assert.match(String(onLine[0]!.message), /\[also vpc\/private-resource-unreachable\]$/);
  });

  it('checks a template with an under-indented flow sequence and notes the line once', async () => {
    const u = 'file:///work/thumbnails/template.yaml';
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, FLOW);
    const diags = (await opened) as Diagnostic[];
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range.start.line + 1, d.range.start.character + 1]), [
      ['limits/timeout', 1, 11, 16],
      ['template/parse', 3, 17, 15],
    ]);
  });
});
