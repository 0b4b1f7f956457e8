import { functionUrl } from '../../../../server/src/rules/sam/functionUrl';
import { ruleTester } from '../../../support/ruleTester';

const t = (config: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      FunctionUrlConfig:
${config}`;

ruleTester(functionUrl, {
  valid: [
    { name: 'an AuthType and CORS lists, a boolean and a number', template: t('        AuthType: AWS_IAM\n        Cors:\n          AllowOrigins: [https://example.com]\n          AllowMethods: [GET]\n          AllowCredentials: true\n          MaxAge: 300\n') },
    { name: 'the AuthType inherited from Globals', template: t('        InvokeMode: BUFFERED\n', 'Globals:\n  Function:\n    FunctionUrlConfig:\n      AuthType: NONE\n') },
  ],
  invalid: [
    { name: 'no AuthType', template: t('        InvokeMode: BUFFERED\n'), errors: [{ line: 9, column: 7, messageIncludes: 'AuthType is missing' }] },
    {
      name: 'an unknown AuthType, the REST API key name AllowOrigin, and a string for AllowCredentials',
      template: t('        AuthType: IAM\n        Cors:\n          AllowOrigin: [https://example.com]\n          AllowCredentials: "yes"\n'),
      errors: [{ line: 10, column: 19 }, { line: 12, column: 11, messageIncludes: 'no setting AllowOrigin' }, { line: 13, column: 29 }],
    },
    { name: 'Cors as a list', template: t('        AuthType: NONE\n        Cors: [https://example.com]\n'), errors: [{ line: 11, column: 15 }] },
    {
      name: 'a Globals Cors key SAM does not know',
      template: t('        AuthType: NONE\n', 'Globals:\n  Function:\n    FunctionUrlConfig:\n      Cors:\n        MaxAgeSeconds: 300\n'),
      errors: [{ line: 6, column: 9 }],
    },
  ],
});
