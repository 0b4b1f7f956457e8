import { codeUri } from '../../../../server/src/rules/sam/codeUri';
import { ruleTester } from '../../../support/ruleTester';

const fn = (uri: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: ${uri}\n`;

ruleTester(codeUri, {
  valid: [
    { name: 'a local folder', template: fn('src/') },
    { name: 'an S3 URI with a version', template: fn('s3://my-bucket/code.zip?versionId=abc') },
    { name: 'a map of Bucket and Key', template: fn('{ Bucket: my-bucket, Key: code.zip, Version: abc }') },
  ],
  invalid: [
    { name: 'an https URL', template: fn('https://example.com/code.zip'), errors: [{ line: 6, column: 16 }] },
    { name: 'a map without Key', template: fn('{ Bucket: my-bucket, Version: 3 }'), errors: [{ line: 6, column: 7, messageIncludes: 'Key is missing' }] },
    { name: 'a malformed S3 URI', template: fn("'s3://[TOKEN]/key'"), errors: [{ line: 6, column: 16 }] },
  ],
});
