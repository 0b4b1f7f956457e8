import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { eventSourceList, eventSourcesOf } from '../../../server/src/template/eventSources';
import type { EventSource } from '../../../server/src/template/eventSources';
import { lineCol, yaml } from '../../support/ruleTester';

/** The parts of a source a reader cares about, positions as line:column. */
function summary(text: string, s: EventSource) {
  return {
    kind: s.kind,
    declaredIn: s.declaredIn,
    ...(s.eventName ? { eventName: s.eventName } : {}),
    at: lineCol(text, s.range.start).join(':'),
    ...(s.target ? { target: s.target.id } : {}),
    ...(s.targetArn ? { targetArn: s.targetArn } : {}),
    ...(s.s3Filter ? { s3Filter: s.s3Filter } : {}),
    ...(s.s3Events ? { s3Events: s.s3Events } : {}),
    ...(s.http ? { http: s.http } : {}),
    ...(s.schedule ? { schedule: String(s.schedule.expression.kind === 'scalar' ? s.schedule.expression.value : '?'), scheduler: s.schedule.scheduler } : {}),
    origin: s.origin,
  };
}

const SAM = yaml`
  Transform: AWS::Serverless-2016-10-31
  Globals:
    Function:
      Runtime: python3.13
  Resources:
    Uploads:
      Type: AWS::S3::Bucket
    Jobs:
      Type: AWS::SQS::Queue
    Table:
      Type: AWS::DynamoDB::Table
    Pool:
      Type: AWS::Cognito::UserPool
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
              Filter: { S3Key: { Rules: [{ Name: prefix, Value: incoming/ }, { Name: suffix, Value: .jpg }] } }
          Queue:
            Type: SQS
            Properties: { Queue: !GetAtt Jobs.Arn, BatchSize: 5 }
          Changes:
            Type: DynamoDB
            Properties: { Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST }
          Nightly:
            Type: Schedule
            Properties: { Schedule: cron(0 3 * * ? *) }
          Hourly:
            Type: ScheduleV2
            Properties: { ScheduleExpression: rate(1 hour), ScheduleExpressionTimezone: Europe/Paris }
          Get:
            Type: Api
            Properties: { Path: '/orders/{id}', Method: get }
          SignUp:
            Type: Cognito
            Properties: { UserPool: !Ref Pool, Trigger: PreSignUp }
          External:
            Type: SQS
            Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:other }
          NotAnEvent:
            Type: Unheard
`;

