import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { generateEvent, eventById, pickParams } from '../../../server/src/events/catalogue';
import { eventContext, findFunction } from '../../../server/src/events/context';
import { functionsOf } from '../../../server/src/template/functions';
import { buildTemplate } from '../../../server/src/template/model';
import { yaml } from '../../support/ruleTester';
import { at } from './requiredKeys';

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    Stage:
      Type: String
      Default: dev
  Globals:
    Function:
      Runtime: nodejs22.x
  Resources:
    Uploads:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: !Sub 'photos-\${Stage}'
    Orders:
      Type: AWS::SQS::Queue
      Properties:
        FifoQueue: true
        QueueName: orders
    Jobs:
      Type: AWS::SQS::Queue
    Api:
      Type: AWS::Serverless::Api
      Properties:
        StageName: !Ref Stage
    Pool:
      Type: AWS::Cognito::UserPool
    Nightly:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        FunctionName: nightly-report
        Events:
          Every:
            Type: Schedule
            Properties:
              Schedule: rate(1 day)
              Name: nightly-report-rule
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        Events:
          Upload:
            Type: S3
            Properties:
              Bucket: !Ref Uploads
              Events: s3:ObjectCreated:*
              Filter:
                S3Key:
                  Rules:
                    - Name: prefix
                      Value: incoming/
                    - Name: suffix
                      Value: .jpg
          Queue:
            Type: SQS
            Properties:
              Queue: !GetAtt Orders.Arn
          Get:
            Type: Api
            Properties:
              RestApiId: !Ref Api
              Path: /orders/{orderId}
              Method: get
          Signup:
            Type: Cognito
            Properties:
              UserPool: !Ref Pool
              Trigger: [PreSignUp, PostConfirmation]
    Plain:
      Type: AWS::Lambda::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        Role: arn:aws:iam::123456789012:role/r
        Code: { ZipFile: "exports.handler = async () => 1" }
    PlainMapping:
      Type: AWS::Lambda::EventSourceMapping
      Properties:
        FunctionName: !Ref Plain
        EventSourceArn: !GetAtt Jobs.Arn
