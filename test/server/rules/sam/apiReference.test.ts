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
