import { httpApiAuthorizer } from '../../../../server/src/rules/sam/httpApiAuthorizer';
import { ruleTester } from '../../../support/ruleTester';

const t = (auth: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
${auth}`;

const LAMBDA = `          Users:
            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
            AuthorizerPayloadFormatVersion: '2.0'
            Identity:
              Headers: [Authorization]
`;
const JWT = `          Staff:
            JwtConfiguration:
              issuer: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc
              audience: [app]
            IdentitySource: $request.header.Authorization
`;

ruleTester(httpApiAuthorizer, {
  valid: [
    { name: 'a Lambda and a JWT authorizer, one the default', template: t(`        Authorizers:\n${LAMBDA}${JWT}        DefaultAuthorizer: Users\n`) },
    { name: 'AWS_IAM as the default with the IAM authorizer on', template: t('        EnableIamAuthorizer: true\n        DefaultAuthorizer: AWS_IAM\n') },
  ],
  invalid: [
    {
      name: 'a Lambda authorizer without a payload format version and Identity headers as a string',
      template: t(`        Authorizers:\n${LAMBDA.replace("            AuthorizerPayloadFormatVersion: '2.0'\n", '').replace('Headers: [Authorization]', 'Headers: Authorization')}`),
      errors: [{ line: 8, column: 11, messageIncludes: 'AuthorizerPayloadFormatVersion' }, { line: 11, column: 24 }],
    },
    {
      name: 'a JWT authorizer with a Lambda setting and without IdentitySource',
      template: t(`        Authorizers:\n${JWT.replace('            IdentitySource: $request.header.Authorization\n', '            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth\n')}`),
      errors: [{ line: 8, column: 11, messageIncludes: 'IdentitySource' }, { line: 12, column: 13, messageIncludes: 'takes no FunctionArn' }],
    },
    {
      name: 'a default that names no authorizer',
      template: t(`        Authorizers:\n${LAMBDA}        DefaultAuthorizer: Admins\n`),
      errors: [{ line: 13, column: 28, messageIncludes: '(Users)' }],
    },
  ],
});
