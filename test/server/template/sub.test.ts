import assert from 'node:assert/strict';
import { get, getPath } from '../../../server/src/template/ast';
import type { Node } from '../../../server/src/template/ast';
import { buildTemplate } from '../../../server/src/template/model';
import type { Template } from '../../../server/src/template/model';
import { readSub, refKind, subStringParts } from '../../../server/src/template/sub';
import type { SubPart } from '../../../server/src/template/sub';
import { resolveOne, subString } from '../../../server/src/template/resolve';
import { functionRefOf } from '../../../server/src/template/functionRefs';
import { refGraph } from '../../../server/src/template/refs';
import { yaml } from '../../support/ruleTester';

/** The template with `value` as the Value of output O. */
function withOutput(value: string, extra = ''): { t: Template; node: Node } {
  const t = buildTemplate(`AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage: { Type: String, Default: dev }\n  Secret: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /x }\nResources:\n  Fn: { Type: AWS::Lambda::Function }\n${extra}Outputs:\n  O:\n    Value: ${value}\n`);
  return { t, node: getPath(t.root, ['Outputs', 'O', 'Value'])! };
}

/** Parts as short strings, each name followed by the document text at its range (or `-` without one). */
function show(t: Template, parts: readonly SubPart[]): string[] {
  return parts.map((p) => {
    const at = 'range' in p ? (p.range ? t.text.slice(p.range.start, p.range.end) : '-') : '';
    switch (p.kind) {
      case 'literal': return `'${p.text}'`;
      case 'ref': return `ref ${p.id}${p.attr !== undefined ? `.${p.attr}` : ''} @${at}`;
      case 'pseudo': return `pseudo ${p.name} @${at}`;
      case 'variable': return `var ${p.name} @${at}`;
      case 'unknown': return `unknown @${at}`;
    }
  });
}

const parts = (value: string) => {
  const { t, node } = withOutput(value);
  return show(t, readSub(t, node)!.parts);
};

describe('the !Sub reader', () => {
  it('reads references, attributes, pseudo parameters and literals of the string form', () => {
    assert.deepEqual(parts("!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}-${Stage}/${Fn.Arn}'"), [
      "'arn:'", 'pseudo AWS::Partition @AWS::Partition', "':lambda:'", 'pseudo AWS::Region @AWS::Region', "':'", 'pseudo AWS::AccountId @AWS::AccountId',
      "':function:'", 'ref Fn @Fn', "'-'", 'ref Stage @Stage', "'/'", 'ref Fn.Arn @Fn.Arn',
    ]);
  });

  it('binds the names of the variables map and keeps ${!Literal} as literal text', () => {
    assert.deepEqual(parts("!Sub ['${Fn}-${!Literal}-${Other}', { Fn: !ImportValue other }]"), ["var Fn @Fn", "'-${Literal}-'", 'ref Other @Other']);
    const { t, node } = withOutput("!Sub ['${Fn}', { Fn: !ImportValue other }]");
    const part = readSub(t, node)!.parts[0]!;
    assert.equal(part.kind === 'variable' && part.value.kind === 'intrinsic' ? part.value.fn : undefined, 'Fn::ImportValue');
  });

  it('marks what it cannot read: an empty placeholder, a string that is not a literal; an unclosed ${ is text', () => {
    assert.deepEqual(parts("!Sub 'a${}b'"), ["'a'", 'unknown @', "'b'"]);
    assert.deepEqual(parts('!Sub [!Join ["", [a, b]], {}]'), ['unknown @!Join ["", [a, b]]']);
    assert.deepEqual(parts("!Sub 'a${Fn'"), ["'a${Fn'"]);
    assert.deepEqual(parts("!Sub 'x${ Fn }y'"), ["'x'", 'ref Fn @Fn', "'y'"]);
  });

  it('gives the exact range of each name in every scalar style', () => {
    assert.deepEqual(parts('!Sub arn:${Fn}:x # ${NotThis}'), ["'arn:'", 'ref Fn @Fn', "':x'"]);
    assert.deepEqual(parts("!Sub 'it''s ${Fn}'"), ["'it's '", 'ref Fn @Fn']);
    assert.deepEqual(parts('!Sub "tab\\t\\"q\\" ${Fn.Arn} \\u00e9 ${Stage}"'), ["'tab\t\"q\" '", 'ref Fn.Arn @Fn.Arn', "' é '", 'ref Stage @Stage']);
    assert.deepEqual(parts('!Sub |\n      line ${Fn}\n      next ${Stage}'), ["'line '", 'ref Fn @Fn', "'\nnext '", 'ref Stage @Stage', "'\n'"]);
    assert.deepEqual(parts('!Sub >-\n      folded ${Fn}\n      and ${Stage}'), ["'folded '", 'ref Fn @Fn', "' and '", 'ref Stage @Stage']);
    const t = buildTemplate('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Fn": {"Type": "AWS::Lambda::Function"}}, "Outputs": {"O": {"Value": {"Fn::Sub": "a\\nb\\"${Fn.Arn}\\\\${AWS::Region}"}}}}');
    assert.deepEqual(show(t, readSub(t, getPath(t.root, ['Outputs', 'O', 'Value']))!.parts), ["'a\nb\"'", 'ref Fn.Arn @Fn.Arn', "'\\'", 'pseudo AWS::Region @AWS::Region']);
  });

  it('gives no range where the text written and the value cannot be lined up exactly', () => {
    // `\x24{` is a `${` in the value but not in the text; a name broken over two lines is not written whole.
    assert.deepEqual(parts('!Sub "\\x24{Fn} ${Stage}"'), ['ref Fn @-', "' '", 'ref Stage @-']);
    assert.deepEqual(parts('!Sub "${Fn\n      .Arn}"'), ['ref Fn .Arn @-']);
  });

  it('reads each node once', () => {
    const { t, node } = withOutput("!Sub '${Fn}'");
    assert.equal(readSub(t, node), readSub(t, node));
    assert.equal(readSub(t, get(t.root, 'AWSTemplateFormatVersion')), undefined);
  });

  it('tells what a reference names', () => {
    const { t, node } = withOutput("!Sub '${Fn}${Stage}${Nope}${Fn.Arn}${Stage.Attr}'");
    assert.deepEqual(readSub(t, node)!.parts.map((p) => (p.kind === 'ref' ? refKind(t, p) : p.kind)), ['resource', 'parameter', undefined, 'resource', undefined]);
  });

  it('reads a string that is not in the document, with its own variables', () => {
    const vars = new Map<string, Node>([['TableName', { kind: 'scalar', value: 'orders', range: { start: 0, end: 0 } }]]);
    assert.deepEqual(subStringParts('arn:${AWS::Partition}:dynamodb:*:*:table/${TableName}', vars).map((p) => p.kind), ['literal', 'pseudo', 'literal', 'variable']);
  });
});

