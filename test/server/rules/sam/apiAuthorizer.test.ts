import { apiAuthorizer } from '../../../../server/src/rules/sam/apiAuthorizer';
import { ruleTester } from '../../../support/ruleTester';

const t = (apiAuth: string, authorizer: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth: ${apiAuth}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get:
          Type: Api
          Properties: { RestApiId: !Ref Api, Path: /, Method: get, Auth: { Authorizer: ${authorizer} } }
`;
const pools = '{ DefaultAuthorizer: Pool, Authorizers: { Pool: { UserPoolArn: arn:p } } }';

ruleTester(apiAuthorizer, {
  valid: [
    { name: 'a defined authorizer', template: t(pools, 'Pool') },
    { name: 'NONE where the API has a default', template: t(pools, 'NONE') },
    { name: 'AWS_IAM', template: t('{ Authorizers: {} }', 'AWS_IAM') },
  ],
  invalid: [
    { name: 'an undefined authorizer', template: t(pools, 'Other'), errors: [{ line: 14, column: 88 }] },
    { name: "a default that is not one of the API's authorizers", template: t("{ DefaultAuthorizer: Users, Authorizers: { Pool: { UserPoolArn: arn:p } } }", 'Pool'), errors: [{ line: 7, column: 34, messageIncludes: '(Pool)' }] },
    { name: 'NONE without a default', template: t('{ Authorizers: { Pool: { UserPoolArn: arn:p } } }', 'NONE'), errors: [{ line: 14, column: 88 }] },
  ],
});

ruleTester(apiAuthorizer, {
  valid: [{ name: 'OverrideApiAuth with an authorizer', template: t(pools, 'Pool').replace('Authorizer: Pool', 'Authorizer: Pool, OverrideApiAuth: true') }],
  invalid: [
    { name: 'OverrideApiAuth alone', template: t(pools, 'Pool').replace('Auth: { Authorizer: Pool }', 'Auth: { OverrideApiAuth: true }'), errors: [{ line: 14, column: 93 }] },
    { name: 'an intrinsic in SourceVpcBlacklist', template: t('{ ResourcePolicy: { SourceVpcBlacklist: [{ Ref: Vpc, Extra: 1 }] } }', 'AWS_IAM'), errors: [{ line: 7, column: 53 }] },
  ],
});
