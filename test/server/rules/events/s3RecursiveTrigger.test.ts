import { s3RecursiveTrigger } from '../../../../server/src/rules/events/s3RecursiveTrigger';
import { ruleTester, yaml } from '../../../support/ruleTester';

const sam = (policies: string, filter = '', env = '') => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Photos:
      Type: AWS::S3::Bucket
    Thumbs:
      Type: AWS::S3::Bucket
    Resize:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        Runtime: python3.13
        Policies: ${policies}${env}
        Events:
          Upload:
            Type: S3
            Properties:
              Bucket: !Ref Photos
              Events: s3:ObjectCreated:*${filter}
`;

const PREFIX = "\n              Filter: { S3Key: { Rules: [{ Name: prefix, Value: uploads/ }] } }";

ruleTester(s3RecursiveTrigger, {
  valid: [
    { name: 'reading the source and writing to another bucket', template: sam('[{ S3ReadPolicy: { BucketName: !Ref Photos } }, { S3WritePolicy: { BucketName: !Ref Thumbs } }]') },
    { name: 'writing back behind a prefix filter', template: sam('[{ S3CrudPolicy: { BucketName: !Ref Photos } }]', PREFIX) },
    {
      name: 'writing back behind a filter whose value is not known',
      template: sam('[{ S3CrudPolicy: { BucketName: !Ref Photos } }]', "\n              Filter: { S3Key: { Rules: [{ Name: !Ref AWS::NoValue, Value: !ImportValue upload-prefix }] } }"),
    },
    {
      name: 'a role that cannot be read and no output variable',
      template: sam('[arn:aws:iam::123456789012:policy/custom]'),
    },
    {
      name: 'a delete-only trigger',
      template: sam('[{ S3CrudPolicy: { BucketName: !Ref Photos } }]').replace('s3:ObjectCreated:*', 's3:ObjectRemoved:*'),
    },
  ],
  invalid: [
    {
      name: 'a CRUD policy on the triggering bucket, the grant related',
      template: sam('[{ S3CrudPolicy: { BucketName: !Ref Photos } }]'),
      errors: [{ line: 17, column: 21, severity: 'warning', related: [[12, 18]] }],
    },
    {
      name: 'an output variable naming the triggering bucket',
      template: sam('[arn:aws:iam::123456789012:policy/custom]', '', '\n        Environment:\n          Variables:\n            OUTPUT_BUCKET: !Ref Photos'),
      errors: [{ line: 20, column: 21, related: [[15, 11]] }],
    },
    {
      name: 'an IAM role allowing s3:PutObject on the bucket through a bucket notification',
      template: yaml`
        Resources:
          Photos:
            Type: AWS::S3::Bucket
            Properties:
              NotificationConfiguration:
                LambdaConfigurations:
                  - { Event: s3:ObjectCreated:*, Function: !GetAtt Resize.Arn }
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
              Policies:
                - PolicyName: write
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutObject]
                        Resource: !Sub '\${Photos.Arn}/*'
          Resize:
            Type: AWS::Lambda::Function
            Properties: { Handler: app.handler, Runtime: python3.13, Role: !GetAtt Role.Arn, Code: { ZipFile: x } }
      `,
      errors: [{ line: 7, column: 13, related: [[17, 17]] }],
    },
  ],
});
