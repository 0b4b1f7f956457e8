import { zipNeedsHandler } from '../../../../server/src/rules/runtime/zipNeedsHandler';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(zipNeedsHandler, {
  valid: [
    {
      name: 'Handler and Runtime set directly, through Globals, or unknown; image functions',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Pkg: { Type: String }
        Globals:
          Function:
            Runtime: provided.al2023
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { CodeUri: src/, Handler: bootstrap }
            Metadata: { BuildMethod: makefile }
          B:
            Type: AWS::Serverless::Function
            Properties: { ImageUri: repo/b:1 }
          C:
            Type: AWS::Lambda::Function
            Properties: { PackageType: !Ref Pkg }
          D:
            Type: AWS::Lambda::Function
            Properties: { Code: { ImageUri: repo/d:1 } }
          E:
            Type: AWS::Lambda::Function
            Properties: { Handler: !Ref Handler, Runtime: nodejs22.x, Code: { ZipFile: x } }
      `,
    },
    {
      name: 'Properties of the wrong type (left to schema validation)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: not a map
      `,
    },
  ],
  invalid: [
    {
      name: 'missing Handler, missing Runtime (not given by Globals), an empty Handler, at the code key or the logical id',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Handler: app.handler
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
          B:
            Type: AWS::Lambda::Function
            Properties:
              PackageType: Zip
              Runtime: nodejs22.x
              Handler:
          C:
            Type: AWS::Lambda::Function
      `,
      errors: [{ line: 9, column: 7, messageIncludes: 'without Runtime' }, { line: 13, column: 7, messageIncludes: 'without Handler' }, { line: 16, column: 3, messageIncludes: 'without Handler or Runtime' }],
    },
    {
      name: 'a SAM function that ignores the Globals that would have given it a Handler',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Handler: app.handler
        Resources:
          A:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [Handler]
            Properties: { InlineCode: x, Runtime: python3.13 }
      `,
      errors: [{ line: 9, column: 19 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Runtime": "nodejs22.x", "Code": { "S3Bucket": "b", "S3Key": "k" } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 48 }],
    },
  ],
});