describe('!Sub values', () => {
  it('is the whole string when every part is known, parameter defaults and variables included', () => {
    const { t, node } = withOutput("!Sub ['${Prefix}-${Stage}-${!Keep}', { Prefix: !Ref Stage }]");
    const c = resolveOne(t, node)!;
    assert.equal(c.value, 'dev-dev-${Keep}');
    assert.deepEqual(c.via.map((r) => t.text.slice(r.start, r.end)), ['dev', 'dev']);
  });

  it('is a partial string around what is not known', () => {
    const { t, node } = withOutput("!Sub 'arn:aws:s3:::${Stage}-${Fn}-${AWS::Region}-logs/${Secret}'");
    assert.equal(resolveOne(t, node), undefined);
    assert.deepEqual(subString(t, node), { value: undefined, prefix: 'arn:aws:s3:::dev-', suffix: '', known: 'arn:aws:s3:::dev---logs/', via: [t.parameters.get('Stage')!.default!.range] });
    const filled = subString(t, withOutput("!Sub '${Stage}.${AWS::Region}'").node, (n) => (n === 'AWS::Region' ? 'eu-west-1' : undefined));
    assert.equal(filled?.value, 'dev.eu-west-1');
  });
});

describe('!Sub consumers agree', () => {
  const text = yaml`
    AWSTemplateFormatVersion: '2010-09-09'
    Resources:
      Fn:
        Type: AWS::Lambda::Function
      Perm:
        Type: AWS::Lambda::Permission
        Properties:
          FunctionName: !Sub ['\${Fn}', { Fn: !ImportValue other }]
      Perm2:
        Type: AWS::Lambda::Permission
        Properties:
          FunctionName: !Sub '\${Fn.Arn}:live'
  `;
  it('a name bound in the variables map is neither a reference nor the template function of that name', () => {
    const t = buildTemplate(text);
    assert.equal(functionRefOf(t, get(t.resources.get('Perm')!.properties, 'FunctionName')), undefined);
    assert.deepEqual(refGraph(t).from('Perm'), []);
    const ref = functionRefOf(t, get(t.resources.get('Perm2')!.properties, 'FunctionName'));
    assert.deepEqual([ref?.id, ref?.qualifier], ['Fn', 'alias']);
    const edge = refGraph(t).from('Perm2')[0]!;
    assert.equal(t.text.slice(edge.nameRange!.start, edge.nameRange!.end), 'Fn.Arn');
  });
});
