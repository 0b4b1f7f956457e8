import { streamSettings } from '../../../../server/src/rules/events/streamSettings';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { assertFixesWork } from '../../../support/fixAll';

const TABLE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
      Properties:
        StreamSpecification: { StreamViewType: NEW_IMAGE }
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Events:
          Changes:
            Type: DynamoDB
            Properties:
              Stream: !GetAtt Table.StreamArn
              StartingPosition: TRIM_HORIZON
              BatchSize: 100
              ParallelizationFactor: 10
              MaximumRetryAttempts: -1
              MaximumRecordAgeInSeconds: -1
              TumblingWindowInSeconds: 900
              MaximumBatchingWindowInSeconds: 300
`;

const OUT_OF_RANGE = TABLE.replace('StartingPosition: TRIM_HORIZON', 'StartingPosition: AT_TIMESTAMP')
  .replace('BatchSize: 100', 'BatchSize: 0')
  .replace('ParallelizationFactor: 10', 'ParallelizationFactor: 11')
  .replace('MaximumRetryAttempts: -1', 'MaximumRetryAttempts: -2')
  .replace('MaximumRecordAgeInSeconds: -1', 'MaximumRecordAgeInSeconds: 30')
  .replace('TumblingWindowInSeconds: 900', 'TumblingWindowInSeconds: 901')
  .replace('MaximumBatchingWindowInSeconds: 300', 'MaximumBatchingWindowInSeconds: 301');

ruleTester(streamSettings, {
  valid: [
    { name: 'every setting at its bound', template: TABLE },
    {
      name: 'a Kinesis mapping at AT_TIMESTAMP and settings from unknown parameters',
      template: yaml`
        Parameters:
          Batch: { Type: Number }
        Resources:
          Fn:
            Type: AWS::Lambda::Function
          Stream:
            Type: AWS::Kinesis::Stream
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref Fn
              EventSourceArn: !GetAtt Stream.Arn
              StartingPosition: AT_TIMESTAMP
              StartingPositionTimestamp: 1700000000
              BatchSize: !Ref Batch
      `,
    },
    {
      name: 'a mapping whose source cannot be told (no StartingPosition needed)',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties: { FunctionName: !Ref Fn, EventSourceArn: !ImportValue shared-source }
      `,
    },
  ],
  invalid: [
    {
      name: 'AT_TIMESTAMP on DynamoDB and each setting out of range',
      template: OUT_OF_RANGE,
      errors: [
        { line: 15, column: 31 },
        { line: 16, column: 24 },
        { line: 17, column: 36 },
        { line: 18, column: 35 },
        { line: 19, column: 40 },
        { line: 20, column: 38 },
        { line: 21, column: 45 },
      ],
    },
    {
      name: 'a Kinesis mapping without StartingPosition, at the mapping id',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !GetAtt Fn.Arn
              EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
      `,
      errors: [{ line: 4, column: 3 }],
    },
    {
      name: 'a SAM Kinesis event without StartingPosition, at the event name, and a bad position from a parameter Default',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Position: { Type: String, Default: EARLIEST }
        Resources:
          Stream:
            Type: AWS::Kinesis::Stream
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Clicks: { Type: Kinesis, Properties: { Stream: !GetAtt Stream.Arn } }
                Views: { Type: Kinesis, Properties: { Stream: !GetAtt Stream.Arn, StartingPosition: !Ref Position } }
      `,
      errors: [{ line: 11, column: 9 }, { line: 12, column: 93, related: [[3, 38]] }],
    },
  ],
});

describe('events/stream-settings quick fix', () => {
  it('clamps each numeric setting into range', () => {
    assertFixesWork(streamSettings, OUT_OF_RANGE, 6);
  });
});
