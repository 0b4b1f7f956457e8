import { s3BucketNotInTemplate } from '../../../../server/src/rules/events/s3BucketNotInTemplate';
import { ruleTester, yaml } from '../../../support/ruleTester';

const withBucket = (bucket: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    ExistingBucket: { Type: String, Default: my-bucket }
  Resources:
    Uploads:
      Type: AWS::S3::Bucket
    Jobs:
      Type: AWS::SQS::Queue
    Thumbnails:
      Type: AWS::Serverless::Function
      Properties:
        Events:
          Upload:
            Type: S3
            Properties:
              Bucket: ${bucket}
              Events: s3:ObjectCreated:*
`;

ruleTester(s3BucketNotInTemplate, {
  valid: [
    { name: 'a !Ref to a bucket of the template', template: withBucket('!Ref Uploads') },
    {
      name: 'a plain bucket notification to a function (not a SAM event)',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
          Existing:
            Type: AWS::S3::Bucket
            Properties:
              NotificationConfiguration:
                LambdaConfigurations: [{ Event: s3:ObjectCreated:*, Function: !GetAtt Fn.Arn }]
      `,
    },
  ],
  invalid: [
    { name: 'a bucket name', template: withBucket('my-bucket'), errors: [{ line: 16, column: 21 }] },
    { name: 'a parameter', template: withBucket('!Ref ExistingBucket'), errors: [{ line: 16, column: 21, messageIncludes: 'parameter ExistingBucket' }] },
    { name: 'a GetAtt of the bucket', template: withBucket('!GetAtt Uploads.Arn'), errors: [{ line: 16, column: 21 }] },
    { name: 'a Ref to a queue', template: withBucket('!Ref Jobs'), errors: [{ line: 16, column: 21, messageIncludes: 'AWS::SQS::Queue' }] },
    {
      name: 'the wrong branch of an If',
      template: withBucket('!If [UseExisting, my-bucket, !Ref Uploads]'),
      errors: [{ line: 16, column: 39 }],
    },
    {
      name: 'an S3 event without Bucket, at the event name',
      template: withBucket('!Ref Uploads').replace('            Bucket: !Ref Uploads\n', ''),
      errors: [{ line: 13, column: 9 }],
    },
  ],
});
