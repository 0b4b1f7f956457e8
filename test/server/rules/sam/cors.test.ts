import { cors } from '../../../../server/src/rules/sam/cors';
import { ruleTester } from '../../../support/ruleTester';

const t = (c: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Cors: ${c}\n`;

ruleTester(cors, {
  valid: [
    { name: 'credentials with an explicit origin', template: t("{ AllowOrigin: \"'https://example.com'\", AllowCredentials: true }") },
    { name: 'a wildcard origin without credentials', template: t("{ AllowOrigin: \"'*'\" }") },
  ],
  invalid: [
    { name: 'credentials with the wildcard origin', template: t("{ AllowOrigin: \"'*'\", AllowCredentials: true }"), errors: [{ line: 7, column: 53 }] },
    { name: 'an empty origin', template: t("{ AllowOrigin: '' }"), errors: [{ line: 7, column: 28 }] },
  ],
});
