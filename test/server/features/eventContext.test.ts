/** LSP tier: the server answers lambdaLens/eventContext from open documents and templates on disk. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventContextRequest } from '../../../server/src/protocol';
import { startServer, type TestServer } from '../../support/lspClient';

const template = (queue: string): string => `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: ${queue}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
`;

describe('event context over JSON-RPC', function () {
  let dir: string;
  let server: TestServer;
  const ask = (functionName: string) => server.connection.sendRequest(EventContextRequest.type, { functionName, region: 'eu-west-1', account: '111122223333' });

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'event-context-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'app', 'template.yaml'), template('orders-on-disk'));
    // Dependency folders are never read.
    writeFileSync(join(dir, 'node_modules', 'dep', 'template.yaml'), template('from-node-modules').replace('Worker:', 'DepWorker:'));
    server = await startServer({ workspaceFolders: [dir] });
  });
  after(async function () {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the context from a template on disk, matching a deployed name', async function () {
    const ctx = await ask('orders-dev-Worker-1A2B3C4D');
    assert.deepEqual(ctx.values, { region: 'eu-west-1', account: '111122223333', queueName: 'orders-on-disk' });
    assert.deepEqual(ctx.suggested, [{ eventId: 'sqs-receive-message', source: 'Jobs' }]);
    assert.equal(ctx.template, pathToFileURL(join(dir, 'app', 'template.yaml')).toString());
  });

  it('prefers an open document, unsaved edits included', async function () {
    const uri = pathToFileURL(join(dir, 'app', 'template.yaml')).toString();
    server.open(uri, template('orders-being-edited'));
    const ctx = await ask('Worker');
    assert.equal(ctx.values.queueName, 'orders-being-edited');
    server.close(uri);
  });

  it('answers region and account only for a function no template defines', async function () {
    assert.deepEqual(await ask('DepWorker'), { values: { region: 'eu-west-1', account: '111122223333' }, suggested: [] });
  });
});
