import { propertyTypes } from '../../../../server/src/rules/sam/propertyTypes';
import { ruleTester } from '../../../support/ruleTester';

ruleTester(propertyTypes, {
  valid: [
    {
      name: 'an intrinsic where SAM passes it on, a literal boolean where it reads one, and an OpenAPI 3.0 number SAM turns into a string',
      template: `Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
Globals:
  Api:
    OpenApiVersion: 3.0
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Timeout: !If [IsProd, 30, 10]
      AutoPublishAlias: live
      AutoPublishAliasAllProperties: true
      Events:
        Orders:
          Type: MSK
          Properties:
            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc
            StartingPosition: LATEST
            Topics: [orders]
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod`,
    },
  ],
  invalid: [
    {
      name: 'a number for a Globals string, a Fn::If SAM does not resolve, a missing StartingPosition, a string for a list, and a number for OpenApiVersion on an API with its own definition',
      template: `Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
Globals:
  Function:
    AutoPublishAlias: 1
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      AutoPublishAliasAllProperties: !If [IsProd, true, false]
      Events:
        Orders:
          Type: MSK
          Properties:
            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc
            Topics: orders
  Api:
    Type: AWS::Serverless::Api
    Properties:
      Name: prod
      OpenApiVersion: 3.0
      DefinitionUri: s3://bucket/api.yaml
`,
      errors: [
        { line: 6, column: 23 },
        { line: 14, column: 38, messageIncludes: 'does not resolve' },
        { line: 18, column: 11, messageIncludes: 'StartingPosition' },
        { line: 20, column: 21 },
        { line: 25, column: 23 },
      ],
    },
  ],
});
