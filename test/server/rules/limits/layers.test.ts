import { layers } from '../../../../server/src/rules/limits/layers';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(layers, {
  valid: [
    {
      name: 'five layers after the Globals append, and layers that may be absent',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          C: !Equals [a, b]
        Globals:
          Function:
            Layers: [!Ref L1, !Ref L2]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Layers: [!Ref L3, !Ref L4, !Ref L5, !If [C, !Ref L6, !Ref AWS::NoValue], !Ref AWS::NoValue]
      `,
    },
    {
      name: 'a list from a parameter (unknown count)',
      template: yaml`
        Parameters:
          LayerArns: { Type: CommaDelimitedList }
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties: { Layers: !Ref LayerArns }
      `,
    },
  ],
  invalid: [
    {
      name: 'six layers once Globals are appended, at the function\'s Layers key',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Layers: [!Ref L1, !Ref L2]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Layers: [!Ref L3, !Ref L4, !Ref L5, !Ref L6]
      `,
      errors: [{ line: 9, column: 7, messageIncludes: '6 layers (2 appended from Globals)' }],
    },
    {
      name: 'six layers in Globals alone, once with every inheriting function',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Layers: [a, b, c, d, e, f]
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
      `,
      errors: [{ line: 4, column: 5, related: [[6, 3], [8, 3]] }],
    },
    {
      name: 'the longer branch of an If',
      template: yaml`
        Conditions:
          C: !Equals [a, b]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Layers: !If [C, [a, b, c, d, e, f], [a]]
      `,
      errors: [{ line: 7, column: 7 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Layers": ["a", "b", "c", "d", "e", "f"] }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 23 }],
    },
  ],
});
