import { sqsBatching } from '../../../../server/src/rules/events/sqsBatching';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const sam = (queue: string, props: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties: ${queue}
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Events:
          Jobs:
            Type: SQS
            Properties: ${props}
`;

ruleTester(sqsBatching, {
  valid: [
    { name: 'the default batch of 10', template: sam('{}', '{ Queue: !GetAtt Jobs.Arn }') },
    { name: 'a batch of 1000 with a window', template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 1000, MaximumBatchingWindowInSeconds: 5 }') },
    { name: 'a FIFO queue with a batch of 10', template: sam('{ FifoQueue: true }', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 10 }') },
    {
      name: 'an unknown batching window',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Window: { Type: Number }
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Jobs: { Type: SQS, Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:jobs, BatchSize: 100, MaximumBatchingWindowInSeconds: !Ref Window } }
      `,
    },
  ],
  invalid: [
    {
      name: 'a batch above 10 without a window',
      template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 100 }'),
      errors: [{ line: 12, column: 61 }],
    },
    {
      name: 'a batch above the maximum',
      template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 20000, MaximumBatchingWindowInSeconds: 1 }'),
      errors: [{ line: 12, column: 61, messageIncludes: '1..10,000' }],
    },
    {
      name: 'a FIFO queue (by name) with a batch above 10 and a window, the queue related',
      template: sam('{ QueueName: jobs.fifo }', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 20, MaximumBatchingWindowInSeconds: 2 }'),
      errors: [{ line: 12, column: 61, related: [[5, 30]] }, { line: 12, column: 97, related: [[5, 30]] }],
    },
    {
      name: 'a StartingPosition on an event source mapping of a FIFO queue ARN',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref Fn
              EventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs.fifo
              StartingPosition: LATEST
              BatchSize: 11
      `,
      errors: [{ line: 9, column: 7 }, { line: 10, column: 18, related: [[8, 23]] }],
    },
  ],
});

describe('events/sqs-batching quick fix', () => {
  it('clamps a BatchSize above the maximum', () => {
    assertFixesWork(sqsBatching, sam('{}', '{ Queue: !GetAtt Jobs.Arn, BatchSize: 20000, MaximumBatchingWindowInSeconds: 1 }'), 1);
  });
});

ruleTester(sqsBatching, {
  valid: [
    { name: 'MaximumConcurrency 2, the lowest', template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, ScalingConfig: { MaximumConcurrency: 2 } }') },
    { name: 'MaximumConcurrency 1,000, the highest', template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, ScalingConfig: { MaximumConcurrency: 1000 } }') },
  ],
  invalid: [
    {
      name: 'MaximumConcurrency 1 on a SAM SQS event',
      template: sam('{}', '{ Queue: !GetAtt Jobs.Arn, ScalingConfig: { MaximumConcurrency: 1 } }'),
      errors: [{ line: 12, column: 87, messageIncludes: '2..1,000' }],
    },
    {
      name: 'MaximumConcurrency 5000 on an AWS::Lambda::EventSourceMapping',
      template: yaml`
        Resources:
          Jobs: { Type: AWS::SQS::Queue }
          Worker: { Type: AWS::Lambda::Function }
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref Worker
              EventSourceArn: !GetAtt Jobs.Arn
              ScalingConfig:
                MaximumConcurrency: 5000
      `,
      errors: [{ line: 10, column: 29 }],
    },
  ],
});
