import assert from 'node:assert/strict';
import { circularDependency } from '../../../../server/src/rules/template/circularDependency';
import { ruleTester, runRule } from '../../../support/ruleTester';

const sam = (resources: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources}`;
const fn = (props: string) => `  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs22.x\n      CodeUri: src/\n${props}`;
const getEvent = (api = '') => `      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /\n            Method: get\n${api}`;

ruleTester(circularDependency, {
  valid: [
    { name: 'a chain without a way back', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    DependsOn: Q\n    Properties:\n      TopicName: !GetAtt Q.QueueName\n' },
    { name: 'a function naming its own generated role outside its policies', template: sam(fn('      Environment:\n        Variables:\n          ROLE: !GetAtt FnRole.Arn\n')) },
    { name: "a function naming the queue of its SQS event", template: sam(fn('      Environment:\n        Variables:\n          Q: !Ref Q\n      Events:\n        Q:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Q.Arn\n') + '  Q:\n    Type: AWS::SQS::Queue\n') },
    { name: 'an API with its definition in S3 does not depend on its functions', template: sam(fn('      Environment:\n        Variables:\n          API: !Ref Api\n' + getEvent('            RestApiId: !Ref Api\n')) + '  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionUri: s3://bucket/api.yaml\n') },
  ],
  invalid: [
    { name: 'DependsOn one way, GetAtt the other', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: T\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Q.QueueName\n', errors: [{ line: 4, column: 16, related: [[8, 26]] }, { line: 8, column: 26, related: [[4, 16]] }] },
    { name: 'a resource depending on itself', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "${Q.Arn}-x"\n', errors: [{ line: 5, column: 26 }] },
    { name: "a function whose policy names the function (its generated role)", template: sam(fn('      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: lambda:InvokeFunction\n              Resource: !GetAtt Fn.Arn\n')), errors: [{ line: 13, column: 33, messageIncludes: 'FnRole → Fn' }] },
    { name: 'a function naming the implicit API its event adds a route to', template: sam(fn('      Environment:\n        Variables:\n          URL: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com"\n' + getEvent())), errors: [{ line: 11, column: 32, messageIncludes: 'integration for Fn' }] },
    { name: 'a function naming the API whose definition SAM writes its integration into', template: sam(fn('      Environment:\n        Variables:\n          API: !Ref Api\n' + getEvent('            RestApiId: !Ref Api\n')) + '  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n'), errors: [{ line: 11, column: 21 }] },
    { name: 'a function naming the bucket that notifies it', template: sam(fn('      Environment:\n        Variables:\n          BUCKET: !Ref Images\n      Events:\n        Upload:\n          Type: S3\n          Properties:\n            Bucket: !Ref Images\n            Events: s3:ObjectCreated:*\n') + '  Images:\n    Type: AWS::S3::Bucket\n'), errors: [{ line: 11, column: 24, messageIncludes: 'notification' }] },
  ],
});

describe('template/circular-dependency message', () => {
  it('names the whole loop', () => {
    const [d] = runRule(circularDependency, 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: B\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: C\n  C:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n');
    assert.match(d!.message, /A → B → C → A/);
  });
});
