import { environmentKeys } from '../../../../server/src/rules/limits/environmentKeys';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(environmentKeys, {
  valid: [
    {
      name: 'ordinary keys, in YAML and in Globals',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Environment:
              Variables: { LOG_LEVEL: info }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables: { TABLE_NAME: orders, a1: x, AWS_REGION_OVERRIDE: eu-west-1 }
      `,
    },
  ],
  invalid: [
    {
      name: 'reserved keys and keys outside the pattern',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  AWS_REGION: eu-west-1
                  _HANDLER: x
                  table-name: orders
                  1ST: x
                  A: x
      `,
      errors: [{ line: 7, column: 11 }, { line: 8, column: 11 }, { line: 9, column: 11 }, { line: 10, column: 11 }, { line: 11, column: 11 }],
    },
    {
      name: 'a Globals key once with the function inheriting it (an intrinsic local value replaces Globals, as in SAM), and both If branches',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          C: !Equals [a, b]
        Globals:
          Function:
            Environment:
              Variables:
                AWS_SESSION_TOKEN: x
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables: !If [C, { my.key: 1 }, { LAMBDA_TASK_ROOT: 2 }]
      `,
      errors: [{ line: 8, column: 9, related: [[10, 3]] }, { line: 16, column: 30 }, { line: 16, column: 45 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Environment": { "Variables": { "AWS_ACCESS_KEY_ID": "x" } } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 55 }],
    },
  ],
});
