import { memorySize } from '../../../../server/src/rules/limits/memorySize';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(memorySize, {
  valid: [
    {
      name: 'the bounds 128 and 10240',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Small:
            Type: AWS::Serverless::Function
            Properties: { MemorySize: 128 }
          Large:
            Type: AWS::Lambda::Function
            Properties: { MemorySize: 10240 }
      `,
    },
    {
      name: 'a parameter without a Default (unknown stays silent)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Memory: { Type: Number }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              MemorySize: !Ref Memory
      `,
    },
    {
      name: 'a Lambda Managed Instances function above 10240',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              MemorySize: 16384
              CapacityProviderConfig:
                LambdaManagedInstancesCapacityProviderConfig:
                  CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp
      `,
    },
  ],
  invalid: [
    {
      name: 'a literal above the maximum',
      template: yaml`
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              MemorySize: 12288
      `,
      errors: [{ line: 6, column: 19 }],
    },
    {
      name: 'a fraction and a value below the minimum',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { MemorySize: 256.5 }
          B:
            Type: AWS::Lambda::Function
            Properties: { MemorySize: 64 }
      `,
      errors: [{ line: 4, column: 31 }, { line: 7, column: 31 }],
    },
    {
      name: 'a parameter Default, at the Ref with the Default related',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Memory:
            Type: Number
            Default: 20000
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              MemorySize: !Ref Memory
      `,
      errors: [{ line: 10, column: 19, related: [[5, 14]] }],
    },
    {
      name: 'each bad branch of an If',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              MemorySize: !If [IsProd, 20000, 100]
      `,
      errors: [{ line: 8, column: 32 }, { line: 8, column: 39 }],
    },
    {
      name: 'a Globals value once, at Globals, with every inheriting function related',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            MemorySize: 99999
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
          C:
            Type: AWS::Serverless::Function
            Properties: { MemorySize: 512 }
      `,
      errors: [{ line: 4, column: 17, related: [[6, 3], [8, 3]] }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "MemorySize": "0" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 37 }],
    },
  ],
});

const managed = (memory: string, extra = '') => yaml`
  Resources:
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        MemorySize: ${memory}
        CapacityProviderConfig:${extra || `
          LambdaManagedInstancesCapacityProviderConfig:
            CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp`}
`;

ruleTester(memorySize, {
  valid: [
    { name: 'Lambda Managed Instances at the 2,048 MB floor', template: managed('2048') },
    { name: 'Lambda Managed Instances at the 32,768 MB ceiling', template: managed('32768') },
  ],
  invalid: [
    { name: 'Lambda Managed Instances below 2,048 MB, which a standard function could have', template: managed('1024'), errors: [{ line: 5, column: 19, messageIncludes: 'CapacityProviderConfig' }] },
    { name: 'Lambda Managed Instances above 32,768 MB', template: managed('40000'), errors: [{ line: 5, column: 19 }] },
    { name: 'a CapacityProviderConfig that is !Ref AWS::NoValue keeps the standard range', template: managed('16384', ' !Ref AWS::NoValue'), errors: [{ line: 5, column: 19 }] },
  ],
});
