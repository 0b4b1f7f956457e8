import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { EVENTS, EventCatalogueError, eventById, generateEvent, listEvents, pickParams } from '../../../server/src/events/catalogue';
import type { GenerateEnv, Json } from '../../../server/src/events/catalogue';
import { REQUIRED_KEYS, at } from './requiredKeys';

const NOW = new Date('2026-03-04T05:06:07.089Z');

/** A fixed clock and a counter for randomness, so two runs give the same event. */
function fixedEnv(): GenerateEnv {
  let n = 0;
  return { now: NOW, randomBytes: (size) => Buffer.alloc(size, ++n) };
}

const obj = (v: Json | undefined): Record<string, Json> => {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `expected an object, got ${JSON.stringify(v)}`);
  return v;
};

describe('event catalogue', () => {
  it('has at least 45 event types with unique kebab-case ids', () => {
    assert.ok(EVENTS.length >= 45, `only ${EVENTS.length} events`);
    assert.equal(new Set(EVENTS.map((e) => e.id)).size, EVENTS.length);
    for (const e of EVENTS) assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const e of EVENTS) assert.match(e.docs, /^https:\/\/docs\.aws\.amazon\.com\//, e.id);
  });

  it('lists every data file in the folder', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'server', 'src', 'events', 'data');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), EVENTS.map((e) => e.id).sort());
  });

  it('covers every trigger the catalogue promises', () => {
    const promised = [
      'apigateway-aws-proxy', 'apigateway-authorizer-token', 'apigateway-authorizer-request', 'apigateway-http-api-proxy',
      'apigateway-http-api-authorizer', 'apigateway-websocket-connect', 'apigateway-websocket-message', 'alb-request',
      'lambda-function-url', 's3-put', 's3-delete', 's3-batch-operations', 'sqs-receive-message', 'sqs-receive-message-fifo',
      'sns-notification', 'dynamodb-stream-insert', 'dynamodb-stream-modify', 'dynamodb-stream-remove', 'kinesis-get-records',
      'firehose-transform', 'eventbridge-custom-event', 'eventbridge-scheduled-event', 'eventbridge-scheduler',
      'cloudwatch-logs-subscription', 'cognito-pre-signup', 'cognito-post-confirmation', 'cognito-pre-authentication',
      'cognito-post-authentication', 'cognito-pre-token-generation', 'cognito-custom-message', 'cognito-define-auth-challenge',
      'cognito-create-auth-challenge', 'cognito-verify-auth-challenge-response', 'cognito-user-migration',
      'cloudfront-viewer-request', 'cloudfront-viewer-response', 'cloudfront-origin-request', 'cloudfront-origin-response',
      'rds-event-notification', 'rds-postgresql-invoke', 'aurora-mysql-invoke', 'msk-record', 'self-managed-kafka-record',
      'mq-activemq', 'mq-rabbitmq', 'documentdb-change-stream', 'iot-rule', 'cloudformation-custom-resource-create',
      'cloudformation-custom-resource-update', 'cloudformation-custom-resource-delete', 'secretsmanager-rotation',
      'ses-receipt', 'codecommit-push', 'config-rule-change',
    ];
    const missing = promised.filter((id) => !eventById(id));
    assert.deepEqual(missing, []);
  });

  it('treats keys inherited from Object.prototype as unknown, and keeps them out of picked values', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const values = JSON.parse(`{"${key}": "x"}`) as Record<string, string>;
      assert.throws(() => generateEvent('s3-put', values), (e: unknown) => e instanceof EventCatalogueError && e.message.startsWith(`unknown key "${key}" for s3-put`));
      assert.deepEqual(Object.keys(pickParams(eventById('s3-put')!, values)), [], key);
    }
  });

  it('lists id, service and title for each event', () => {
    const list = listEvents();
    assert.equal(list.length, EVENTS.length);
    assert.deepEqual(list.find((e) => e.id === 'sqs-receive-message'), { id: 'sqs-receive-message', service: 'sqs', title: 'SQS: receive message (standard queue)' });
  });

  describe('every event', () => {
    for (const def of EVENTS) {
      it(`${def.id} round-trips through JSON text, has no placeholder left and has its documented keys`, () => {
        const event = generateEvent(def.id, {}, fixedEnv());
        const text = JSON.stringify(event);
        assert.deepEqual(JSON.parse(text), event);
        assert.doesNotMatch(text, /\{\{\$?[A-Za-z]/);
        const required = REQUIRED_KEYS[def.id];
        assert.ok(required, `no documented keys listed for ${def.id}`);
        for (const r of required) {
          const [keyPath, expected] = typeof r === 'string' ? [r, undefined] : r;
          const v = at(event, keyPath);
          assert.notEqual(v, undefined, `${def.id}: ${keyPath} missing`);
          if (expected !== undefined) assert.deepEqual(v, expected, `${def.id}: ${keyPath}`);
        }
      });

      it(`${def.id} uses every parameter it declares`, () => {
        const base = JSON.stringify(generateEvent(def.id, {}, fixedEnv()));
        for (const [name, p] of Object.entries(def.params)) {
          const other =
            typeof p.default === 'number' ? p.default + 7
            : typeof p.default === 'boolean' ? !p.default
            : p.default.startsWith('{') ? '{"changed":true}'
            : `${p.default}-changed`;
          const changed = JSON.stringify(generateEvent(def.id, { [name]: other }, fixedEnv()));
          assert.notEqual(changed, base, `${def.id}: setting ${name} changes nothing`);
        }
      });
    }
  });

  it('fills region and account into ARNs', () => {
    const e = generateEvent('sqs-receive-message', { region: 'eu-west-1', account: '111122223333', queueName: 'orders' }, fixedEnv());
    assert.equal(at(e, 'Records.0.eventSourceARN'), 'arn:aws:sqs:eu-west-1:111122223333:orders');
    assert.equal(at(e, 'Records.0.awsRegion'), 'eu-west-1');
  });

  it('computes the SQS md5OfBody from the body', () => {
    for (const id of ['sqs-receive-message', 'sqs-receive-message-fifo']) {
      const body = '{"hello":"wörld"}';
      const r = obj(at(generateEvent(id, { body }, fixedEnv()), 'Records.0'));
      assert.equal(r.body, body);
      assert.equal(r.md5OfBody, crypto.createHash('md5').update(body, 'utf8').digest('hex'));
    }
  });

  it('writes SQS attributes as text, as SQS does', () => {
    const attrs = obj(at(generateEvent('sqs-receive-message', {}, fixedEnv()), 'Records.0.attributes'));
    for (const [k, v] of Object.entries(attrs)) assert.equal(typeof v, 'string', k);
    assert.equal(attrs.SentTimestamp, String(NOW.getTime()));
  });

  it('keeps FIFO attributes on FIFO messages', () => {
    const e = generateEvent('sqs-receive-message-fifo', { messageGroupId: 'g1' }, fixedEnv());
    assert.equal(at(e, 'Records.0.attributes.MessageGroupId'), 'g1');
    assert.ok(at(e, 'Records.0.attributes.MessageDeduplicationId'));
    assert.ok(at(e, 'Records.0.attributes.SequenceNumber'));
  });

  it('base64-encodes Kinesis, Firehose, Kafka and MQ data so it decodes to the payload', () => {
    const payload = '{"n":1,"text":"ünïcode"}';
    const decode = (v: Json | undefined): string => Buffer.from(String(v), 'base64').toString('utf8');
    assert.equal(decode(at(generateEvent('kinesis-get-records', { payload }, fixedEnv()), 'Records.0.kinesis.data')), payload);
    assert.equal(decode(at(generateEvent('firehose-transform', { payload }, fixedEnv()), 'records.0.data')), payload);
    for (const id of ['msk-record', 'self-managed-kafka-record']) {
      const e = generateEvent(id, { payload, recordKey: 'k-1', topic: 'orders', partition: 3 }, fixedEnv());
      const records = obj(at(e, 'records'));
      assert.deepEqual(Object.keys(records), ['orders-3']);
      assert.equal(decode(at(e, 'records.orders-3.0.value')), payload);
      assert.equal(decode(at(e, 'records.orders-3.0.key')), 'k-1');
      assert.equal(at(e, 'records.orders-3.0.partition'), 3);
    }
    assert.equal(decode(at(generateEvent('mq-activemq', { payload }, fixedEnv()), 'messages.0.data')), payload);
    const rmq = generateEvent('mq-rabbitmq', { payload, queue: 'q', virtualHost: '/' }, fixedEnv());
    assert.equal(decode(at(rmq, 'rmqMessagesByQueue.q::/.0.data')), payload);
    assert.equal(at(rmq, 'rmqMessagesByQueue.q::/.0.basicProperties.bodySize'), Buffer.byteLength(payload));
  });

  it('gzips and base64-encodes CloudWatch Logs data generated from the log events', () => {
    const e = generateEvent('cloudwatch-logs-subscription', { logGroup: '/aws/lambda/orders', message1: 'first', message2: 'second', account: '111122223333' }, fixedEnv());
    const data = Buffer.from(String(at(e, 'awslogs.data')), 'base64');
    assert.equal(data[0], 0x1f, 'gzip magic');
    assert.equal(data[1], 0x8b, 'gzip magic');
    const message = obj(JSON.parse(zlib.gunzipSync(data).toString('utf8')) as Json);
    assert.equal(message.messageType, 'DATA_MESSAGE');
    assert.equal(message.owner, '111122223333');
    assert.equal(message.logGroup, '/aws/lambda/orders');
    const events = message.logEvents as Array<{ message: string; timestamp: number; id: string }>;
    assert.deepEqual(events.map((l) => l.message), ['first', 'second']);
    assert.equal(events[0]?.timestamp, NOW.getTime());
  });

  it('writes JSON-in-a-string fields as AWS does (RDS message, Config invoking event)', () => {
    const rds = generateEvent('rds-event-notification', { dbInstance: 'orders-db' }, fixedEnv());
    const msg = obj(JSON.parse(String(at(rds, 'Records.0.Sns.Message'))) as Json);
    assert.equal(msg['Source ID'], 'orders-db');
    assert.equal(msg['Source ARN'], 'arn:aws:rds:us-east-1:123456789012:db:orders-db');
    const config = generateEvent('config-rule-change', { resourceId: 'i-1' }, fixedEnv());
    const invoking = obj(JSON.parse(String(at(config, 'invokingEvent'))) as Json);
    assert.equal(at(invoking, 'configurationItem.resourceId'), 'i-1');
    assert.deepEqual(JSON.parse(String(at(config, 'ruleParameters'))), { desiredInstanceType: 't3.micro' });
  });

  it('URL-encodes S3 keys like S3 notifications do', () => {
    const e = generateEvent('s3-put', { key: 'reports/2024 Q1/summary (final).pdf' }, fixedEnv());
    assert.equal(at(e, 'Records.0.s3.object.key'), 'reports/2024+Q1/summary+(final).pdf');
  });

  it('stamps events with the current time in each service format', () => {
    const env = fixedEnv();
    assert.equal(at(generateEvent('s3-put', {}, env), 'Records.0.eventTime'), '2026-03-04T05:06:07.089Z');
    assert.equal(at(generateEvent('eventbridge-scheduled-event', {}, env), 'time'), '2026-03-04T05:06:07Z');
    const api = generateEvent('apigateway-aws-proxy', {}, env);
    assert.equal(at(api, 'requestContext.requestTime'), '04/Mar/2026:05:06:07 +0000');
    assert.equal(at(api, 'requestContext.requestTimeEpoch'), NOW.getTime());
    assert.equal(at(generateEvent('kinesis-get-records', {}, env), 'Records.0.kinesis.approximateArrivalTimestamp'), NOW.getTime() / 1000);
  });

  it('generates fresh request ids, repeated consistently within one event', () => {
    const a = generateEvent('cloudformation-custom-resource-create');
    const b = generateEvent('cloudformation-custom-resource-create');
    const id = String(at(a, 'RequestId'));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(id, at(b, 'RequestId'));
    assert.ok(String(at(a, 'ResponseURL')).endsWith(id));
    const sqs = generateEvent('sqs-receive-message');
    assert.notEqual(at(sqs, 'Records.0.messageId'), at(generateEvent('sqs-receive-message'), 'Records.0.messageId'));
  });

  it('parses the EventBridge detail into an object', () => {
    const e = generateEvent('eventbridge-custom-event', { detail: '{"a":[1,2]}', detailType: 'Thing Happened' }, fixedEnv());
    assert.deepEqual(at(e, 'detail'), { a: [1, 2] });
    assert.equal(at(e, 'detail-type'), 'Thing Happened');
    assert.throws(() => generateEvent('eventbridge-custom-event', { detail: '{oops' }), EventCatalogueError);
  });

  it('converts parameter text to the parameter type and refuses what does not fit', () => {
    assert.equal(at(generateEvent('s3-put', { size: '4096' }, fixedEnv()), 'Records.0.s3.object.size'), 4096);
    assert.throws(() => generateEvent('s3-put', { size: 'big' }), (e: Error) => e instanceof EventCatalogueError && /size for s3-put must be a number/.test(e.message));
    assert.throws(() => generateEvent('s3-put', { size: 'Infinity' }), EventCatalogueError);
    assert.throws(() => generateEvent('s3-put', { size: '' }), EventCatalogueError);
  });

  it('refuses unknown ids and keys with what is accepted', () => {
    assert.throws(() => generateEvent('sqs-nope'), (e: Error) => e instanceof EventCatalogueError && /unknown event "sqs-nope".*sqs-receive-message/.test(e.message));
    assert.throws(() => generateEvent('s3-put', { buckett: 'x' }), (e: Error) => e instanceof EventCatalogueError && /unknown key "buckett".*bucket/.test(e.message));
    assert.throws(() => generateEvent('sqs-receive-message', { md5OfBody: 'x' }), (e: Error) => /computed from body/.test(e.message));
  });
});
