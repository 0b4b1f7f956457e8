import { permissionPrincipal } from '../../../../server/src/rules/security/permissionPrincipal';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(permissionPrincipal, {
  valid: [
    {
      name: 'scoped service principals, an account principal, an organization and an Alexa skill token',
      template: yaml`
        Resources:
          S3:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: s3.amazonaws.com, SourceAccount: !Ref AWS::AccountId }
          Events:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: events.amazonaws.com, SourceArn: !GetAtt Rule.Arn }
          Account:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: '123456789012' }
          Org:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: '*', PrincipalOrgID: o-abc }
          Alexa:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: alexa-appkit.amazon.com, EventSourceToken: amzn1.ask.skill.1 }
      `,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" and an unscoped service principal, literal and through a parameter Default',
      template: yaml`
        Parameters:
          Svc: { Type: String, Default: sns.amazonaws.com }
        Resources:
          Any:
            Type: AWS::Lambda::Permission
            Properties:
              Action: lambda:InvokeFunction
              FunctionName: f
              Principal: '*'
          Sns:
            Type: AWS::Lambda::Permission
            Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: !Ref Svc }
      `,
      errors: [{ line: 9, column: 18 }, { line: 12, column: 78, related: [[2, 33]] }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::Lambda::Permission",\n      "Properties": { "Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "s3.amazonaws.com" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 92 }],
    },
  ],
});
