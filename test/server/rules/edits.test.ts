import assert from 'node:assert/strict';
import { get } from '../../../server/src/template/ast';
import type { MapNode, Pair, SeqNode } from '../../../server/src/template/ast';
import { buildTemplate } from '../../../server/src/template/model';
import type { Template } from '../../../server/src/template/model';
import { resolveOne } from '../../../server/src/template/resolve';
import {
  appendListItem,
  disableCommentEdit,
  insertPairAfter,
  insertPairFirst,
  insertProperty,
  replaceStringFix,
  replaceValueFix,
  replaceWith,
} from '../../../server/src/rules/edits';
import type { TextEdit } from '../../../server/src/rules/types';
import { applyEdits } from '../../support/fixTester';
import { yaml } from '../../support/ruleTester';

/** Applies one edit and checks that the result still parses. */
function applied(t: Template, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  const out = applyEdits(t.text, [edit]);
  assert.deepEqual(buildTemplate(out).problems.map((p) => p.message), [], out);
  return out;
}

const props = (t: Template, id = 'Q'): MapNode => t.resources.get(id)!.properties!;
const pair = (map: MapNode, key: string): Pair => map.pairs.find((p) => p.key === key)!;

describe('text edits', () => {
  const blockQueue = yaml`
    Resources:
      Q:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: jobs
  `;

  it('adds a key after a sibling, and first, in block YAML', () => {
    const t = buildTemplate(blockQueue);
    assert.equal(applied(t, insertPairAfter(t, pair(props(t), 'QueueName'), 'DelaySeconds', 5)), blockQueue.replace('jobs', 'jobs\n      DelaySeconds: 5'));
    assert.equal(applied(t, insertPairFirst(t, props(t), 'Tags', ['a', { ref: 'B' }])), blockQueue.replace('      QueueName', '      Tags:\n        - a\n        - !Ref B\n      QueueName'));
  });

  it('writes JSON keys, numbers and booleans as JSON', () => {
    const text = '{\n  "Resources": {\n    "Q": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        "QueueName": "jobs"\n      }\n    }\n  }\n}\n';
    const t = buildTemplate(text);
    const out = applied(t, insertPairFirst(t, props(t), 'FifoQueue', true));
    assert.match(out, /"FifoQueue": true,\n {8}"QueueName": "jobs"/);
    assert.doesNotThrow(() => JSON.parse(out));
    const after = applied(t, insertPairAfter(t, pair(props(t), 'QueueName'), 'Tags', { entries: [['team', 'core']] }));
    assert.deepEqual(JSON.parse(after).Resources.Q.Properties.Tags, { team: 'core' });
  });

  it('fills an empty flow map in YAML and in JSON', () => {
    const y = buildTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {}\n');
    assert.match(applied(y, insertProperty(y, y.resources.get('Q')!, 'VisibilityTimeout', 720)), /Properties: \{ VisibilityTimeout: 720 \}/);
    const j = buildTemplate('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {}}}}');
    assert.equal(JSON.parse(applied(j, insertProperty(j, j.resources.get('Q')!, 'VisibilityTimeout', 720))).Resources.Q.Properties.VisibilityTimeout, 720);
  });

  it('creates Properties after Type when a resource has none', () => {
    const t = buildTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SNS::Topic\n');
    const out = applied(t, insertProperty(t, t.resources.get('Q')!, 'VisibilityTimeout', 720));
    assert.equal(out, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 720\n  R:\n    Type: AWS::SNS::Topic\n');
    const flow = buildTemplate('Resources:\n  Q: { Type: AWS::SQS::Queue }\n');
    assert.match(applied(flow, insertProperty(flow, flow.resources.get('Q')!, 'VisibilityTimeout', 720)), /Q: \{ Type: AWS::SQS::Queue, Properties: \{ VisibilityTimeout: 720 \} \}/);
  });

  it('appends to block and flow lists', () => {
    const t = buildTemplate(yaml`
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties:
            A:
              - one
            B: [one]
    `);
    const p = props(t);
    assert.match(applied(t, appendListItem(t, get(p, 'A') as SeqNode, "it's")), /- one\n {8}- 'it''s'\n/);
    assert.match(applied(t, appendListItem(t, get(p, 'B') as SeqNode, { sub: 'arn:${AWS::Partition}:s3:::b' })), /B: \[one, !Sub 'arn:\$\{AWS::Partition\}:s3:::b'\]/);
  });

  it('replaces a value where it was written: the literal, or the parameter Default', () => {
    const t = buildTemplate(yaml`
      Parameters:
        Name: { Type: String, Default: "jobz" }
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: !Ref Name
            DelaySeconds: 1000
            Kind: 'standard'
    `);
    const c = resolveOne(t, get(props(t), 'QueueName'))!;
    assert.match(applyEdits(t.text, replaceStringFix(t, c, 'jobs').edits), /Default: "jobs"/);
    const d = resolveOne(t, get(props(t), 'DelaySeconds'))!;
    assert.match(applyEdits(t.text, replaceValueFix('Set DelaySeconds to 900', d, '900').edits), /DelaySeconds: 900/);
    const k = resolveOne(t, get(props(t), 'Kind'))!;
    assert.match(applyEdits(t.text, replaceStringFix(t, k, "o'clock").edits), /Kind: 'o''clock'/);
    assert.match(applied(t, replaceWith(t, get(props(t), 'DelaySeconds')!.range, [1, 2])), /DelaySeconds: \[1, 2\]/);
  });

  it('writes a disable comment above the line, extends one that is there, and writes none in JSON', () => {
    const t = buildTemplate(blockQueue);
    const at = t.text.indexOf('jobs');
    const once = applied(t, disableCommentEdit(t, at, 'limits/names'));
    assert.match(once, /\n {6}# lambda-lens-disable-next-line limits\/names\n {6}QueueName: jobs/);
    const again = buildTemplate(once);
    assert.match(applied(again, disableCommentEdit(again, again.text.indexOf('jobs'), 'vpc/single-subnet')), /# lambda-lens-disable-next-line limits\/names vpc\/single-subnet\n/);
    const json = buildTemplate('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}');
    assert.equal(disableCommentEdit(json, 5, 'limits/names'), undefined);
  });
});
