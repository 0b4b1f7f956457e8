import { inlineCode } from '../../../../server/src/rules/limits/inlineCode';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(inlineCode, {
  valid: [
    {
      name: 'inline code for Node.js and Python, and long inline code (no character cap)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs22.x
              Handler: index.handler
              Code: { ZipFile: "${'x'.repeat(5000)}" }
          B:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              Handler: index.handler
              InlineCode: print(1)
          C:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: java21
              Code: { S3Bucket: b, S3Key: k }
      `,
    },
  ],
  invalid: [
    {
      name: 'a Java runtime from Globals and a parameter Default, at the inline code key',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Rt: { Type: String, Default: ruby3.4 }
        Globals:
          Function:
            Runtime: java21
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: code
          B:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: !Ref Rt
              Code:
                ZipFile: code
      `,
      errors: [
        { line: 11, column: 7, related: [[6, 14], [8, 3]] },
        { line: 17, column: 9, related: [[15, 16], [3, 32]] },
      ],
    },
    {
      name: 'inline code with PackageType Image',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              PackageType: Image
              Code: { ZipFile: code }
      `,
      errors: [{ line: 6, column: 15, related: [[5, 20]] }],
    },
    {
      name: 'the Java branch of an If',
      template: yaml`
        Conditions:
          C: !Equals [a, b]
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: !If [C, python3.13, java21]
              Code: { ZipFile: code }
      `,
      errors: [{ line: 8, column: 15 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Runtime": "go1.x", "Handler": "main", "Code": { "ZipFile": "x" } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 72 }],
    },
  ],
});
