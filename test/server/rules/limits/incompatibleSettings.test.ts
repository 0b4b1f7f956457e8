import { incompatibleSettings } from '../../../../server/src/rules/limits/incompatibleSettings';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(incompatibleSettings, {
  valid: [
    {
      name: 'tenant isolation behind Api and HttpApi events only',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              TenancyConfig: { TenantIsolationMode: PER_TENANT }
              Events:
                Rest: { Type: Api, Properties: { Path: /a, Method: get } }
                Http: { Type: HttpApi, Properties: { Path: /b, Method: get } }
      `,
    },
    {
      name: 'Managed Instances with FunctionScalingConfig, VersionDeletionPolicy with AutoPublishAlias',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java21
              CapacityProviderConfig: { Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp }
              FunctionScalingConfig: { MinExecutionEnvironments: 1 }
              AutoPublishAlias: live
              VersionDeletionPolicy: Retain
      `,
    },
    {
      name: 'SnapStart on every supported runtime family, and ApplyOn None anywhere',
      template: yaml`
        Resources:
          A: { Type: AWS::Lambda::Function, Properties: { Runtime: java11, SnapStart: { ApplyOn: PublishedVersions } } }
          B: { Type: AWS::Lambda::Function, Properties: { Runtime: java25, SnapStart: { ApplyOn: PublishedVersions } } }
          C: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.12, SnapStart: { ApplyOn: PublishedVersions } } }
          D: { Type: AWS::Lambda::Function, Properties: { Runtime: dotnet8, SnapStart: { ApplyOn: PublishedVersions } } }
          E: { Type: AWS::Lambda::Function, Properties: { Runtime: nodejs22.x, SnapStart: { ApplyOn: None } } }
      `,
    },
    {
      name: 'settings that are only !Ref AWS::NoValue, and an unknown runtime',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Rt: { Type: String }
        Resources:
          Queue: { Type: AWS::SQS::Queue }
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: !Ref Rt
              SnapStart: { ApplyOn: PublishedVersions }
              TenancyConfig: !Ref AWS::NoValue
              Events:
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }
      `,
    },
  ],
  invalid: [
    {
      name: 'tenant isolation with provisioned concurrency, SnapStart, a function URL and an SQS trigger, each at its own property',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Queue: { Type: AWS::SQS::Queue }
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              AutoPublishAlias: live
              TenancyConfig: { TenantIsolationMode: PER_TENANT }
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
              SnapStart: { ApplyOn: PublishedVersions }
              FunctionUrlConfig: { AuthType: AWS_IAM }
              Events:
                Rest: { Type: Api, Properties: { Path: /a, Method: get } }
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }
      `,
      errors: [
        { line: 10, column: 7, related: [[9, 7]], messageIncludes: 'tenant isolation does not support provisioned concurrency' },
        { line: 11, column: 7, related: [[9, 7]] },
        { line: 12, column: 7, related: [[9, 7]], messageIncludes: 'its FunctionUrlConfig cannot invoke Fn' },
        { line: 15, column: 9, related: [[9, 7]], messageIncludes: 'SQS event Jobs' },
      ],
    },
    {
      name: 'a tenant-isolated AWS::Lambda::Function with a URL resource and an event source mapping',
      template: yaml`
        Resources:
          Queue: { Type: AWS::SQS::Queue }
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs22.x
              TenancyConfig: { TenantIsolationMode: PER_TENANT }
          Url:
            Type: AWS::Lambda::Url
            Properties: { AuthType: AWS_IAM, TargetFunctionArn: !GetAtt Fn.Arn }
          Mapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties: { FunctionName: !Ref Fn, EventSourceArn: !GetAtt Queue.Arn }
      `,
      errors: [{ line: 8, column: 3, related: [[7, 7]] }, { line: 11, column: 3, related: [[7, 7]] }],
    },
    {
      name: 'Managed Instances with a Globals VpcConfig (once, at Globals) and with provisioned concurrency',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java21
              AutoPublishAlias: live
              CapacityProviderConfig: { Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp }
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
      `,
      errors: [{ line: 4, column: 5, related: [[11, 7], [6, 3]] }, { line: 12, column: 7, related: [[11, 7]] }],
    },
    {
      name: 'FunctionScalingConfig without CapacityProviderConfig and VersionDeletionPolicy without AutoPublishAlias',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              FunctionScalingConfig: { MaxExecutionEnvironments: 10 }
              VersionDeletionPolicy: Delete
      `,
      errors: [{ line: 7, column: 7, messageIncludes: 'needs CapacityProviderConfig' }, { line: 8, column: 7, messageIncludes: 'needs AutoPublishAlias' }],
    },
    {
      name: 'SnapStart on runtimes it does not support, through a parameter Default too',
      template: yaml`
        Parameters:
          Rt: { Type: String, Default: python3.11 }
        Resources:
          A: { Type: AWS::Lambda::Function, Properties: { Runtime: nodejs22.x, SnapStart: { ApplyOn: PublishedVersions } } }
          B: { Type: AWS::Lambda::Function, Properties: { Runtime: !Ref Rt, SnapStart: { ApplyOn: PublishedVersions } } }
          C: { Type: AWS::Lambda::Function, Properties: { Runtime: java8.al2, SnapStart: { ApplyOn: PublishedVersions } } }
          D: { Type: AWS::Lambda::Function, Properties: { Runtime: dotnet6, SnapStart: { ApplyOn: PublishedVersions } } }
      `,
      errors: [
        { line: 4, column: 72, related: [[4, 60]] },
        { line: 5, column: 69, related: [[5, 60], [2, 32]] },
        { line: 6, column: 71, related: [[6, 60]] },
        { line: 7, column: 69, related: [[7, 60]] },
      ],
    },
  ],
});
