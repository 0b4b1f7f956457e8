import { roleTrust } from '../../../../server/src/rules/edge/roleTrust';
import { ruleTester, yaml } from '../../../support/ruleTester';

const sam = (props: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    EdgeFn:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        AutoPublishAlias: live${props}
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations:
              - { EventType: viewer-request, LambdaFunctionARN: !Ref EdgeFn.Version }
`;

const BOTH = `
        AssumeRolePolicyDocument:
          Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Action: sts:AssumeRole
              Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] }`;

const role = (services: string) => yaml`
  Resources:
    EdgeRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - { Effect: Allow, Action: sts:AssumeRole, Principal: { Service: ${services} } }
    EdgeFn:
      Type: AWS::Lambda::Function
      Properties: { Handler: index.handler, Runtime: nodejs22.x, Role: !GetAtt EdgeRole.Arn, Code: { ZipFile: x } }
    EdgeVersion:
      Type: AWS::Lambda::Version
      Properties: { FunctionName: !Ref EdgeFn }
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations: [{ EventType: origin-request, LambdaFunctionARN: !Ref EdgeVersion }]
`;

ruleTester(roleTrust, {
  valid: [
    { name: 'a SAM function trusting both services', template: sam(BOTH) },
    { name: 'a template role trusting both services', template: role('[lambda.amazonaws.com, edgelambda.amazonaws.com]') },
    { name: 'an external role', template: sam('\n        Role: arn:aws:iam::123456789012:role/edge') },
  ],
  invalid: [
    {
      name: 'SAM\'s generated role, at the function, the association related',
      template: sam(''),
      errors: [{ line: 3, column: 3, related: [[15, 63]], messageIncludes: 'Add an AssumeRolePolicyDocument' }],
    },
    {
      name: 'a SAM AssumeRolePolicyDocument without edgelambda',
      template: sam(BOTH.replace(', edgelambda.amazonaws.com', '')),
      errors: [{ line: 14, column: 35, messageIncludes: 'edgelambda.amazonaws.com' }],
    },
    {
      name: 'a template role trusting only Lambda, at its trust policy with the function\'s Role related',
      template: role('lambda.amazonaws.com'),
      errors: [{ line: 7, column: 76, related: [[10, 70], [19, 88]] }],
    },
  ],
});
