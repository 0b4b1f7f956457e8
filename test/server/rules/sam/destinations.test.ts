import { destinations } from '../../../../server/src/rules/sam/destinations';
import { ruleTester } from '../../../support/ruleTester';

const fn = (props: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n${props}`;

ruleTester(destinations, {
  valid: [
    { name: 'known destination types', template: fn('      EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: SNS, Destination: !Ref T } } }\n      Events:\n        S: { Type: Kinesis, Properties: { Stream: arn, StartingPosition: LATEST, DestinationConfig: { OnFailure: { Type: SQS, Destination: arn } } } }\n') },
  ],
  invalid: [
    { name: 'an unknown invoke destination type', template: fn('      EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: Topic, Destination: !Ref T } } }\n'), errors: [{ line: 6, column: 68 }] },
    { name: 'an unknown stream destination type', template: fn('      Events:\n        S: { Type: Kinesis, Properties: { Stream: arn, DestinationConfig: { OnFailure: { Type: Queue } } } }\n'), errors: [{ line: 7, column: 96 }] },
  ],
});
