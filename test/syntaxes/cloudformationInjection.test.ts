import assert from 'node:assert/strict';
import { tokenize } from '../support/textmate';
import type { Token } from '../support/textmate';

const TAG = 'support.function.intrinsic.cloudformation';
const VAR = 'variable.other.cloudformation';
const PSEUDO = 'variable.language.pseudo-parameter.cloudformation';
const EXPR = 'meta.template.expression.cloudformation';

/** Scopes of the `nth` token whose text is exactly `text`; fails when there is none. */
function scopes(lines: Token[][], text: string, nth = 0): string[] {
  const found = lines.flat().filter((t) => t.text === text);
  const token = found[nth];
  assert.ok(token, `no token "${text}" (#${nth}) in:\n${lines.flat().map((t) => `[${t.text}]`).join(' ')}`);
  return token.scopes;
}

function yaml(text: string): Promise<Token[][]> {
  return tokenize('source.yaml', text);
}

describe('CloudFormation intrinsic injection grammar', () => {
  describe('YAML short-form tags', () => {
    const functions = [
      'And', 'Base64', 'Cidr', 'Condition', 'Equals', 'FindInMap', 'GetAtt', 'GetAZs', 'If',
      'ImportValue', 'Join', 'Not', 'Or', 'Ref', 'Select', 'Split', 'Sub', 'Transform',
    ];
    for (const name of functions) {
      it(`highlights !${name} as an intrinsic function`, async () => {
        const lines = await yaml(`Value: !${name} Something`);
        assert.ok(scopes(lines, `!${name}`).includes(TAG));
      });
    }

    it('leaves a tag that only starts with a function name to the base grammar', async () => {
      const lines = await yaml('Value: !Reference x\nOther: !Subnet y');
      assert.ok(!scopes(lines, '!Reference').includes(TAG));
      assert.ok(!scopes(lines, '!Subnet').includes(TAG));
    });

    it('keeps the value after a tag a plain string of the base grammar', async () => {
      const lines = await yaml('Role: !GetAtt Role.Arn  # the execution role');
      assert.ok(scopes(lines, 'ole.Arn').includes('string.unquoted.plain.out.yaml'));
      assert.ok(scopes(lines, ' the execution role').includes('comment.line.number-sign.yaml'));
    });

    it('highlights tags nested in flow sequences', async () => {
      const lines = await yaml('Value: !If [IsProd, !Ref Big, !Ref "AWS::NoValue"]');
      assert.ok(scopes(lines, '!If').includes(TAG));
      assert.ok(scopes(lines, '!Ref', 0).includes('meta.flow-sequence.yaml'));
      assert.ok(scopes(lines, '!Ref', 1).includes(TAG));
    });

    it('does not highlight tag text inside strings or comments', async () => {
      const lines = await yaml('A: "!Ref x"\nB: \'!GetAtt y\'\n# !Sub z');
      assert.ok(!lines.flat().some((t) => t.scopes.includes(TAG)));
    });
  });

  describe('YAML long-form keys', () => {
    it('highlights Fn:: keys and Ref as intrinsic functions', async () => {
      const lines = await yaml('A:\n  Fn::GetAtt: [Role, Arn]\nB:\n  Ref: Bucket\nC: { Fn::Join: ["", [a, b]] }');
      assert.ok(scopes(lines, 'Fn::GetAtt').includes(TAG));
      assert.ok(scopes(lines, 'Ref').includes(TAG));
      assert.ok(scopes(lines, 'Fn::Join').includes(TAG));
    });

    it('leaves ordinary keys that contain a function name alone', async () => {
      const lines = await yaml('Reference: x\nMyRef: y');
      assert.ok(!lines.flat().some((t) => t.scopes.includes(TAG)));
    });
  });

  describe('variables in !Sub strings', () => {
    it('marks ${Name}, ${Res.Attr} and ${AWS::Pseudo} in a double-quoted !Sub', async () => {
      const lines = await yaml('Name: !Sub "${AWS::StackName}-${Bucket.Arn}-${Env}\\""');
      assert.ok(scopes(lines, 'AWS::StackName').includes(PSEUDO));
      assert.ok(scopes(lines, 'Bucket.Arn').includes(VAR));
      assert.ok(scopes(lines, 'Env').includes(VAR));
      assert.ok(scopes(lines, '${', 0).includes('punctuation.definition.template-expression.begin.cloudformation'));
      assert.ok(scopes(lines, '}', 0).includes('punctuation.definition.template-expression.end.cloudformation'));
      assert.ok(scopes(lines, '-', 0).includes('string.quoted.double.yaml'));
      assert.ok(!scopes(lines, '-', 0).includes(EXPR));
      assert.ok(scopes(lines, '\\"').includes('constant.character.escape.yaml'));
    });

    it('marks ${!Literal} as an escape, not a variable', async () => {
      const lines = await yaml('Name: !Sub "${!Literal}-${X}"');
      assert.ok(scopes(lines, '${!Literal}').includes('constant.character.escape.sub-literal.cloudformation'));
    });

    it('marks variables in a single-quoted !Sub and keeps the doubled quote an escape', async () => {
      const lines = await yaml("Name: !Sub 'it''s ${Env}'");
      assert.ok(scopes(lines, 'Env').includes(VAR));
      assert.ok(scopes(lines, "''").includes('constant.character.escape.single-quoted.yaml'));
    });

    it('marks variables in a plain !Sub scalar, which ends at a comment', async () => {
      const lines = await yaml('Arn: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*  # objects');
      assert.ok(scopes(lines, 'AWS::Partition').includes(PSEUDO));
      assert.ok(scopes(lines, 'Bucket').includes(VAR));
      assert.ok(scopes(lines, '/*').includes('string.unquoted.plain.out.yaml'));
      assert.ok(scopes(lines, ' objects').includes('comment.line.number-sign.yaml'));
    });

    it('marks variables in a literal block !Sub until the indentation ends', async () => {
      const lines = await yaml(
        ['Code: !Sub |', '  echo ${Bucket}', '', '  region: ${AWS::Region}', 'Next: "${NotSub}"'].join('\n'),
      );
      assert.ok(scopes(lines, '!Sub').includes(TAG));
      assert.ok(scopes(lines, '|').includes('keyword.control.flow.block-scalar.literal.yaml'));
      assert.ok(scopes(lines, 'Bucket').includes(VAR));
      assert.ok(scopes(lines, 'AWS::Region').includes(PSEUDO));
      assert.ok(scopes(lines, '  echo ').includes('string.unquoted.block.yaml'));
      assert.ok(scopes(lines, 'N').includes('entity.name.tag.yaml'));
      assert.ok(!lines[4]?.some((t) => t.scopes.includes(EXPR)));
    });

    it('marks variables in a folded block !Sub in a sequence and in the Fn::Sub long form', async () => {
      const lines = await yaml(['List:', '  - !Sub >-', '    ${A}', 'Long:', '  Fn::Sub: |', '    ${B}', 'Tail: x'].join('\n'));
      assert.ok(scopes(lines, '>').includes('keyword.control.flow.block-scalar.folded.yaml'));
      assert.ok(scopes(lines, 'A').includes(VAR));
      assert.ok(scopes(lines, 'Fn::Sub').includes(TAG));
      assert.ok(scopes(lines, 'B').includes(VAR));
      assert.ok(scopes(lines, 'T').includes('entity.name.tag.yaml'));
    });

    it('marks variables in the quoted Fn::Sub long form', async () => {
      const lines = await yaml('Name:\n  Fn::Sub: "x-${Y}"');
      assert.ok(scopes(lines, 'Fn::Sub').includes(TAG));
      assert.ok(scopes(lines, 'Y').includes(VAR));
    });

    it('leaves ${...} outside !Sub as plain string text', async () => {
      const lines = await yaml('A: "${X}"\nB: !Join ["", ["${Y}"]]\nC: |\n  ${Z}');
      assert.ok(!lines.flat().some((t) => t.scopes.includes(EXPR)));
    });
  });

  describe('JSON', () => {
    const template = [
      '{',
      '  "Resources": {',
      '    "Fn": {',
      '      "Properties": {',
      '        "Role": { "Fn::GetAtt": ["Role", "Arn"] },',
      '        "Bucket": { "Ref": "Bucket" },',
      '        "Name": { "Fn::Sub": "${AWS::StackName}-${Env}", "Other": "${NotSub}" },',
      '        "Note": "Fn::Sub"',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');

    it('highlights Fn:: and Ref keys but not the same words as values', async () => {
      const lines = await tokenize('source.json', template);
      assert.ok(scopes(lines, 'Fn::GetAtt').includes(TAG));
      assert.ok(scopes(lines, 'Fn::GetAtt').includes('support.type.property-name.json'));
      assert.ok(scopes(lines, 'Ref').includes(TAG));
      assert.ok(!scopes(lines, 'Fn::Sub', 1).includes(TAG));
    });

    it('marks variables in the Fn::Sub string and keeps the object well-formed after it', async () => {
      const lines = await tokenize('source.json', template);
      assert.ok(scopes(lines, 'AWS::StackName').includes(PSEUDO));
      assert.ok(scopes(lines, 'Env').includes(VAR));
      assert.ok(scopes(lines, 'Other').includes('support.type.property-name.json'));
      assert.ok(!scopes(lines, '${NotSub}').includes(EXPR));
      assert.ok(!lines.flat().some((t) => t.scopes.some((s) => s.startsWith('invalid'))));
    });
  });
});
