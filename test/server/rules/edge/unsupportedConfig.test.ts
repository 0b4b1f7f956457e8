import { unsupportedConfig } from '../../../../server/src/rules/edge/unsupportedConfig';
import { ruleTester, yaml } from '../../../support/ruleTester';

const edge = (props: string, globals = '') => yaml`
  Transform: AWS::Serverless-2016-10-31
  Globals:
    Function:
      Tracing: Active${globals}
  Resources:
    EdgeFn:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        AutoPublishAlias: live
        ${props}
    Cdn:
      Type: AWS::CloudFront::Distribution
      Properties:
        DistributionConfig:
          DefaultCacheBehavior:
            LambdaFunctionAssociations:
              - { EventType: origin-request, LambdaFunctionARN: !Ref EdgeFn.Version }
`;

ruleTester(unsupportedConfig, {
  valid: [
    { name: 'a plain Node.js edge function', template: edge('Runtime: nodejs22.x') },
    { name: 'a Python edge function with 512 MB of /tmp and automatic runtime updates', template: edge('Runtime: python3.13\n        EphemeralStorage: { Size: 512 }\n        RuntimeManagementConfig: { UpdateRuntimeOn: Auto }') },
    { name: 'an empty Environment', template: edge('Runtime: nodejs22.x\n        Environment: { Variables: {} }') },
  ],
  invalid: [
    {
      name: 'environment variables, VPC, layers and a Java runtime, the association related',
      template: edge('Runtime: java21\n        Environment: { Variables: { A: b } }\n        VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }\n        Layers: [arn:aws:lambda:us-east-1:123456789012:layer:x:1]'),
      errors: [
        { line: 11, column: 16, related: [[21, 28]] },
        { line: 12, column: 7 },
        { line: 13, column: 7 },
        { line: 14, column: 7 },
      ],
    },
    {
      name: 'large /tmp, a pinned runtime and provisioned concurrency',
      template: edge('Runtime: nodejs22.x\n        EphemeralStorage: { Size: 1024 }\n        RuntimeManagementConfig: { UpdateRuntimeOn: FunctionUpdate }\n        ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }'),
      errors: [{ line: 12, column: 33 }, { line: 13, column: 51 }, { line: 14, column: 7 }],
    },
    {
      name: 'the arm64 architecture',
      template: edge('Runtime: nodejs22.x\n        Architectures: [arm64]'),
      errors: [{ line: 12, column: 23 }],
    },
    {
      name: 'environment variables from Globals, reported there with the function related',
      template: edge('Runtime: nodejs22.x', '\n      Environment:\n        Variables: { STAGE: prod }'),
      errors: [{ line: 5, column: 5, related: [[8, 3], [20, 28]] }],
    },
  ],
});
