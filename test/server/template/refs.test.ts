import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { refGraph, refsIn } from '../../../server/src/template/refs';
import type { Edge } from '../../../server/src/template/refs';

const text = [
  'Parameters:',
  '  Stage: { Type: String }',
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  '  Role:',
  '    Type: AWS::IAM::Role',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    DependsOn: [Table, Queue]',
  '    Properties:',
  '      Role: !GetAtt Role.Arn',
  '      Environment:',
  '        Variables:',
  '          QUEUE: !Ref Queue',
  '          TABLE_ARN: !GetAtt [Table, Arn]',
  '          STAGE: !Ref Stage',
  '          REGION: !Ref AWS::Region',
  '          URL: !Sub "https://${Queue.QueueName}/${Elsewhere}/${AWS::Region}/${!Escaped}/${Table}"',
  '          ALIASED: !Sub ["${Name}-x", { Name: !Ref Queue }]',
  '          MISSING: !Ref NotInTemplate',
  '  Mapping:',
  '    Type: AWS::Lambda::EventSourceMapping',
  '    DependsOn: Fn',
  '    Properties:',
  '      FunctionName: { "Ref": "Fn" }',
  '      EventSourceArn: { "Fn::GetAtt": ["Queue", "Arn"] }',
  '',
].join('\n');
const t = buildTemplate(text);
const g = refGraph(t);
const show = (edges: readonly Edge[]) => edges.map((e) => `${e.from}->${e.to} ${e.kind}${e.attr ? `.${e.attr}` : ''} «${text.slice(e.range.start, e.range.end)}»`);

describe('reference graph', () => {
  it('records Ref, both GetAtt forms, Sub variables and DependsOn leaving a resource, with ranges', () => {
    assert.deepEqual(show(g.from('Fn')), [
      'Fn->Table DependsOn «Table»',
      'Fn->Queue DependsOn «Queue»',
      'Fn->Role GetAtt.Arn «!GetAtt Role.Arn»',
      'Fn->Queue Ref «!Ref Queue»',
      'Fn->Table GetAtt.Arn «!GetAtt [Table, Arn]»',
      'Fn->Stage Ref «!Ref Stage»',
      'Fn->Queue Sub.QueueName «!Sub "https://${Queue.QueueName}/${Elsewhere}/${AWS::Region}/${!Escaped}/${Table}"»',
      'Fn->Table Sub «!Sub "https://${Queue.QueueName}/${Elsewhere}/${AWS::Region}/${!Escaped}/${Table}"»',
      'Fn->Queue Ref «!Ref Queue»',
    ]);
  });

  it('excludes Sub local variables, pseudo parameters, escapes and ids outside the template', () => {
    const targets = g.from('Fn').map((e) => e.to);
    for (const id of ['Elsewhere', 'Name', 'AWS::Region', 'Escaped', 'NotInTemplate']) assert.ok(!targets.includes(id), id);
  });

  it('indexes the other direction: who points at a resource or parameter', () => {
    assert.deepEqual(show(g.to('Fn')), ['Mapping->Fn DependsOn «Fn»', 'Mapping->Fn Ref «{ "Ref": "Fn" }»']);
    assert.deepEqual([...new Set(g.to('Queue').map((e) => e.from))], ['Fn', 'Mapping']);
    assert.deepEqual(show(g.to('Stage')), ['Fn->Stage Ref «!Ref Stage»']);
    assert.deepEqual(g.to('Nobody'), []);
  });

  it('lists references inside any subtree, including ones that leave the template', () => {
    const fn = t.resources.get('Fn')!;
    assert.deepEqual(refsIn(t, fn.properties!).map((e) => e.to), ['Role', 'Queue', 'Table', 'Stage', 'Queue', 'Elsewhere', 'Table', 'Queue', 'NotInTemplate']);
  });
});
