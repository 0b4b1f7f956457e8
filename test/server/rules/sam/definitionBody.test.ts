import { definitionBody } from '../../../../server/src/rules/sam/definitionBody';
import { ruleTester } from '../../../support/ruleTester';

const t = (paths: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        swagger: '2.0'
        paths:
${paths}`;

const http = (body: string, auth = '') => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
${auth}      DefinitionBody:
${body}`;
const AUTH = '      Auth:\n        Authorizers:\n          Users: { FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth, AuthorizerPayloadFormatVersion: "2.0" }\n        DefaultAuthorizer: Users\n';

ruleTester(definitionBody, {
  valid: [
    { name: 'paths of methods with security lists', template: t('          /items:\n            get:\n              security: [{ Auth: [] }]\n              responses: {}\n') },
    { name: 'an OpenAPI 3 document SAM adds a default authorizer to', template: http("        openapi: '3.0.1'\n        paths:\n          /items:\n            parameters: []\n            get:\n              responses: {}\n", AUTH) },
    { name: 'a Swagger 2 document on an HTTP API SAM does not edit', template: http("        swagger: '2.0'\n        paths: {}\n") },
  ],
  invalid: [
    { name: 'a path that is a string', template: t('          /items: get\n'), errors: [{ line: 10, column: 19 }] },
    { name: 'a Swagger 2 document on an HTTP API SAM adds an authorizer to', template: http("        swagger: '2.0'\n        paths: {}\n", AUTH), errors: [{ line: 10, column: 7, messageIncludes: 'OpenAPI 3' }] },
    {
      name: 'an upper-case method and a non-map operation where SAM sets the default authorizer',
      template: http("        openapi: '3.0.1'\n        paths:\n          /items:\n            GET:\n              responses: {}\n            post: add\n", AUTH),
      errors: [{ line: 14, column: 13, messageIncludes: 'written get' }, { line: 16, column: 19 }],
    },
    { name: 'an OpenApiVersion SAM does not write', template: t('          /items:\n            get: {}\n').replace('      StageName: prod\n', '      StageName: prod\n      OpenApiVersion: 4.0\n'), errors: [{ line: 7, column: 23 }] },
    { name: 'responses as a list', template: t('          /items:\n            get:\n              responses: [ok]\n'), errors: [{ line: 12, column: 26 }] },
    { name: 'security as a map', template: t('          /items:\n            get:\n              security: { Auth: [] }\n'), errors: [{ line: 12, column: 25 }] },
  ],
});