describe('event sources', () => {
  it('lists the SAM events of a function with targets, filters, paths and schedules', () => {
    const t = buildTemplate(SAM);
    assert.deepEqual(eventSourcesOf(t, 'Worker').map((s) => summary(SAM, s)), [
      { kind: 'S3', declaredIn: 'Worker', eventName: 'Upload', at: '19:9', target: 'Uploads', s3Filter: { prefix: 'incoming/', suffix: '.jpg' }, s3Events: ['s3:ObjectCreated:*'], origin: 'sam' },
      { kind: 'SQS', declaredIn: 'Worker', eventName: 'Queue', at: '25:9', target: 'Jobs', origin: 'sam' },
      { kind: 'DynamoDB', declaredIn: 'Worker', eventName: 'Changes', at: '28:9', target: 'Table', origin: 'sam' },
      { kind: 'Schedule', declaredIn: 'Worker', eventName: 'Nightly', at: '31:9', schedule: 'cron(0 3 * * ? *)', scheduler: false, origin: 'sam' },
      { kind: 'ScheduleV2', declaredIn: 'Worker', eventName: 'Hourly', at: '34:9', schedule: 'rate(1 hour)', scheduler: true, origin: 'sam' },
      { kind: 'Api', declaredIn: 'Worker', eventName: 'Get', at: '37:9', http: { path: '/orders/{id}', method: 'GET' }, origin: 'sam' },
      { kind: 'Cognito', declaredIn: 'Worker', eventName: 'SignUp', at: '40:9', target: 'Pool', origin: 'sam' },
      { kind: 'SQS', declaredIn: 'Worker', eventName: 'External', at: '43:9', targetArn: 'arn:aws:sqs:us-east-1:123456789012:other', origin: 'sam' },
    ]);
  });

  it('finds the equivalent plain resources and ties each to its function', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: { Handler: index.handler, Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/r }
        Stream:
          Type: AWS::Kinesis::Stream
        Mapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties: { FunctionName: !Ref Fn, EventSourceArn: !GetAtt Stream.Arn, StartingPosition: LATEST }
        ArnMapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties: { FunctionName: !GetAtt Fn.Arn, EventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024' }
        Nightly:
          Type: AWS::Events::Rule
          Properties:
            ScheduleExpression: rate(1 day)
            Targets: [{ Id: fn, Arn: !GetAtt Fn.Arn }]
        Schedule:
          Type: AWS::Scheduler::Schedule
          Properties:
            ScheduleExpression: at(2027-01-01T00:00:00)
            FlexibleTimeWindow: { Mode: 'OFF' }
            Target: { Arn: !GetAtt Fn.Arn, RoleArn: arn:aws:iam::123456789012:role/s }
        Photos:
          Type: AWS::S3::Bucket
          Properties:
            NotificationConfiguration:
              LambdaConfigurations:
                - Event: s3:ObjectCreated:Put
                  Function: !GetAtt Fn.Arn
                  Filter: { S3Key: { Rules: [{ Name: suffix, Value: .png }] } }
        PhotosPermission:
          Type: AWS::Lambda::Permission
          Properties: { FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: s3.amazonaws.com, SourceArn: !GetAtt Photos.Arn }
        TopicPermission:
          Type: AWS::Lambda::Permission
          Properties: { FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: sns.amazonaws.com }
        Logs:
          Type: AWS::Logs::LogGroup
        Subscription:
          Type: AWS::Logs::SubscriptionFilter
          Properties: { LogGroupName: !Ref Logs, FilterPattern: '', DestinationArn: !GetAtt Fn.Arn }
    `;
    const t = buildTemplate(text);
    assert.deepEqual(eventSourcesOf(t, 'Fn').map((s) => summary(text, s)), [
      { kind: 'Kinesis', declaredIn: 'Mapping', at: '7:3', target: 'Stream', origin: 'resource' },
      { kind: 'DynamoDB', declaredIn: 'ArnMapping', at: '10:3', targetArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024', origin: 'resource' },
      { kind: 'Schedule', declaredIn: 'Nightly', at: '17:17', schedule: 'rate(1 day)', scheduler: false, origin: 'resource' },
      { kind: 'ScheduleV2', declaredIn: 'Schedule', at: '18:3', schedule: 'at(2027-01-01T00:00:00)', scheduler: true, origin: 'resource' },
      { kind: 'S3', declaredIn: 'Photos', at: '29:13', target: 'Photos', s3Filter: { suffix: '.png' }, s3Events: ['s3:ObjectCreated:Put'], origin: 'resource' },
      { kind: 'CloudWatchLogs', declaredIn: 'Subscription', at: '40:3', target: 'Logs', origin: 'resource' },
      // The S3 permission duplicates the bucket notification and is left out; the SNS one stands alone.
      { kind: 'SNS', declaredIn: 'TopicPermission', at: '35:3', origin: 'permission' },
    ]);
  });

  it('rebuilds REST paths and HTTP API routes from API Gateway resources', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
        Rest:
          Type: AWS::ApiGateway::RestApi
        Orders:
          Type: AWS::ApiGateway::Resource
          Properties: { RestApiId: !Ref Rest, ParentId: !GetAtt Rest.RootResourceId, PathPart: orders }
        Order:
          Type: AWS::ApiGateway::Resource
          Properties: { RestApiId: !Ref Rest, ParentId: !Ref Orders, PathPart: '{id}' }
        GetOrder:
          Type: AWS::ApiGateway::Method
          Properties:
            RestApiId: !Ref Rest
            ResourceId: !Ref Order
            HttpMethod: GET
            Integration:
              Type: AWS_PROXY
              IntegrationHttpMethod: POST
              Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
        Http:
          Type: AWS::ApiGatewayV2::Api
          Properties: { ProtocolType: HTTP, Name: http }
        Integration:
          Type: AWS::ApiGatewayV2::Integration
          Properties:
            ApiId: !Ref Http
            IntegrationType: AWS_PROXY
            IntegrationUri: !GetAtt Fn.Arn
            PayloadFormatVersion: '2.0'
        Route:
          Type: AWS::ApiGatewayV2::Route
          Properties: { ApiId: !Ref Http, RouteKey: 'POST /items', Target: !Sub 'integrations/\${Integration}' }
    `;
    const t = buildTemplate(text);
    assert.deepEqual(eventSourcesOf(t, 'Fn').map((s) => summary(text, s)), [
      { kind: 'Api', declaredIn: 'GetOrder', at: '12:3', target: 'Rest', http: { path: '/orders/{id}', method: 'GET' }, origin: 'resource' },
      { kind: 'HttpApi', declaredIn: 'Integration', at: '25:3', target: 'Http', http: { path: '/items', method: 'POST' }, origin: 'resource' },
    ]);
  });

  it('computes the index once per model and survives odd shapes', () => {
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Events: [not, a, map]
        Other:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              A: 3
              B: { Type: SQS, Properties: [1] }
        Mapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties: { FunctionName: 42, EventSourceArn: { Ref: 7 } }
        Rule:
          Type: AWS::Events::Rule
          Properties: { Targets: { Arn: x } }
    `;
    const t = buildTemplate(text);
    assert.strictEqual(eventSourceList(t), eventSourceList(t));
    assert.deepEqual(eventSourceList(t).map((s) => summary(text, s)), [{ kind: 'SQS', declaredIn: 'Other', eventName: 'B', at: '12:9', origin: 'sam' }]);
  });
});
