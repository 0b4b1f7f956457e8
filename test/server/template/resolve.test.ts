import assert from 'node:assert/strict';
import { get, getPath } from '../../../server/src/template/ast';
import type { Range } from '../../../server/src/template/ast';
import { buildTemplate } from '../../../server/src/template/model';
import { parseText } from '../../../server/src/template/parse';
import { branches, getAll, isNoValue, refTarget, resolve, resolveNumbers, resolveOne, resolveStrings } from '../../../server/src/template/resolve';

const text = [
  'Parameters:',
  '  Memory: { Type: Number, Default: 512 }',
  '  NoDefault: { Type: String }',
  '  FromSsm: { Type: "AWS::SSM::Parameter::Value<String>", Default: /app/x }',
  '  Stage: { Type: String, Default: prod }',
  'Mappings:',
  '  Sizes:',
  '    prod: { mem: 1024, timeout: 30 }',
  '    dev: { mem: 256, timeout: 3 }',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Literal: 128',
  '      Text: hello',
  '      FromParam: !Ref Memory',
  '      FromUnknownParam: !Ref NoDefault',
  '      FromSsmParam: !Ref FromSsm',
  '      Branches: !If [C, 1024, !Ref Memory]',
  '      BranchNoValue: !If [C, 5, !Ref AWS::NoValue]',
  '      MapLiteral: !FindInMap [Sizes, prod, mem]',
  '      MapByParam: !FindInMap [Sizes, !Ref Stage, timeout]',
  '      MapUnknownKey: !FindInMap [Sizes, !Ref AWS::Region, mem]',
  '      MapMissing: !FindInMap [Nope, a, b]',
  '      SubPlain: !Sub plain-text',
  '      SubEscaped: !Sub "cost-${!Literal}"',
  '      SubVariable: !Sub "${AWS::StackName}-fn"',
  '      Joined: !Join ["-", [a, !Ref Stage]]',
  '      Selected: !Select [1, [x, y]]',
  '      Attr: !GetAtt Other.Arn',
  '      Imported: !ImportValue shared',
  '      Pseudo: !Ref AWS::Region',
  '      NumberText: "42"',
  '      Empty:',
  '',
].join('\n');
const t = buildTemplate(text);
const prop = (key: string) => getPath(t.resources.get('Fn')!.node, ['Properties', key]);
const src = (r: Range) => text.slice(r.start, r.end);
const values = (key: string) => resolve(t, prop(key)).map((c) => c.value);

describe('value resolution', () => {
  it('resolves a literal at its own range', () => {
    const [c] = resolve(t, prop('Literal'));
    assert.deepEqual([c!.value, src(c!.at), c!.via], [128, '128', []]);
  });

  it('resolves a Ref to a parameter Default at the Ref, via the Default', () => {
    const [c] = resolve(t, prop('FromParam'));
    assert.equal(c!.value, 512);
    assert.equal(src(c!.at), '!Ref Memory');
    assert.deepEqual(c!.via.map(src), ['512']);
  });

  it('gives both If branches, and none for AWS::NoValue', () => {
    const cs = resolve(t, prop('Branches'));
    assert.deepEqual(cs.map((c) => [c.value, src(c.at)]), [[1024, '1024'], [512, '!Ref Memory']]);
    assert.deepEqual(values('BranchNoValue'), [5]);
  });

  it('looks up FindInMap over literal keys, through a parameter Default, and every entry for an unknown key', () => {
    const [c] = resolve(t, prop('MapLiteral'));
    assert.equal(c!.value, 1024);
    assert.equal(src(c!.at), '!FindInMap [Sizes, prod, mem]');
    assert.deepEqual(c!.via.map(src), ['1024']);
    assert.deepEqual(values('MapByParam'), [30]);
    assert.deepEqual(values('MapUnknownKey'), [1024, 256]);
    assert.deepEqual(values('MapMissing'), []);
  });

  it('resolves Sub without variables (unescaping ${!...}), Join and Select over known parts', () => {
    assert.deepEqual(values('SubPlain'), ['plain-text']);
    assert.deepEqual(values('SubEscaped'), ['cost-${Literal}']);
    assert.deepEqual(values('Joined'), ['a-prod']);
    assert.deepEqual(values('Selected'), ['y']);
  });

  it('leaves unknown values empty: no Default, SSM parameter types, Sub with variables, GetAtt, ImportValue, pseudo parameters, null', () => {
    for (const key of ['FromUnknownParam', 'FromSsmParam', 'SubVariable', 'Attr', 'Imported', 'Pseudo', 'Empty', 'Missing']) {
      assert.deepEqual(values(key), [], key);
    }
  });

  it('converts numbers and strings for typed callers', () => {
    assert.deepEqual(resolveNumbers(t, prop('NumberText')).map((c) => c.value), [42]);
    assert.deepEqual(resolveNumbers(t, prop('Text')), []);
    assert.deepEqual(resolveStrings(t, prop('Literal')).map((c) => c.value), ['128']);
    assert.equal(resolveOne(t, prop('Branches')), undefined);
    assert.equal(resolveOne(t, prop('Literal'))?.value, 128);
  });

  it('walks structure behind If branches without NoValue', () => {
    const doc = parseText('V: !If [C, { A: 1 }, !If [D, { A: 2 }, !Ref AWS::NoValue]]\n');
    const v = get(doc.root, 'V');
    assert.equal(branches(v).length, 2);
    assert.deepEqual(getAll(v, 'A').map((n) => (n.kind === 'scalar' ? n.value : null)), [1, 2]);
    assert.equal(isNoValue(get(parseText('V: !Ref AWS::NoValue\n').root, 'V')!), true);
  });

  it('names the target of Ref and both GetAtt forms', () => {
    const doc = parseText('A: !Ref Q\nB: !GetAtt Q.Arn\nC: !GetAtt [Q, Arn]\nD: { "Fn::GetAtt": ["Q", "QueueName"] }\nE: plain\n');
    assert.deepEqual(['A', 'B', 'C', 'D', 'E'].map((k) => refTarget(get(doc.root, k))), [
      { id: 'Q' },
      { id: 'Q', attr: 'Arn' },
      { id: 'Q', attr: 'Arn' },
      { id: 'Q', attr: 'QueueName' },
      undefined,
    ]);
  });
});