`;

const OPTS = { region: 'eu-central-1', account: '111122223333' };

describe('event context from a template', () => {
  const t = buildTemplate(TEMPLATE);

  it('suggests the events the function is wired to, in template order', () => {
    const ctx = eventContext(t, 'Worker', OPTS);
    assert.deepEqual(ctx.suggested.map((s) => `${s.eventId}<-${s.source}`), [
      's3-put<-Upload',
      'sqs-receive-message-fifo<-Queue',
      'apigateway-aws-proxy<-Get',
      'cognito-pre-signup<-Signup',
      'cognito-post-confirmation<-Signup',
    ]);
  });

  it('fills an S3 event with the bucket name and a key matching the filter prefix and suffix', () => {
    const { values } = eventContext(t, 'Worker', OPTS);
    const e = generateEvent('s3-put', pickParams(eventById('s3-put')!, values));
    assert.equal(at(e, 'Records.0.s3.bucket.name'), 'photos-dev');
    assert.equal(at(e, 'Records.0.s3.bucket.arn'), 'arn:aws:s3:::photos-dev');
    assert.equal(at(e, 'Records.0.s3.object.key'), 'incoming/example.jpg');
    assert.equal(at(e, 'Records.0.awsRegion'), 'eu-central-1');
  });

  it('fills an SQS event with the queue ARN and FIFO name', () => {
    const { values } = eventContext(t, 'Worker', OPTS);
    const e = generateEvent('sqs-receive-message-fifo', pickParams(eventById('sqs-receive-message-fifo')!, values));
    assert.equal(at(e, 'Records.0.eventSourceARN'), 'arn:aws:sqs:eu-central-1:111122223333:orders.fifo');
  });

  it('fills an API event with the path, method, path parameter and stage', () => {
    const { values } = eventContext(t, 'Worker', OPTS);
    const e = generateEvent('apigateway-aws-proxy', pickParams(eventById('apigateway-aws-proxy')!, values));
    assert.equal(at(e, 'httpMethod'), 'GET');
    assert.equal(at(e, 'resource'), '/orders/{orderId}');
    assert.equal(at(e, 'path'), '/orders/42');
    assert.deepEqual(at(e, 'pathParameters'), { orderId: '42' });
    assert.equal(at(e, 'requestContext.stage'), 'dev');
    assert.equal(at(e, 'requestContext.accountId'), '111122223333');
  });

  it('names the user pool and the schedule', () => {
    const { values } = eventContext(t, 'Worker', OPTS);
    assert.equal(values.userPoolId, 'eu-central-1_Pool');
    const nightly = eventContext(t, 'Nightly', OPTS);
    assert.deepEqual(nightly.suggested.map((s) => s.eventId), ['eventbridge-scheduled-event']);
    const e = generateEvent('eventbridge-scheduled-event', pickParams(eventById('eventbridge-scheduled-event')!, nightly.values));
    assert.deepEqual(at(e, 'resources'), ['arn:aws:events:eu-central-1:111122223333:rule/nightly-report-rule']);
  });

  it('follows event source mappings of a plain Lambda function, naming an unnamed queue by its logical id', () => {
    const ctx = eventContext(t, 'Plain', OPTS);
    assert.deepEqual(ctx.suggested.map((s) => s.eventId), ['sqs-receive-message']);
    assert.equal(ctx.values.queueName, 'Jobs');
  });

  it('offers and fills the events of triggers declared as plain resources: EventBridge rules, schedules, S3 notifications', () => {
    const plain = buildTemplate(yaml`
      AWSTemplateFormatVersion: '2010-09-09'
      Resources:
        Handler:
          Type: AWS::Lambda::Function
          Properties: { Handler: index.handler, Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
        OrderPlaced:
          Type: AWS::Events::Rule
          Properties:
            EventPattern: { source: [shop.orders], detail-type: [OrderPlaced] }
            Targets: [{ Id: fn, Arn: !GetAtt Handler.Arn }]
        Hourly:
          Type: AWS::Events::Rule
          Properties:
            Name: hourly-sweep
            ScheduleExpression: rate(1 hour)
            Targets: [{ Id: fn, Arn: !GetAtt Handler.Arn }]
        Nightly:
          Type: AWS::Scheduler::Schedule
          Properties:
            Name: nightly
            GroupName: reports
            ScheduleExpression: cron(0 2 * * ? *)
            FlexibleTimeWindow: { Mode: 'OFF' }
            Target: { Arn: !GetAtt Handler.Arn, RoleArn: arn:aws:iam::123456789012:role/s }
        Inbox:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub 'inbox-\${AWS::AccountId}'
            NotificationConfiguration:
              LambdaConfigurations:
                - Event: s3:ObjectCreated:Put
                  Function: !GetAtt Handler.Arn
                  Filter: { S3Key: { Rules: [{ Name: suffix, Value: .csv }] } }
    `);
    const ctx = eventContext(plain, 'Handler', OPTS);
    assert.deepEqual(ctx.suggested.map((s) => `${s.eventId}<-${s.source}`), [
      'eventbridge-custom-event<-OrderPlaced',
      'eventbridge-scheduled-event<-Hourly',
      'eventbridge-scheduler<-Nightly',
      's3-put<-Inbox',
    ]);
    const fill = (id: string) => generateEvent(id, pickParams(eventById(id)!, ctx.values));
    const custom = fill('eventbridge-custom-event');
    assert.equal(at(custom, 'source'), 'shop.orders');
    assert.equal(at(custom, 'detail-type'), 'OrderPlaced');
    assert.deepEqual(at(fill('eventbridge-scheduled-event'), 'resources'), ['arn:aws:events:eu-central-1:111122223333:rule/hourly-sweep']);
    assert.equal(at(fill('eventbridge-scheduler'), 'scheduleArn'), 'arn:aws:scheduler:eu-central-1:111122223333:schedule/reports/nightly');
    const put = fill('s3-put');
    assert.equal(at(put, 'Records.0.s3.bucket.name'), 'inbox-111122223333');
    assert.equal(at(put, 'Records.0.s3.object.key'), 'example.csv');
    assert.equal(at(put, 'Records.0.eventName'), 'ObjectCreated:Put');
  });

  it('keeps only region and account for an unknown function', () => {
    assert.deepEqual(eventContext(t, 'Nope', OPTS), { values: { region: 'eu-central-1', account: '111122223333' }, suggested: [] });
  });

  it('finds the template function of a deployed function by logical id, FunctionName or generated name', () => {
    assert.equal(findFunction(t, 'Worker')?.id, 'Worker');
    assert.equal(findFunction(t, 'nightly-report')?.id, 'Nightly');
    assert.equal(findFunction(t, 'my-stack-Worker-1A2B3C4D5E6F')?.id, 'Worker');
    assert.equal(findFunction(t, 'my-stack-Other-1A2B3C4D5E6F'), undefined);
  });

  it('does not throw on odd shapes', () => {
    const odd = buildTemplate(yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        F:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              A: 3
              B: { Type: S3, Properties: [1] }
              C: { Type: SQS, Properties: { Queue: !GetAtt Missing.Arn } }
              D: { Type: Api, Properties: { Path: !Ref Nope } }
              E: { Type: Cognito, Properties: { Trigger: 7 } }
    `);
    const ctx = eventContext(odd, 'F', OPTS);
    assert.deepEqual(ctx.suggested.map((s) => s.eventId), ['sqs-receive-message', 'apigateway-aws-proxy']);
  });

  it('generates every suggested event for every function of the SAM corpus without an error', () => {
    const dir = path.join(__dirname, '..', '..', 'fixtures', 'corpus', 'sam-translator');
    let generated = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_'))) {
      const corpus = buildTemplate(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const f of functionsOf(corpus)) {
        for (const s of eventContext(corpus, f.id, OPTS).suggested) {
          const values = eventContext(corpus, f.id, OPTS).values;
          assert.doesNotThrow(() => generateEvent(s.eventId, pickParams(eventById(s.eventId)!, values)), `${file} ${f.id} ${s.eventId}`);
          generated++;
        }
      }
    }
    assert.ok(generated > 100, `only ${generated} events generated from the corpus`);
  });
});
