import { deadLetterQueue } from '../../../../server/src/rules/sam/deadLetterQueue';
import { ruleTester } from '../../../support/ruleTester';

const t = (dlq: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
Parameters:
  DlqType:
    Type: String
    Default: SQS
${globals}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      DeadLetterQueue:
${dlq}`;

ruleTester(deadLetterQueue, {
  valid: [
    { name: 'an SNS topic', template: t('        Type: SNS\n        TargetArn: !Ref Alerts\n') },
    { name: 'a TargetArn completed by Globals', template: t('        Type: SQS\n', 'Globals:\n  Function:\n    DeadLetterQueue:\n      TargetArn: arn:aws:sqs:us-east-1:123456789012:dlq\n') },
  ],
  invalid: [
    { name: 'no TargetArn, and a type SAM does not know', template: t('        Type: Queue\n'), errors: [{ line: 13, column: 7, messageIncludes: 'TargetArn is missing' }, { line: 14, column: 15 }] },
    { name: 'a Type from a parameter, which SAM does not resolve', template: t('        Type: !Ref DlqType\n        TargetArn: arn:aws:sqs:us-east-1:123456789012:dlq\n'), errors: [{ line: 14, column: 15, messageIncludes: 'does not resolve' }] },
  ],
});
