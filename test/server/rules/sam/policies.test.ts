import { policies } from '../../../../server/src/rules/sam/policies';
import { ruleTester } from '../../../support/ruleTester';

const t = (entries: string) => `Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Policies:
${entries}`;

ruleTester(policies, {
  valid: [
    {
      name: 'managed names and ARNs, a document, templates with their parameters and a Fn::If of one kind',
      template: t(`        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: '*'
        - DynamoDBReadPolicy:
            TableName: orders
        - CloudWatchPutMetricPolicy: {}
        - !If [IsProd, AWSXrayWriteOnlyAccess, !Ref AWS::NoValue]
`),
    },
    { name: 'one managed policy instead of a list', template: t('        AWSLambdaBasicExecutionRole\n').replace('Policies:\n        ', 'Policies: ') },
  ],
  invalid: [
    {
      name: 'a misspelt template, a missing parameter, parameters that are not a map, a mixed Fn::If and a map without Statement',
      template: t(`        - DynamoDbReadPolicy:
            TableName: orders
        - SQSPollerPolicy: {}
        - S3ReadPolicy: my-bucket
        - !If [IsProd, AWSXrayWriteOnlyAccess, { Statement: [] }]
        - Effect: Allow
          Action: s3:GetObject
`),
      errors: [
        { line: 12, column: 11, messageIncludes: 'did you mean DynamoDBReadPolicy?' },
        { line: 14, column: 11, messageIncludes: 'QueueName' },
        { line: 15, column: 25 },
        { line: 16, column: 11 },
        { line: 17, column: 11 },
      ],
    },
  ],
});
