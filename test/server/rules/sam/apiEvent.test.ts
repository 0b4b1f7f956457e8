import { apiEvent } from '../../../../server/src/rules/sam/apiEvent';
import { ruleTester } from '../../../support/ruleTester';

const t = (events: string, api = '') => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Events:
${events}${api}`;

const API = `  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Models:
        Item: { type: object }
`;

ruleTester(apiEvent, {
  valid: [
    {
      name: 'two methods of one path, a model of the API and method.request parameters',
      template: t(`        List:
          Type: Api
          Properties: { Path: /items, Method: get }
        Add:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /items
            Method: post
            RequestModel: { Model: Item, ValidateBody: true }
            RequestParameters:
              - method.request.header.Authorization:
                  Required: true
`, API),
    },
    {
      name: 'the same route on an API whose definition the template writes',
      template: t('        A:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /items, Method: get }\n        B:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /items, Method: get }\n', `${API}      DefinitionUri: s3://bucket/api.yaml\n`),
    },
  ],
  invalid: [
    {
      name: 'the same route twice on the implicit API, in two spellings',
      template: t('        List:\n          Type: Api\n          Properties: { Path: /items, Method: get }\n        Again:\n          Type: Api\n          Properties: { Path: /items, Method: GET }\n'),
      errors: [{ line: 13, column: 9, messageIncludes: 'event List of Fn' }],
    },
    {
      name: 'a model the API does not define, a string for ValidateBody and a parameter not named method.request.*',
      template: t(`        Add:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /items
            Method: post
            RequestModel: { Model: Order, ValidateBody: "true" }
            RequestParameters: [querystring.page]
`, API),
      errors: [{ line: 16, column: 36, messageIncludes: '(Item)' }, { line: 16, column: 57 }, { line: 17, column: 33 }],
    },
    {
      name: 'an empty StageName on the API two events name, reported once',
      template: t('        A:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /a, Method: get }\n        B:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /b, Method: get }\n', API.replace('StageName: prod', "StageName: ''")),
      errors: [{ line: 19, column: 18, messageIncludes: 'StageName is empty' }],
    },
    {
      name: 'ApiKeyRequired false on an API without keys, and scopes without an authorizer',
      template: t('        List:\n          Type: Api\n          Properties:\n            Path: /items\n            Method: get\n            Auth:\n              ApiKeyRequired: false\n              AuthorizationScopes: [items/read]\n'),
      errors: [{ line: 16, column: 31 }, { line: 17, column: 36 }],
    },
  ],
});
