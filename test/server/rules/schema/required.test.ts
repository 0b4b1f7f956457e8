import { required } from '../../../../server/src/rules/schema/required';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(required, {
  valid: [
    { name: 'a complete function and Api event', template: yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Get: { Type: Api, Properties: { Path: /, Method: get } }
    ` },
    { name: 'a structure completed by Globals', template: yaml`
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Api: { Domain: { DomainName: example.com, CertificateArn: arn } }
      Resources:
        A:
          Type: AWS::Serverless::Api
          Properties: { StageName: prod, Domain: { BasePath: [/v1] } }
    ` },
  ],
  invalid: [
    { name: 'an Api event without Method', template: yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Get:
                Type: Api
                Properties:
                  Path: /items
    `, errors: [{ line: 9, column: 11, messageIncludes: 'Method' }] },
    { name: 'a resource without its required properties, and a nested structure without its own', template: yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
        Q:
          Type: AWS::SQS::Queue
          Properties:
            RedrivePolicy: {}
        Sub:
          Type: AWS::SNS::Subscription
          Properties: { Protocol: sqs }
    `, errors: [{ line: 2, column: 3, messageIncludes: 'Code, Role' }, { line: 10, column: 5, messageIncludes: 'TopicArn' }] },
  ],
});
