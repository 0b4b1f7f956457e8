import { reservedConcurrency } from '../../../../server/src/rules/limits/reservedConcurrency';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(reservedConcurrency, {
  valid: [
    {
      name: 'reservations leaving exactly 100 unreserved, and provisioned concurrency within the reservation',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              ReservedConcurrentExecutions: 500
              AutoPublishAlias: live
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 500 }
          B:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: 400 }
          BVersion:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref B
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 }
      `,
    },
    {
      name: 'a reservation that fits a higher account limit, and an unknown one',
      options: { accountConcurrencyLimit: 5000 },
      template: yaml`
        Parameters:
          Reserved: { Type: Number }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: 4000 }
          B:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: !Ref Reserved }
      `,
    },
    {
      name: 'provisioned concurrency on a function without a reservation',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
          Alias:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref A
              FunctionVersion: '1'
              Name: live
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 800 }
      `,
    },
  ],
  invalid: [
    {
      name: 'a negative reservation with its parameter Default',
      template: yaml`
        Parameters:
          Reserved: { Type: Number, Default: -1 }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: !Ref Reserved }
      `,
      errors: [{ line: 6, column: 49, related: [[2, 38]] }],
    },
    {
      name: 'a total leaving fewer than 100 unreserved, at the largest reservation with the others related',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: 300 }
          B:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: 601 }
      `,
      errors: [{ line: 7, column: 49, related: [[4, 49]] }],
    },
    {
      name: 'reservations inherited from Globals counted once per function, against the configured account limit',
      options: { accountConcurrencyLimit: 399 },
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            ReservedConcurrentExecutions: 100
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
          C:
            Type: AWS::Serverless::Function
      `,
      errors: [{ line: 4, column: 35 }],
    },
    {
      name: 'provisioned concurrency above the reservation: SAM, a Version and an Alias',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              ReservedConcurrentExecutions: 10
              AutoPublishAlias: live
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 20 }
          B:
            Type: AWS::Lambda::Function
            Properties: { ReservedConcurrentExecutions: 5 }
          BVersion:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref B
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 6 }
          BAlias:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref B
              FunctionVersion: !GetAtt BVersion.Version
              Name: live
              ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: !If [C, 1, 50] }
      `,
      errors: [
        { line: 8, column: 72, related: [[6, 37]] },
        { line: 16, column: 72, related: [[11, 49]] },
        { line: 23, column: 83, related: [[11, 49]] },
      ],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "ReservedConcurrentExecutions": -5 }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 55 }],
    },
  ],
});
