import assert from 'node:assert/strict';
import { PARSE_LIMITS } from '../../../server/src/config';
import { parseText } from '../../../server/src/template/parse';
import { get, getPath } from '../../../server/src/template/ast';
import type { IntrinsicName, Node } from '../../../server/src/template/ast';

/** The text a range covers. */
const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

function valueOf(text: string, key = 'V'): Node {
  const root = parseText(text).root;
  const v = get(root, key);
  assert.ok(v, `no ${key} in ${text}`);
  return v;
}

const SHORT_FORMS: ReadonlyArray<readonly [string, IntrinsicName, string]> = [
  ['!Ref Bucket', 'Ref', 'Bucket'],
  ['!GetAtt Queue.Arn', 'Fn::GetAtt', 'Queue.Arn'],
  ['!Sub "arn:${AWS::Partition}:s3:::${Bucket}"', 'Fn::Sub', '"arn:${AWS::Partition}:s3:::${Bucket}"'],
  ['!Join [",", [a, b]]', 'Fn::Join', '[",", [a, b]]'],
  ['!If [IsProd, 1, 2]', 'Fn::If', '[IsProd, 1, 2]'],
  ['!Select [0, !GetAZs ""]', 'Fn::Select', '[0, !GetAZs ""]'],
  ['!Split [",", "a,b"]', 'Fn::Split', '[",", "a,b"]'],
  ['!FindInMap [Map, Key, Sub]', 'Fn::FindInMap', '[Map, Key, Sub]'],
  ['!ImportValue shared-vpc', 'Fn::ImportValue', 'shared-vpc'],
  ['!GetAZs us-east-1', 'Fn::GetAZs', 'us-east-1'],
  ['!Base64 hello', 'Fn::Base64', 'hello'],
  ['!Cidr [10.0.0.0/16, 4, 8]', 'Fn::Cidr', '[10.0.0.0/16, 4, 8]'],
  ['!Equals [a, b]', 'Fn::Equals', '[a, b]'],
  ['!And [!Condition A, !Condition B]', 'Fn::And', '[!Condition A, !Condition B]'],
  ['!Or [!Condition A, !Condition B]', 'Fn::Or', '[!Condition A, !Condition B]'],
  ['!Not [!Condition A]', 'Fn::Not', '[!Condition A]'],
  ['!Condition IsProd', 'Condition', 'IsProd'],
  ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }', 'Fn::Transform', '{ Name: AWS::Include, Parameters: { Location: s3://b/k } }'],
];

describe('template parse', () => {
  describe('short-form tags', () => {
    for (const [source, fn, arg] of SHORT_FORMS) {
      it(`parses ${source.split(' ')[0]} as ${fn} with the tag and argument ranges`, () => {
        const text = `Before: x\nV: ${source}\n`;
        const n = valueOf(text);
        assert.equal(n.kind, 'intrinsic');
        if (n.kind !== 'intrinsic') return;
        assert.equal(n.fn, fn);
        assert.equal(at(text, n.range), source);
        assert.equal(at(text, n.nameRange), source.split(' ')[0]);
        assert.equal(at(text, n.arg.range), arg);
        assert.deepEqual(parseText(text).problems, []);
      });
    }

    it('parses tags nested in flow and block collections with their own ranges', () => {
      const text = 'V:\n  - !If\n    - C\n    - !Ref A\n    - !GetAtt [B, Arn]\n';
      const n = get(parseText(text).root, 'V');
      assert.ok(n?.kind === 'seq');
      const ifNode = n.items[0]!;
      assert.ok(ifNode.kind === 'intrinsic' && ifNode.fn === 'Fn::If' && ifNode.arg.kind === 'seq');
      const [, ref, getAtt] = ifNode.arg.items;
      assert.equal(at(text, ref!.range), '!Ref A');
      assert.equal(at(text, getAtt!.range), '!GetAtt [B, Arn]');
      assert.ok(getAtt!.kind === 'intrinsic' && getAtt!.arg.kind === 'seq');
    });
  });

  describe('JSON long forms', () => {
    const cases: ReadonlyArray<readonly [string, IntrinsicName]> = [
      ['{ "Ref": "Bucket" }', 'Ref'],
      ['{ "Fn::GetAtt": ["Queue", "Arn"] }', 'Fn::GetAtt'],
      ['{ "Fn::Sub": "${Bucket}" }', 'Fn::Sub'],
      ['{ "Fn::Join": [",", ["a", "b"]] }', 'Fn::Join'],
      ['{ "Fn::If": ["C", 1, 2] }', 'Fn::If'],
      ['{ "Fn::FindInMap": ["M", "K", "S"] }', 'Fn::FindInMap'],
      ['{ "Fn::ImportValue": "x" }', 'Fn::ImportValue'],
      ['{ "Fn::Equals": ["a", "b"] }', 'Fn::Equals'],
      ['{ "Condition": "IsProd" }', 'Condition'],
    ];
    for (const [source, fn] of cases) {
      it(`maps ${source} to the same ${fn} node as the short form, ranged on the object and key`, () => {
        const text = `{\n  "V": ${source}\n}\n`;
        const n = valueOf(text);
        assert.ok(n.kind === 'intrinsic', JSON.stringify(n));
        assert.equal(n.fn, fn);
        assert.equal(at(text, n.range), source);
        assert.equal(at(text, n.nameRange), `"${fn}"`);
      });
    }

    it('keeps an IAM Condition block and multi-key maps as maps', () => {
      const text = '{ "V": { "Condition": { "StringEquals": { "a": "b" } } }, "W": { "Ref": "A", "Other": 1 } }';
      assert.equal(valueOf(text).kind, 'map');
      assert.equal(valueOf(text, 'W').kind, 'map');
    });
  });

  it('ranges a tag at the tag, not at the same name in a comment between the tag and its value', () => {
    const text = 'V: !Sub # like !Sub\n  "x-${A}"\nW: !Ref B # !Ref\n';
    const v = valueOf(text);
    assert.ok(v.kind === 'intrinsic');
    assert.equal(v.nameRange.start, 3);
    assert.equal(at(text, v.range), '!Sub # like !Sub\n  "x-${A}"');
    assert.equal(at(text, valueOf(text, 'W').range), '!Ref B');
  });

  it('keeps exact key and value ranges in YAML and JSON', () => {
    const yaml = 'Resources:\n  Fn:\n    Properties:\n      Timeout: 30\n';
    const y = parseText(yaml).root;
    const t = getPath(y, ['Resources', 'Fn', 'Properties', 'Timeout']);
    assert.equal(at(yaml, t!.range), '30');
    const json = '{"Resources": {"Fn": {"Properties": {"Timeout": "30"}}}}';
    const j = getPath(parseText(json).root, ['Resources', 'Fn', 'Properties', 'Timeout']);
    assert.equal(at(json, j!.range), '"30"');
  });

  it('skips a file above the size limit counted in UTF-8 bytes, not UTF-16 code units', () => {
    const limit = PARSE_LIMITS.maxFileBytes;
    // 1.5 M three-byte characters: 1.5 M code units, 4.5 MB on disk.
    const wide = `Description: "${'€'.repeat(1_500_000)}"\n`;
    assert.ok(wide.length < limit && Buffer.byteLength(wide) > limit);
    const skipped = parseText(wide);
    assert.equal(skipped.root, undefined);
    assert.deepEqual(skipped.problems.map((p) => p.kind), ['too-large']);
    assert.match(skipped.problems[0]!.message, /^This file is 4\.5 MB, above the 4 MB Lambda Lens analyses; it was skipped\. CloudFormation itself accepts templates up to 1 MB\.$/);
    // Just under the limit in bytes is parsed, whatever the mix of characters.
    const under = `Description: "${'€'.repeat(Math.floor((limit - 20) / 3))}"\n`;
    assert.ok(Buffer.byteLength(under) <= limit);
    assert.deepEqual(parseText(under).problems, []);
  });

  it('reports syntax errors as problems without throwing', () => {
    const parsed = parseText('Resources:\n  Fn: [unclosed\n');
    assert.ok(parsed.problems.some((p) => p.kind === 'syntax'));
  });

  describe('what CloudFormation accepts beyond YAML 1.2', () => {
    it('reads an under-indented flow sequence with exact ranges and one yaml-1.1 note, not syntax errors', () => {
      const text = 'Statement:\n  - Action: [ "s3:GetObject",\n    "s3:PutObject" ]\n    Effect: Allow\n';
      const parsed = parseText(text);
      assert.deepEqual(parsed.problems.map((p) => [p.kind, at(text, p.range)]), [['yaml-1.1', '"s3:PutObject" ]']]);
      const statement = get(parsed.root, 'Statement');
      assert.ok(statement?.kind === 'seq');
      const action = get(statement.items[0], 'Action');
      assert.ok(action?.kind === 'seq');
      assert.deepEqual(action.items.map((i) => at(text, i.range)), ['"s3:GetObject"', '"s3:PutObject"']);
      assert.equal(at(text, action.range), '[ "s3:GetObject",\n    "s3:PutObject" ]');
    });

    it('ranges tags and keys inside a re-indented flow mapping at the text the user wrote', () => {
      const text = 'Vars: {\n  A: !Ref Table,\nB: !Sub "${AWS::Region}" }\nNext: 1\n';
      const vars = get(parseText(text).root, 'Vars');
      assert.ok(vars?.kind === 'map');
      const b = vars.pairs[1]!;
      assert.equal(at(text, b.keyRange), 'B');
      assert.ok(b.value.kind === 'intrinsic');
      assert.equal(at(text, b.value.nameRange), '!Sub');
      assert.equal(at(text, b.value.range), '!Sub "${AWS::Region}"');
      assert.equal(at(text, get(parseText(text).root, 'Next')!.range), '1');
    });

    it('keeps the strict parse when re-indenting does not help', () => {
      const parsed = parseText('A:\n  B: [a,\nb\n');
      assert.ok(parsed.problems.some((p) => p.kind === 'syntax'));
      assert.ok(!parsed.problems.some((p) => p.kind === 'yaml-1.1'));
    });

    it('keeps the last entry of a key given twice, and notes each earlier one with the key kept', () => {
      const text = 'P:\n  Timeout: 3\n  Memory: 128\n  Timeout: 60\nQ: { a: 1, a: 2, a: 3 }\n';
      const parsed = parseText(text);
      const timeout = getPath(parsed.root, ['P', 'Timeout']);
      assert.ok(timeout?.kind === 'scalar' && timeout.value === 60);
      const p = get(parsed.root, 'P');
      assert.ok(p?.kind === 'map');
      assert.deepEqual(p.pairs.map((x) => x.key), ['Memory', 'Timeout']);
      const dups = parsed.problems.filter((x) => x.kind === 'duplicate-key');
      assert.deepEqual(dups.map((d) => [text.slice(0, d.range.start).split('\n').length, text.slice(0, d.kept!.start).split('\n').length]), [[2, 4], [5, 5], [5, 5]]);
      const q = get(parsed.root, 'Q');
      assert.ok(q?.kind === 'map' && q.pairs.length === 1 && q.pairs[0]!.value.kind === 'scalar' && q.pairs[0]!.value.value === 3);
    });

    it('keeps the last entry in JSON too', () => {
      const v = getPath(parseText('{ "P": { "T": 3, "T": 900 } }').root, ['P', 'T']);
      assert.ok(v?.kind === 'scalar' && v.value === 900);
    });
  });
});
