import assert from 'node:assert/strict';
import { get, getPath } from '../../../server/src/template/ast';
import type { Node } from '../../../server/src/template/ast';
import { buildTemplate } from '../../../server/src/template/model';
import { functionById, functionsOf, fromGlobals } from '../../../server/src/template/functions';

const text = [
  'Transform: AWS::Serverless-2016-10-31',
  'Globals:',
  '  Function:',
  '    Runtime: python3.12',
  '    Timeout: 10',
  '    Layers: [!Ref Shared]',
  '    Environment:',
  '      Variables: { STAGE: prod, LOG_LEVEL: info }',
  '    Tags: { team: a }',
  'Resources:',
  '  Plain:',
  '    Type: AWS::Serverless::Function',
  '  Own:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Timeout: 30',
  '      Layers: [!Ref Extra]',
  '      Environment:',
  '        Variables: { LOG_LEVEL: debug, TABLE: t }',
  '  Ignoring:',
  '    Type: AWS::Serverless::Function',
  '    IgnoreGlobals: [Runtime, Layers]',
  '  IgnoringAll:',
  '    Type: AWS::Serverless::Function',
  "    IgnoreGlobals: '*'",
  '  Lambda:',
  '    Type: AWS::Lambda::Function',
  '    Properties: { Timeout: 5 }',
  '',
].join('\n');
const t = buildTemplate(text);
const src = (n: Node | undefined) => (n ? text.slice(n.range.start, n.range.end) : undefined);
const lineOf = (n: Node | undefined) => (n ? text.slice(0, n.range.start).split('\n').length : undefined);

describe('function views and the SAM Globals merge', () => {
  it('lists SAM and Lambda functions in document order', () => {
    assert.deepEqual(functionsOf(t).map((f) => [f.id, f.sam]), [['Plain', true], ['Own', true], ['Ignoring', true], ['IgnoringAll', true], ['Lambda', false]]);
    assert.equal(functionById(t, 'Own')?.id, 'Own');
    assert.equal(functionById(t, 'Missing'), undefined);
  });

  it('gives a function without Properties every Globals value, at its Globals range', () => {
    const f = functionById(t, 'Plain')!;
    assert.equal(src(get(f.props, 'Runtime')), 'python3.12');
    assert.equal(lineOf(get(f.props, 'Runtime')), 4);
    assert.ok(fromGlobals(f, get(f.props, 'Timeout')!.range));
  });

  it('overrides scalars, merges maps key by key and appends lists, keeping where each value was written', () => {
    const f = functionById(t, 'Own')!;
    assert.equal(src(get(f.props, 'Timeout')), '30');
    assert.equal(fromGlobals(f, get(f.props, 'Timeout')!.range), false);
    const vars = getPath(f.props, ['Environment', 'Variables']);
    assert.ok(vars?.kind === 'map');
    assert.deepEqual(vars.pairs.map((p) => [p.key, src(p.value), fromGlobals(f, p.value.range)]), [
      ['STAGE', 'prod', true],
      ['LOG_LEVEL', 'debug', false],
      ['TABLE', 't', false],
    ]);
    const layers = get(f.props, 'Layers');
    assert.ok(layers?.kind === 'seq');
    assert.deepEqual(layers.items.map(src), ['!Ref Shared', '!Ref Extra']);
    assert.equal(src(getPath(f.props, ['Tags', 'team'])), 'a');
  });

  it('leaves out what IgnoreGlobals names, or all Globals for "*"', () => {
    const some = functionById(t, 'Ignoring')!;
    assert.equal(get(some.props, 'Runtime'), undefined);
    assert.equal(get(some.props, 'Layers'), undefined);
    assert.equal(src(get(some.props, 'Timeout')), '10');
    assert.deepEqual(functionById(t, 'IgnoringAll')!.props.pairs, []);
  });

  it('never merges Globals into AWS::Lambda::Function', () => {
    const f = functionById(t, 'Lambda')!;
    assert.deepEqual(f.props.pairs.map((p) => p.key), ['Timeout']);
    assert.equal(f.globalsRange, undefined);
  });
});
