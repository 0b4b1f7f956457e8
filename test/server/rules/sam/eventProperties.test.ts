import { eventProperties } from '../../../../server/src/rules/sam/eventProperties';
import { ruleTester } from '../../../support/ruleTester';

const t = (events: string, more = '') => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Events:
${events}${more}`;

const MSK = `        Orders:
          Type: MSK
          Properties:
            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc
            StartingPosition: LATEST
            Topics: [orders]
            SchemaRegistryConfig:
              SchemaRegistryURI: arn:aws:glue:us-east-1:123456789012:registry/orders
              EventRecordFormat: JSON
              SchemaValidationConfigs:
                - Attribute: VALUE
`;
const POOL = '  Pool:\n    Type: AWS::Cognito::UserPool\n';

ruleTester(eventProperties, {
  valid: [
    { name: 'a complete schema registry', template: t(MSK) },
    { name: 'an OnFailure destination of a known type', template: t('        Queue:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:orders\n            DestinationConfig:\n              OnFailure: { Type: SQS, Destination: arn:aws:sqs:us-east-1:123456789012:dlq }\n') },
    {
      name: 'an SNS subscription through a queue SAM creates, and two Cognito triggers of one pool',
      template: t('        Topic:\n          Type: SNS\n          Properties: { Topic: !Ref Alerts, SqsSubscription: true }\n        SignUp:\n          Type: Cognito\n          Properties: { UserPool: !Ref Pool, Trigger: [PreSignUp, PostConfirmation] }\n', `${POOL}  Alerts:\n    Type: AWS::SNS::Topic\n`),
    },
  ],
  invalid: [
    {
      name: 'a schema registry without a record format and with validation configs that are not a list',
      template: t(MSK.replace('              EventRecordFormat: JSON\n', '').replace('              SchemaValidationConfigs:\n                - Attribute: VALUE\n', '              SchemaValidationConfigs: VALUE\n')),
      errors: [{ line: 16, column: 13, messageIncludes: 'EventRecordFormat' }, { line: 18, column: 40 }],
    },
    {
      name: 'a record format SAM does not know',
      template: t(MSK.replace('EventRecordFormat: JSON', 'EventRecordFormat: AVRO')),
      errors: [{ line: 18, column: 34 }],
    },
    {
      name: 'an SNS subscription to a queue without its URL',
      template: t('        Topic:\n          Type: SNS\n          Properties:\n            Topic: !Ref Alerts\n            SqsSubscription:\n              QueueArn: !GetAtt Queue.Arn\n', '  Alerts:\n    Type: AWS::SNS::Topic\n  Queue:\n    Type: AWS::SQS::Queue\n'),
      errors: [{ line: 14, column: 13, messageIncludes: 'QueueUrl' }],
    },
    {
      name: 'a Cognito pool named by a string, and a trigger set twice on one pool',
      template: t('        A:\n          Type: Cognito\n          Properties: { UserPool: Pool, Trigger: PreSignUp }\n        B:\n          Type: Cognito\n          Properties: { UserPool: !Ref Pool, Trigger: PreSignUp }\n        C:\n          Type: Cognito\n          Properties: { UserPool: !Ref Pool, Trigger: PreSignUp }\n', POOL),
      errors: [{ line: 12, column: 35 }, { line: 18, column: 55, messageIncludes: 'event B of Fn' }],
    },
    {
      name: 'a destination config without OnFailure, and an OnFailure type SAM does not know',
      template: t('        A:\n          Type: Kinesis\n          Properties:\n            Stream: arn:aws:kinesis:us-east-1:123456789012:stream/orders\n            StartingPosition: LATEST\n            DestinationConfig:\n              Failure: { Type: SNS, Destination: arn:aws:sns:us-east-1:123456789012:alerts }\n        B:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:orders\n            DestinationConfig:\n              OnFailure: { Type: Lambda, Destination: arn:aws:lambda:us-east-1:123456789012:function:f }\n'),
      errors: [{ line: 15, column: 13, messageIncludes: 'needs OnFailure' }, { line: 22, column: 34 }],
    },
    {
      name: 'a filter criteria key other than Filters',
      template: t('        Queue:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:orders\n            FilterCriteria:\n              Filter: [{ Pattern: "{}" }]\n'),
      errors: [{ line: 15, column: 15 }],
    },
  ],
});
