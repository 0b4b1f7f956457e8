import { names } from '../../../../server/src/rules/limits/names';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(names, {
  valid: [
    {
      name: 'a 64-character name, a 256-character description, a 128-character handler, and a generated name',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: ${'a'.repeat(62)}-_
              Description: ${'d'.repeat(256)}
              Handler: ${'h'.repeat(128)}
          B:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub '\${AWS::StackName}-worker'
      `,
    },
  ],
  invalid: [
    {
      name: 'a long name, a name with a dot, and long Description and Handler',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Description: ${'d'.repeat(257)}
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: ${'a'.repeat(65)}
              Handler: ${'h'.repeat(129)}
          B:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: orders.process
              Description: short
      `,
      errors: [{ line: 4, column: 18, related: [[6, 3]] }, { line: 9, column: 21 }, { line: 10, column: 16 }, { line: 14, column: 21 }],
    },
    {
      name: 'a name from a parameter Default, and an If branch',
      template: yaml`
        Parameters:
          Name: { Type: String, Default: 'my function' }
        Conditions:
          C: !Equals [a, b]
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { FunctionName: !Ref Name }
          B:
            Type: AWS::Lambda::Function
            Properties: { FunctionName: !If [C, ok-name, 'bad/name'] }
      `,
      errors: [{ line: 8, column: 33, related: [[2, 34]] }, { line: 11, column: 50 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "FunctionName": "my:function" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 39 }],
    },
  ],
});
