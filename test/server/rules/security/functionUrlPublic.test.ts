import { functionUrlPublic } from '../../../../server/src/rules/security/functionUrlPublic';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(functionUrlPublic, {
  valid: [
    {
      name: 'IAM-authenticated function URLs and an unknown AuthType',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Auth: { Type: String }
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: { AuthType: AWS_IAM }
          Url:
            Type: AWS::Lambda::Url
            Properties: { TargetFunctionArn: !Ref A, AuthType: !Ref Auth }
      `,
    },
  ],
  invalid: [
    {
      name: 'AuthType NONE on SAM (Globals once) and on AWS::Lambda::Url, with a parameter Default and an If branch',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Auth: { Type: String, Default: NONE }
        Conditions:
          C: !Equals [a, b]
        Globals:
          Function:
            FunctionUrlConfig:
              AuthType: NONE
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: { AuthType: !If [C, AWS_IAM, NONE] }
          Url:
            Type: AWS::Lambda::Url
            Properties: { TargetFunctionArn: !Ref A, AuthType: !Ref Auth }
      `,
      errors: [
        { line: 9, column: 17, related: [[11, 3]] },
        { line: 16, column: 55 },
        { line: 19, column: 56, related: [[3, 34]] },
      ],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Url",\n      "Properties": { "TargetFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:f", "AuthType": "NONE" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 108 }],
    },
  ],
});
