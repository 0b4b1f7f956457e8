import { versionRequired } from '../../../../server/src/rules/edge/versionRequired';
import { ruleTester, yaml } from '../../../support/ruleTester';

const edge = (arn: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    SamFn:
      Type: AWS::Serverless::Function
      Properties: { Handler: index.handler, Runtime: nodejs22.x, AutoPublishAlias: live }
    PlainFn:
      Type: AWS::Lambda::Function
      Properties: { Handler: index.handler, Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/edge, Code: { ZipFile: 'x' } }
    PlainVersion:
      Type: AWS::Lambda::Version
      Properties: { FunctionName: !Ref PlainFn }
    PlainAlias:
      Type: AWS::Lambda::Alias
      Properties: { FunctionName: !Ref PlainFn, FunctionVersion: !GetAtt PlainVersion.Version, Name: live }
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations:
              - EventType: viewer-request
                LambdaFunctionARN: ${arn}
`;

ruleTester(versionRequired, {
  valid: [
    { name: 'SAM Fn.Version', template: edge('!Ref SamFn.Version') },
    { name: 'an AWS::Lambda::Version', template: edge('!Ref PlainVersion') },
    { name: 'a numbered ARN built with Sub', template: edge("!Sub '${PlainFn.Arn}:3'") },
    { name: 'a numbered literal ARN', template: edge('arn:aws:lambda:us-east-1:123456789012:function:edge:12') },
    { name: 'a version from an unknown parameter', template: edge('!ImportValue edge-version-arn') },
  ],
  invalid: [
    { name: 'the unqualified function ARN', template: edge('!GetAtt SamFn.Arn'), errors: [{ line: 22, column: 34, messageIncludes: 'use !Ref SamFn.Version' }] },
    {
      name: 'a SAM function without AutoPublishAlias',
      template: edge('!GetAtt SamFn.Arn').replace(', AutoPublishAlias: live', ''),
      errors: [{ line: 22, column: 34, messageIncludes: 'set AutoPublishAlias on SamFn' }],
    },
    { name: 'an alias resource', template: edge('!Ref PlainAlias'), errors: [{ line: 22, column: 34, messageIncludes: 'AWS::Lambda::Version' }] },
    { name: 'SAM Fn.Alias', template: edge('!Ref SamFn.Alias'), errors: [{ line: 22, column: 34 }] },
    { name: '$LATEST through Join', template: edge("!Join [':', [!GetAtt PlainFn.Arn, $LATEST]]"), errors: [{ line: 22, column: 34 }] },
    {
      name: 'SAM Fn.Version on a function that does not publish versions',
      template: edge('!Ref SamFn.Version').replace(', AutoPublishAlias: live', ''),
      errors: [{ line: 22, column: 34, messageIncludes: 'set AutoPublishAlias' }],
    },
    { name: 'a literal ARN without a version', template: edge('arn:aws:lambda:us-east-1:123456789012:function:edge'), errors: [{ line: 22, column: 34 }] },
  ],
});
