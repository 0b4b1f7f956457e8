import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvents } from '../../../server/src/cli/events';
import { EVENTS } from '../../../server/src/events/catalogue';
import { yaml } from '../../support/ruleTester';

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEvents(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('lambda-lens events', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lambda-lens-events-'));
    writeFileSync(
      join(dir, 'template.yaml'),
      yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: jobs
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Events:
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Queue.Arn
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.other
      `,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every event as JSON with id, service and title', async () => {
    const r = await run(['list', '--format', 'json']);
    assert.equal(r.code, 0);
    const list = JSON.parse(r.stdout) as Array<Record<string, string>>;
    assert.equal(list.length, EVENTS.length);
    assert.ok(list.length >= 45);
    assert.deepEqual(Object.keys(list[0]!), ['id', 'service', 'title']);
    assert.ok(list.some((e) => e.id === 's3-put' && e.service === 's3'));
  });

  it('lists events as a text table', async () => {
    const r = await run(['list']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^sqs-receive-message\s+sqs\s+SQS: receive message \(standard queue\)$/m);
    assert.match(r.stdout, new RegExp(`^${EVENTS.length} event types$`, 'm'));
  });

  it('generates an event as JSON with --set values of the right type', async () => {
    const r = await run(['generate', 's3-put', '--set', 'bucket=my-photos', '--set', 'size=77', '--set', 'region=ap-south-1']);
    assert.equal(r.code, 0, r.stderr);
    const e = JSON.parse(r.stdout) as { Records: Array<{ awsRegion: string; s3: { bucket: { name: string }; object: { size: number } } }> };
    assert.equal(e.Records[0]!.s3.bucket.name, 'my-photos');
    assert.equal(e.Records[0]!.s3.object.size, 77);
    assert.equal(e.Records[0]!.awsRegion, 'ap-south-1');
  });

  it('fills from a template function, with --set winning', async () => {
    const r = await run(['generate', 'sqs-receive-message', '--template', 'template.yaml', '--function', 'Worker', '--set', 'account=999988887777'], dir);
    assert.equal(r.code, 0, r.stderr);
    const e = JSON.parse(r.stdout) as { Records: Array<{ eventSourceARN: string }> };
    assert.equal(e.Records[0]!.eventSourceARN, 'arn:aws:sqs:us-east-1:999988887777:jobs');
  });

  it('exits 2 with a message for an unknown id', async () => {
    const r = await run(['generate', 'sqs-nope']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /unknown event "sqs-nope"; sqs-receive-message, sqs-receive-message-fifo exist/);
  });

  it('exits 2 with the accepted keys for an unknown key or a bad value', async () => {
    const r = await run(['generate', 's3-put', '--set', 'buckt=x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown key "buckt" for s3-put.*Keys: .*bucket/);
    const bad = await run(['generate', 's3-put', '--set', 'size=huge']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /size for s3-put must be a number, got "huge"/);
  });

  it('refuses keys that only an object prototype has, like any other unknown key', async () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await run(['generate', 's3-put', '--set', `${key}=x`]);
      assert.equal(r.code, 2, `${key}: ${r.stdout}`);
      assert.match(r.stderr, new RegExp(`unknown key "${key}" for s3-put`));
    }
  });

  it('exits 2 for template problems and usage errors', async () => {
    assert.match((await run(['generate', 'sqs-receive-message', '--template', 'template.yaml'], dir)).stderr, /name one with --function in template.yaml; functions: Worker, Other/);
    assert.match((await run(['generate', 'sqs-receive-message', '--template', 'template.yaml', '--function', 'Nope'], dir)).stderr, /no function "Nope"/);
    assert.match((await run(['generate', 'sqs-receive-message', '--template', 'missing.yaml', '--function', 'Worker'], dir)).stderr, /cannot read template missing.yaml: ENOENT/);
    assert.match((await run(['generate', 's3-put', '--function', 'Worker'])).stderr, /--function needs --template/);
    assert.match((await run(['generate', 's3-put', '--set', 'novalue'])).stderr, /--set takes key=value/);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['list', '--format', 'xml'])).code, 2);
  });

  it('prints help', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /lambda-lens events generate <event-id>/);
  });
});
