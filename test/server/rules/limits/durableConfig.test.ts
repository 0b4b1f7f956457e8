import { durableConfig } from '../../../../server/src/rules/limits/durableConfig';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(durableConfig, {
  valid: [
    {
      name: 'the bounds, and unknown values',
      template: yaml`
        Parameters:
          Days: { Type: Number }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { DurableConfig: { ExecutionTimeout: 31622400, RetentionPeriodInDays: 90 } }
          B:
            Type: AWS::Lambda::Function
            Properties: { DurableConfig: { ExecutionTimeout: 1, RetentionPeriodInDays: !Ref Days } }
      `,
    },
  ],
  invalid: [
    {
      name: 'an execution timeout above 366 days and a retention above 90 days',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              DurableConfig:
                ExecutionTimeout: 40000000
                RetentionPeriodInDays: 365
      `,
      errors: [{ line: 7, column: 27, messageIncludes: '1..31,622,400 s' }, { line: 8, column: 32 }],
    },
    {
      name: 'zero days from Globals, once, with the inheriting function',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            DurableConfig: { ExecutionTimeout: 0, RetentionPeriodInDays: 0 }
        Resources:
          A: { Type: AWS::Serverless::Function }
      `,
      errors: [{ line: 4, column: 40, related: [[6, 3]] }, { line: 4, column: 66, related: [[6, 3]] }],
    },
  ],
});
