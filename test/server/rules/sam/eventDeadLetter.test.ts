import { eventDeadLetter } from '../../../../server/src/rules/sam/eventDeadLetter';
import { ruleTester } from '../../../support/ruleTester';

const t = (dlq: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
            DeadLetterConfig: ${dlq}
`;

ruleTester(eventDeadLetter, {
  valid: [
    { name: 'an Arn', template: t('{ Arn: !GetAtt Dlq.Arn }') },
    { name: 'a queue SAM creates', template: t('{ Type: SQS, QueueLogicalId: NightlyDlq }') },
  ],
  invalid: [
    { name: 'both Arn and Type', template: t('{ Arn: !GetAtt Dlq.Arn, Type: SQS }'), errors: [{ line: 11, column: 13 }] },
    { name: 'neither', template: t('{ QueueLogicalId: NightlyDlq }'), errors: [{ line: 11, column: 13 }] },
    { name: 'a type other than SQS and a generated queue id', template: t('{ Type: SNS, QueueLogicalId: !Sub "q${Env}" }'), errors: [{ line: 11, column: 39 }, { line: 11, column: 60 }] },
  ],
});