describe('template/resolve in a deployed stack scope', () => {
  const t = buildTemplate(
    [
      'Parameters:',
      '  Stage: { Type: String, Default: dev }',
      '  Secret: { Type: String, NoEcho: true, Default: x }',
      'Conditions:',
      '  IsProd: !Equals [!Ref Stage, prod]',
      '  NotProd: !Not [!Condition IsProd]',
      '  Either: !And [!Condition IsProd, !Equals [!Ref Secret, y]]',
      '  Short: !Or [!Condition IsProd, !Equals [!Ref Secret, y]]',
      'Resources:',
      '  Table: { Type: AWS::DynamoDB::Table }',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Stage: !Ref Stage',
      '      Memory: !If [IsProd, 1024, 512]',
      '      Inverted: !If [NotProd, 1, 2]',
      '      Unknown: !If [Either, 1, 2]',
      '      Decided: !If [Short, 1, 2]',
      '      Name: !Sub "${AWS::StackName}-${Stage}-${Table}"',
      '      Vars: !Sub ["${Prefix}-${AWS::Region}", { Prefix: !Ref Stage }]',
      '      Escaped: !Sub "${!Literal}-${Stage}"',
      '      Attr: !Sub "${Table.Arn}"',
      '      Hidden: !Ref Secret',
    ].join('\n'),
  );
  const props = t.resources.get('Fn')!.properties;
  const scope = { parameters: { Stage: 'prod' }, pseudo: { 'AWS::StackName': 'orders', 'AWS::Region': 'eu-west-1' }, resources: { Table: 'orders-Table-1' } };
  const one = (key: string) => resolveOne(t, get(props, key), scope)?.value;

  it('takes the stack parameter values, pseudo parameters and physical ids instead of the defaults', () => {
    assert.equal(one('Stage'), 'prod');
    assert.equal(resolveOne(t, get(props, 'Stage'))?.value, 'dev', 'without a scope the Default still applies');
    assert.equal(one('Name'), 'orders-prod-orders-Table-1');
    assert.equal(one('Vars'), 'prod-eu-west-1');
    assert.equal(one('Escaped'), '${Literal}-prod');
  });

  it('takes the branch its condition chose, and stays unknown where the condition or a value is', () => {
    assert.equal(one('Memory'), 1024);
    assert.equal(one('Inverted'), 2);
    assert.equal(resolve(t, get(props, 'Unknown'), scope).length, 2, 'a NoEcho parameter leaves Either unknown: both branches');
    assert.equal(one('Decided'), 1, 'Or with one true condition is true, whatever the other');
    assert.equal(one('Attr'), undefined);
    assert.equal(one('Hidden'), undefined, 'a parameter the stack does not show (NoEcho) is not its Default');
  });
});
