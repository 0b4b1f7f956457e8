import { cors } from '../../../../server/src/rules/sam/cors';
import { ruleTester } from '../../../support/ruleTester';

const http = (c: string, globals = '') => `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      CorsConfiguration: ${c}\n`;
const t = (c: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Cors: ${c}\n`;

ruleTester(cors, {
  valid: [
    { name: 'credentials with an explicit origin', template: t("{ AllowOrigin: \"'https://example.com'\", AllowCredentials: true }") },
    { name: 'a wildcard origin without credentials', template: t("{ AllowOrigin: \"'*'\" }") },
    { name: "an HTTP API's origins list with credentials", template: http('{ AllowOrigins: [https://example.com], AllowCredentials: true, ExposeHeaders: [x-id] }') },
  ],
  invalid: [
    { name: 'credentials with the wildcard origin', template: t("{ AllowOrigin: \"'*'\", AllowCredentials: true }"), errors: [{ line: 7, column: 53 }] },
    { name: 'an empty origin', template: t("{ AllowOrigin: '' }"), errors: [{ line: 7, column: 28 }] },
    { name: "a REST API's key on an HTTP API, and credentials with its wildcard", template: http("{ AllowOrigin: ['*'], AllowOrigins: ['*'], AllowCredentials: true }"), errors: [{ line: 6, column: 28 }, { line: 6, column: 87 }] },
    {
      name: 'a Globals key SAM does not know, reported once where it is written with the API that inherits it',
      template: http('{ AllowOrigins: [https://example.com] }', 'Globals:\n  HttpApi:\n    CorsConfiguration:\n      AllowMethod: [GET]\n'),
      errors: [{ line: 5, column: 7, related: [[7, 3]] }],
    },
  ],
});
