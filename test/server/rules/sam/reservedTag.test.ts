import { reservedTag } from '../../../../server/src/rules/sam/reservedTag';
import { ruleTester } from '../../../support/ruleTester';

const t = (tags: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Tags: ${tags}\n`;

ruleTester(reservedTag, {
  valid: [{ name: 'ordinary tags', template: t('{ owner: me }') }],
  invalid: [{ name: 'the tag SAM reserves', template: t('{ lambda:createdBy: me }'), errors: [{ line: 6, column: 15 }] }],
});
