import { exclusiveProperties } from '../../../../server/src/rules/sam/exclusiveProperties';
import { ruleTester } from '../../../support/ruleTester';

const sam = (body: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n${body}`;

ruleTester(exclusiveProperties, {
  valid: [
    { name: 'a schedule with State only', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E: { Type: Schedule, Properties: { Schedule: rate(1 day), State: ENABLED } }\n') },
    { name: 'a tenant-isolated function behind an API', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      TenancyConfig: { TenantIsolationMode: PER_TENANT }\n      Events:\n        E: { Type: Api, Properties: { Path: /, Method: get } }\n') },
  ],
  invalid: [
    { name: 'State and Enabled on a schedule', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E: { Type: Schedule, Properties: { Schedule: rate(1 day), State: ENABLED, Enabled: true } }\n'), errors: [{ line: 7, column: 83 }] },
    { name: 'DefinitionUri with DefinitionBody', template: sam('  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionUri: s3://b/k\n      DefinitionBody: {}\n'), errors: [{ line: 7, column: 7 }] },
  ],
});
