import { imagePackage } from '../../../../server/src/rules/limits/imagePackage';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(imagePackage, {
  valid: [
    {
      name: 'image functions with an ImageUri, SAM build Metadata, or IgnoreGlobals for a Globals Runtime',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.13
            Handler: app.handler
        Resources:
          A:
            Type: AWS::Serverless::Function
            IgnoreGlobals: '*'
            Properties:
              PackageType: Image
              ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1
          B:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [Runtime, Handler]
            Properties:
              PackageType: Image
            Metadata:
              Dockerfile: Dockerfile
              DockerContext: ./b
          C:
            Type: AWS::Lambda::Function
            Properties:
              PackageType: Image
              Code: { ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/c:1 }
      `,
    },
  ],
  invalid: [
    {
      name: 'Handler, Runtime and Layers on an image function, one from Globals',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Layers: [!Ref Shared]
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              PackageType: Image
              ImageUri: repo/a:1
              Handler: app.handler
              Runtime: python3.13
      `,
      errors: [{ line: 4, column: 5, related: [[6, 3], [9, 20]] }, { line: 11, column: 7 }, { line: 12, column: 7 }],
    },
    {
      name: 'image functions without an image',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Pkg: { Type: String, Default: Image }
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { PackageType: !Ref Pkg }
          B:
            Type: AWS::Lambda::Function
            Properties: { PackageType: Image, Code: { S3Bucket: b, S3Key: k } }
      `,
      errors: [{ line: 7, column: 32, related: [[3, 33]] }, { line: 10, column: 32 }],
    },
    {
      name: 'Handler when an If branch makes the function an image',
      template: yaml`
        Conditions:
          C: !Equals [a, b]
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              PackageType: !If [C, Zip, Image]
              Handler: index.handler
              Code: { ImageUri: repo/a:1 }
      `,
      errors: [{ line: 8, column: 7 }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "PackageType": "Image", "Runtime": "python3.13", "Code": { "ImageUri": "repo/a:1" } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 47 }],
    },
  ],
});
