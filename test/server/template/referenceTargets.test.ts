import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { references } from '../../../server/src/template/refs';
import { missingAttribute, referenceTarget } from '../../../server/src/template/referenceTargets';

const targets = (text: string) => {
  const t = buildTemplate(text);
  return references(t).map((r) => [r.to, referenceTarget(t, r)?.kind ?? 'unresolved']);
};

describe('reference targets', () => {
  it('tells resources, parameters, pseudo parameters, conditions and nothing apart', () => {
    assert.deepEqual(
      targets('Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: C\n    Properties:\n      QueueName: !Sub "${P}-${AWS::Region}-${Q2}-${AWS::Nowhere}"\n'),
      [['P', 'parameter'], ['C', 'condition'], ['P', 'parameter'], ['AWS::Region', 'pseudo'], ['Q2', 'unresolved'], ['AWS::Nowhere', 'unresolved']],
    );
  });

  it('knows what SAM generates and what a loop or a macro may make', () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: i.h\n      Runtime: nodejs22.x\n      AutoPublishAlias: live\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "${FnRole}-${Fn.Alias}-${FnAliaslive}-${FnAliasbeta}"\n';
    assert.deepEqual(targets(sam).map(([, k]) => k), ["generated", "resource", "generated", "unresolved"]);
    assert.deepEqual(targets('Transform: [Mine]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: Made\n').map(([, k]) => k), ['opaque']);
  });

  it('judges GetAtt attributes by the type, through SAM properties, and leaves custom resources alone', () => {
    const t = buildTemplate('Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: i.h\n      Runtime: nodejs22.x\n      AutoPublishAlias: live\n  C:\n    Type: Custom::Thing\n');
    const fn = { kind: 'resource' as const, id: 'Fn', type: 'AWS::Serverless::Function', range: { start: 0, end: 0 } };
    assert.equal(missingAttribute(t, fn, 'Arn'), undefined);
    assert.deepEqual(missingAttribute(t, fn, 'Alias.Nam'), { of: 'Fn.Alias', type: 'AWS::Lambda::Alias', attribute: 'Nam', attributes: ['AliasArn'] });
    assert.equal(missingAttribute(t, { kind: 'resource', id: 'C', type: 'Custom::Thing', range: { start: 0, end: 0 } }, 'Anything'), undefined);
  });
});
