import { apiReference } from '../../../../server/src/rules/sam/apiReference';
import { ruleTester } from '../../../support/ruleTester';

const t = (restApiId: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get:
          Type: Api
          Properties:
            Path: /
            Method: get
            RestApiId: ${restApiId}
`;

ruleTester(apiReference, {
  valid: [
    { name: 'a !Ref to an API of the template', template: t('!Ref Api') },
    { name: 'the logical id as a plain string', template: t('Api') },
    { name: 'a parameter, known only at deployment', template: t('!Ref ApiParam').replace('Resources:', 'Parameters:\n  ApiParam: { Type: String }\nResources:') },
  ],
  invalid: [
    { name: 'a !GetAtt', template: t('!GetAtt Api.RootResourceId'), errors: [{ line: 15, column: 24 }] },
    { name: 'a name that is no resource', template: t('RestApi'), errors: [{ line: 15, column: 24 }] },
    { name: 'a !Ref to a resource of another type', template: t('!Ref Fn'), errors: [{ line: 15, column: 24 }] },
  ],
});

ruleTester(apiReference, {
  valid: [{ name: 'a route of the implicit HTTP API with Path and Method', template: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Get: { Type: HttpApi, Properties: { Path: /, Method: get } }\n' }],
  invalid: [{ name: 'a route of the implicit HTTP API without Method', template: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Get:\n          Type: HttpApi\n          Properties: { Path: / }\n', errors: [{ line: 9, column: 11 }] }],
});
