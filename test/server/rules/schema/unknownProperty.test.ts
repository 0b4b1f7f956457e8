import assert from 'node:assert/strict';
import { unknownProperty } from '../../../../server/src/rules/schema/unknownProperty';
import { ruleTester, runRule, yaml } from '../../../support/ruleTester';

const sam = (body: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n${body.replace(/^(?=.)/gm, '  ')}`;

ruleTester(unknownProperty, {
  valid: [
    { name: 'known properties of a SAM function, its events and Globals', template: sam(yaml`
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Runtime: python3.13
          Handler: app.handler
          CodeUri: src/
          MemorySize: 512
          Events:
            Jobs:
              Type: SQS
              Properties: { Queue: !GetAtt Q.Arn, BatchSize: 5 }
      Q:
        Type: AWS::SQS::Queue
        Properties: { VisibilityTimeout: 60 }
    `) },
    { name: 'a custom resource and a third-party type, whose properties are not specified', template: yaml`
      Resources:
        C: { Type: Custom::Thing, Properties: { Anything: 1 } }
        T: { Type: MyOrg::Service::Thing, Properties: { Anything: 1 } }
    ` },
    { name: 'a map built by a macro', template: yaml`
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties:
            Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://b/k } }
    ` },
    { name: 'embedded connectors on a CloudFormation resource of a SAM template', template: sam(yaml`
      Q:
        Type: AWS::SQS::Queue
        Connectors:
          Write: { Properties: { Destination: { Id: Fn }, Permissions: [Write] } }
    `) },
  ],
  invalid: [
    { name: 'a misspelt property with a suggestion', template: sam(yaml`
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Runtime: python3.13
          MemorySze: 512
    `), errors: [{ line: 7, column: 7, messageIncludes: 'did you mean MemorySize?' }] },
    { name: 'an unknown property of a SAM event', template: sam(yaml`
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Events:
            Jobs:
              Type: SQS
              Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:q, BatchSizee: 10 }
    `), errors: [{ line: 9, column: 70, messageIncludes: 'did you mean BatchSize?' }] },
    { name: 'an unknown property in a nested structure and an unknown resource attribute', template: yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          DependOn: Other
          Properties:
            Role: arn:aws:iam::123456789012:role/r
            Code: { ZipFile: x }
            VpcConfig: { SubnetId: [subnet-1] }
    `, errors: [{ line: 4, column: 5, messageIncludes: 'DependsOn' }, { line: 8, column: 20, messageIncludes: 'did you mean SubnetIds?' }] },
    { name: 'an unknown Globals section and property', template: sam(yaml`
      Fn: { Type: AWS::Serverless::Function }
    `).replace('Resources:', 'Globals:\n  Functon: { Timeout: 3 }\n  Api: { StageName: prod }\nResources:'), errors: [{ line: 3, column: 3, messageIncludes: 'did you mean Function?' }, { line: 4, column: 10 }] },
  ],
});

describe('schema/unknown-property quick fix', () => {
  it('renames the key to the suggestion', () => {
    const [d] = runRule(unknownProperty, sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { MemorySze: 512 }\n'));
    assert.deepEqual(d!.fixes.map((f) => [f.title, f.edits[0]!.newText]), [['Change to MemorySize', 'MemorySize']]);
  });
});
