import { simpleTable } from '../../../../server/src/rules/sam/simpleTable';
import { ruleTester } from '../../../support/ruleTester';

const t = (key: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
${key}`;

ruleTester(simpleTable, {
  valid: [
    { name: 'a string key', template: t('        Name: orderId\n        Type: String\n') },
    { name: 'a number key', template: t('        Name: version\n        Type: Number\n') },
    { name: 'no PrimaryKey (SAM uses id, a string)', template: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n' },
  ],
  invalid: [
    { name: "DynamoDB's own attribute type", template: t('        Name: orderId\n        Type: S\n'), errors: [{ line: 8, column: 15, messageIncludes: 'String, Number, Binary' }] },
    { name: 'a key without a Type', template: t('        Name: orderId\n'), errors: [{ line: 6, column: 7, messageIncludes: 'Type is missing' }] },
  ],
});
