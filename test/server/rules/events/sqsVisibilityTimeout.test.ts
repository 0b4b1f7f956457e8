import assert from 'node:assert/strict';
import { sqsVisibilityTimeout } from '../../../../server/src/rules/events/sqsVisibilityTimeout';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const SHORT = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 60
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Timeout: 120
        Events:
          Jobs:
            Type: SQS
            Properties:
              Queue: !GetAtt Jobs.Arn
`;

const DEFAULTED = yaml`
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: jobs
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        Timeout: 10
    Mapping:
      Type: AWS::Lambda::EventSourceMapping
      Properties:
        FunctionName: !Ref Fn
        EventSourceArn: !GetAtt Jobs.Arn
`;

ruleTester(sqsVisibilityTimeout, {
  valid: [
    {
      name: 'a queue at 6 x the timeout',
      template: SHORT.replace('VisibilityTimeout: 60', 'VisibilityTimeout: 720'),
    },
    {
      name: 'the defaults (30 s queue, 3 s function)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
      `,
    },
    {
      name: 'a queue outside the template and an unknown timeout',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Timeout: { Type: Number }
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties: { VisibilityTimeout: 1 }
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Timeout: 600
              Events:
                Jobs: { Type: SQS, Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:jobs } }
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Timeout: !Ref Timeout
              Events:
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
      `,
    },
  ],
  invalid: [
    {
      name: 'a queue shorter than the timeout, at the Queue reference with the queue and the Timeout related',
      template: SHORT,
      errors: [{ line: 15, column: 20, severity: 'error', related: [[6, 26], [10, 16]] }],
    },
    {
      name: 'a queue below 6 x the timeout as a warning',
      template: SHORT.replace('VisibilityTimeout: 60', 'VisibilityTimeout: 300'),
      errors: [{ line: 15, column: 20, severity: 'warning' }],
    },
    {
      name: 'the default visibility timeout with an event source mapping, the queue id related',
      template: DEFAULTED,
      errors: [{ line: 14, column: 23, severity: 'warning', related: [[2, 3], [9, 16]] }],
    },
    {
      name: 'a Timeout from Globals and a VisibilityTimeout from a parameter Default',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Visibility: { Type: Number, Default: 20 }
        Globals:
          Function:
            Timeout: 30
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties: { VisibilityTimeout: !Ref Visibility }
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
      `,
      errors: [{ line: 15, column: 49, severity: 'error', related: [[10, 38], [3, 40], [6, 14]] }],
    },
  ],
});

describe('events/sqs-visibility-timeout quick fix', () => {
  it('raises the written VisibilityTimeout to 6 x the timeout', () => {
    const [fixed] = assertFixesWork(sqsVisibilityTimeout, SHORT, 1);
    assert.match(fixed!, /VisibilityTimeout: 720\n/);
  });

  it('adds VisibilityTimeout to a queue that relies on the default, in YAML and JSON', () => {
    const [fixed] = assertFixesWork(sqsVisibilityTimeout, DEFAULTED, 1);
    assert.match(fixed!, /Properties:\n {6}VisibilityTimeout: 60\n {6}QueueName: jobs/);
    const bare = DEFAULTED.replace('      Properties:\n        QueueName: jobs\n', '');
    assert.match(assertFixesWork(sqsVisibilityTimeout, bare, 1)[0]!, /Type: AWS::SQS::Queue\n {4}Properties:\n {6}VisibilityTimeout: 60\n/);
    const json = JSON.stringify({
      Resources: {
        Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 10 } },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: { Ref: 'Fn' }, EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] } } },
      },
    }, null, 2);
    const fixedJson = assertFixesWork(sqsVisibilityTimeout, json, 1)[0]!;
    assert.equal(JSON.parse(fixedJson).Resources.Jobs.Properties.VisibilityTimeout, 60);
  });
});
