import assert from 'node:assert/strict';
import { timeout } from '../../../../server/src/rules/limits/timeout';
import { assertFixesClear } from '../../../support/fixes';
import { ruleTester, yaml } from '../../../support/ruleTester';

const globalsAndIf = yaml`
  Transform: AWS::Serverless-2016-10-31
  Conditions:
    IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
  Parameters:
    Seconds: { Type: Number, Default: 0 }
  Globals:
    Function:
      Timeout: 1200
  Resources:
    A:
      Type: AWS::Serverless::Function
    B:
      Type: AWS::Serverless::Function
      Properties:
        Timeout: !If [IsProd, 1000, !Ref Seconds]
`;

ruleTester(timeout, {
  valid: [
    {
      name: 'the bounds 1 and 900, and a numeric string',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Timeout: 1 }
          B:
            Type: AWS::Lambda::Function
            Properties: { Timeout: '900' }
      `,
    },
    {
      name: 'a parameter without a Default and an imported value',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Seconds: { Type: Number }
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { Timeout: !Ref Seconds }
          B:
            Type: AWS::Serverless::Function
            Properties: { Timeout: !ImportValue shared-timeout }
      `,
    },
    {
      name: 'a bad Globals value overridden by every function',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 0
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { Timeout: 30 }
      `,
    },
  ],
  invalid: [
    {
      name: 'Globals once with the inheriting function, both bad If branches, the parameter Default related',
      template: globalsAndIf,
      errors: [
        { line: 8, column: 14, related: [[10, 3]] },
        { line: 15, column: 29 },
        { line: 15, column: 35, related: [[5, 37]] },
      ],
    },
    {
      name: 'a JSON template with a fraction',
      template: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Timeout": 2.5 } }\n  }\n}\n',
      errors: [{ line: 4, column: 73 }],
    },
  ],
});

describe('limits/timeout quick fix', () => {
  it('clamps every value into range, the parameter at its Default', () => {
    const fixed = assertFixesClear(timeout, globalsAndIf);
    assert.match(fixed, /Timeout: 900\n/);
    assert.match(fixed, /Default: 1 \}/);
    assert.match(fixed, /!If \[IsProd, 900, !Ref Seconds\]/);
  });
});

/** A SAM function on Lambda Managed Instances with the given Timeout and extra properties. */
const managed = (seconds: number, extra = '', resources = '') => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Queue:
      Type: AWS::SQS::Queue
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Runtime: python3.13
        Handler: app.handler
        CodeUri: src/
        Timeout: ${seconds}
        CapacityProviderConfig:
          Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp
${extra.replace(/^/gm, '        ')}
${resources.replace(/^/gm, '    ')}
`;

ruleTester(timeout, {
  valid: [
    { name: 'Lambda Managed Instances without triggers up to 5,400 s', template: managed(5400) },
    {
      name: 'Lambda Managed Instances invoked by SQS and S3 for an hour',
      template: managed(3600, 'Events:\n  Jobs:\n    Type: SQS\n    Properties: { Queue: !GetAtt Queue.Arn }\n  Uploads:\n    Type: S3\n    Properties: { Bucket: !Ref Bucket, Events: s3:ObjectCreated:* }', 'Bucket:\n  Type: AWS::S3::Bucket'),
    },
    {
      name: 'Lambda Managed Instances with an event source mapping resource',
      template: managed(3600, '', 'Mapping:\n  Type: AWS::Lambda::EventSourceMapping\n  Properties:\n    FunctionName: !Ref Worker\n    EventSourceArn: !GetAtt Queue.Arn'),
    },
  ],
  invalid: [
    { name: 'Lambda Managed Instances above 5,400 s', template: managed(5401), errors: [{ line: 11, column: 16 }] },
    {
      name: 'Lambda Managed Instances behind an Api event, pointing at the event that keeps it at 900 s',
      template: managed(3600, 'Events:\n  Get:\n    Type: Api\n    Properties: { Path: /jobs, Method: get }'),
      errors: [{ line: 11, column: 16, related: [[15, 9]], messageIncludes: 'Api event Get invokes it synchronously' }],
    },
    {
      name: 'Lambda Managed Instances with an Amazon MQ event',
      template: managed(1200, 'Events:\n  Broker:\n    Type: MQ\n    Properties: { Broker: arn:aws:mq:us-east-1:123456789012:broker:b:b-1, Queues: [q] }'),
      errors: [{ line: 11, column: 16, related: [[15, 9]], messageIncludes: 'event source mapping' }],
    },
    {
      name: 'Lambda Managed Instances with a function URL, SAM and AWS::Lambda::Url',
      template: managed(1000, 'FunctionUrlConfig: { AuthType: AWS_IAM }', 'Url:\n  Type: AWS::Lambda::Url\n  Properties:\n    AuthType: AWS_IAM\n    TargetFunctionArn: !GetAtt Worker.Arn'),
      errors: [{ line: 11, column: 16, related: [[14, 7], [15, 3]] }],
    },
  ],
});
