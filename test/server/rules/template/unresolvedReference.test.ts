import assert from 'node:assert/strict';
import { unresolvedReference } from '../../../../server/src/rules/template/unresolvedReference';
import { ruleTester, runRule } from '../../../support/ruleTester';

const sam = (resources: string, rest = '') => `Transform: AWS::Serverless-2016-10-31\n${rest}Resources:\n${resources}`;
const fn = (id: string, props = '') => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs22.x\n      CodeUri: src/\n${props}`;

ruleTester(unresolvedReference, {
  valid: [
    { name: 'Ref, GetAtt and Sub to resources, parameters and pseudo parameters', template: sam(fn('Fn', '      Environment:\n        Variables:\n          A: !Ref Q\n          B: !GetAtt Q.Arn\n          C: !Sub "${Q.QueueName}-${Stage}-${AWS::Region}"\n          D: !Ref AWS::StackName\n') + '  Q:\n    Type: AWS::SQS::Queue\n', 'Parameters:\n  Stage:\n    Type: String\n') },
    { name: 'a !Sub variables map binds its names', template: sam('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub\n        - "${Name}-topic"\n        - Name: x\n') },
    { name: 'SAM-generated ids: the role, the alias, the implicit API and its stage', template: sam(fn('Fn', '      AutoPublishAlias: live\n      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /\n            Method: get\n') + '  Out:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "${FnRole.Arn}-${ServerlessRestApi}-${ServerlessRestApiProdStage}"\n      DisplayName: !Ref Fn.Alias\n') },
    { name: 'conditions named by resources, !If and Condition', template: 'Conditions:\n  IsProd: !Equals [!Ref AWS::Region, us-east-1]\n  Both: !And [{ Condition: IsProd }, { Condition: IsProd }]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: Both\n    Properties:\n      DelaySeconds: !If [IsProd, 1, 2]\n' },
    { name: 'custom resources and nested stack outputs take any attribute', template: 'Resources:\n  C:\n    Type: Custom::Thing\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/t.yaml\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "${C.Anything}-${S.Outputs.Name}"\n' },
    { name: 'names made by Fn::ForEach loops', template: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Topics:\n    - Name\n    - [A, B]\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n        Properties:\n          TopicName: !Ref Name\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: TopicA\n' },
    { name: 'a macro may add anything', template: 'Transform: MyMacro\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Made\n' },
  ],
  invalid: [
    { name: '!GetAtt to a resource that does not exist', template: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt ReaderRole.Arn\n', errors: [{ line: 5, column: 21, messageIncludes: '!GetAtt ReaderRole.Arn' }] },
    { name: 'Ref, DependsOn, Fn::GetAtt list and Condition with typos', template: 'Parameters:\n  Stage:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Stag, prod]\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Condition: IsProdd\n    DependsOn: [Topic, Topc]\n    Properties:\n      QueueName: { "Fn::GetAtt": [Topix, TopicName] }\n  Topic:\n    Type: AWS::SNS::Topic\n', errors: [{ line: 5, column: 25, messageIncludes: 'Did you mean Stage?' }, { line: 9, column: 16 }, { line: 10, column: 24 }, { line: 12, column: 35 }] },
    { name: 'an attribute the type does not have, in !GetAtt and !Sub', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Q.Arnn\n      DisplayName: !Sub "x-${Q.Url}"\n', errors: [{ line: 7, column: 28, messageIncludes: 'did you mean Arn?' }, { line: 8, column: 32 }] },
    { name: '${X} in a JSON !Sub names nothing', template: '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::Sub": "a-${Missing}" } } }\n  }\n}\n', errors: [{ line: 3, column: 86 }] },
    { name: 'FnRole of a function that sets Role', template: sam(fn('Fn', '      Role: arn:aws:iam::123456789012:role/x\n') + '  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt FnRole.Arn\n'), errors: [{ line: 13, column: 26, messageIncludes: 'sets Role' }] },
    { name: 'a pseudo parameter that does not exist and a parameter given an attribute', template: 'Parameters:\n  P:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref AWS::Regio\n      RedriveAllowPolicy: !GetAtt P.Value\n', errors: [{ line: 8, column: 23 }, { line: 9, column: 35 }] },
  ],
});

describe('template/unresolved-reference quick fix', () => {
  it('replaces the misspelled id with the closest one', () => {
    const text = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Queu.QueueName\n';
    const [d] = runRule(unresolvedReference, text);
    const edit = d!.fixes[0]!.edits[0]!;
    assert.equal(edit.newText, 'Queue');
    assert.equal(text.slice(edit.range.start, edit.range.end), 'Queu');
  });
});
