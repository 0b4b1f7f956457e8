/**
 * The realistic network fixture stays silent under every rule; each broken variant of it (a small,
 * plausible edit) raises exactly one trigger or Lambda@Edge diagnostic, at the asserted place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../../server/src/template/model';
import { validate } from '../../../../server/src/rules/engine';
import { lineCol, testOptions } from '../../../support/ruleTester';

const ROOT = join(__dirname, '..', '..', '..', '..');
const GOOD = readFileSync(join(ROOT, 'test', 'fixtures', 'network', 'good.yaml'), 'utf8');

function diagnostics(text: string): string[] {
  const found = validate(buildTemplate(text), testOptions({ reportSyntax: true }), (id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  });
  return found.map((d) => `${d.rule} @${lineCol(text, d.range.start).join(':')}`);
}

/** The good template with each `[from, to]` replaced; `from` must occur exactly once. */
function variant(edits: ReadonlyArray<readonly [string, string]>): string {
  let text = GOOD;
  for (const [from, to] of edits) {
    assert.equal(text.split(from).length, 2, `"${from}" must occur once in good.yaml`);
    text = text.replace(from, to);
  }
  return text;
}

const FILTER = `
            Filter:
              S3Key:
                Rules:
                  - { Name: prefix, Value: photos/ }
                  - { Name: suffix, Value: .jpg }`;

const VARIANTS: ReadonlyArray<{ rule: string; why: string; edits: ReadonlyArray<readonly [string, string]>; at: string }> = [
  { rule: 'events/sqs-visibility-timeout', why: 'the queue hides messages for 4 x the worker timeout', edits: [['VisibilityTimeout: 180', 'VisibilityTimeout: 120']], at: '413:20' },
  { rule: 'events/sqs-batching', why: 'a stream setting on the SQS worker', edits: [['MaximumBatchingWindowInSeconds: 5', 'StartingPosition: LATEST']], at: '415:13' },
  {
    rule: 'events/stream-settings',
    why: 'the worker also reads the table stream, without a StartingPosition',
    edits: [
      ['      PointInTimeRecoverySpecification:', '      StreamSpecification: { StreamViewType: NEW_IMAGE }\n      PointInTimeRecoverySpecification:'],
      ['            FunctionResponseTypes: [ReportBatchItemFailures]', '            FunctionResponseTypes: [ReportBatchItemFailures]\n        Changes:\n          Type: DynamoDB\n          Properties:\n            Stream: !GetAtt OrderEventsTable.StreamArn'],
    ],
    at: '418:9',
  },
  { rule: 'events/schedule-expression', why: 'a five-field Unix cron', edits: [['cron(0 3 * * ? *)', 'cron(0 3 * * *)']], at: '437:23' },
  {
    rule: 'events/s3-recursive-trigger',
    why: 'the thumbnail function writes into the uploads bucket it is triggered by, unfiltered',
    edits: [[FILTER, ''], ['        - S3ReadPolicy:\n            BucketName: !Sub orders-uploads', '        - S3CrudPolicy:\n            BucketName: !Sub orders-uploads']],
    at: '484:21',
  },
  { rule: 'events/s3-bucket-not-in-template', why: 'the trigger names a bucket instead of referencing it', edits: [['Bucket: !Ref UploadsBucket', 'Bucket: orders-uploads-dev']], at: '484:21' },
  { rule: 'events/api-timeout', why: 'the HTTP API function may run longer than the API waits', edits: [['      Timeout: 15\n', '      Timeout: 45\n']], at: '344:16' },
  {
    rule: 'events/cognito-trigger',
    why: 'a misspelt user-pool trigger on the nightly job',
    edits: [['            Description: Every night at 03:00 UTC', '            Description: Every night at 03:00 UTC\n        Welcome:\n          Type: Cognito\n          Properties:\n            UserPool: !Ref CustomerPool\n            Trigger: PostSignUp\n  CustomerPool:\n    Type: AWS::Cognito::UserPool']],
    at: '443:22',
  },
  {
    rule: 'events/log-subscription-count',
    why: 'three subscription filters on the report log group',
    edits: [['  # ---------------------------------------------------------------- thumbnails', [
      '  ReportLogs:',
      '    Type: AWS::Logs::LogGroup',
      '    Properties: { RetentionInDays: 30 }',
      ...[1, 2, 3].map((i) => `  ReportLogFilter${i}:\n    Type: AWS::Logs::SubscriptionFilter\n    Properties: { LogGroupName: !Ref ReportLogs, FilterPattern: '', DestinationArn: !GetAtt OrderWorker.Arn }`),
      '',
      '  # ---------------------------------------------------------------- thumbnails',
    ].join('\n')]],
    at: '451:33',
  },
  { rule: 'edge/viewer-limits', why: 'the viewer-request function gets a 6 s timeout', edits: [['      Timeout: 5\n', '      Timeout: 6\n']], at: '516:16' },
  { rule: 'edge/unsupported-config', why: 'the edge function inherits arm64 from Globals', edits: [['      Architectures: [x86_64]\n', '']], at: '28:21' },
  { rule: 'edge/role-trust', why: 'the edge role trusts Lambda only', edits: [['Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]', 'Service: lambda.amazonaws.com']], at: '501:24' },
  { rule: 'edge/version-required', why: 'the association names the unqualified function', edits: [['!Ref ImageUrlRewrite.Version', '!GetAtt ImageUrlRewrite.Arn']], at: '547:34' },
];

describe('network fixture: trigger and Lambda@Edge variants', () => {
  it('the good template raises nothing', () => {
    assert.deepEqual(diagnostics(GOOD), []);
  });

  it('examples/network-broken breaks each of these rules once, under the comment naming it', () => {
    const text = readFileSync(join(ROOT, 'examples', 'network-broken', 'template.yaml'), 'utf8');
    const lines = text.split('\n');
    const found = diagnostics(text);
    for (const { rule } of VARIANTS) {
      const mine = found.filter((d) => d.startsWith(`${rule} @`));
      assert.equal(mine.length, 1, `${rule}: ${found.join(', ')}`);
      const line = Number(mine[0]!.split('@')[1]!.split(':')[0]);
      const above = lines.slice(Math.max(0, line - 4), line - 1);
      assert.ok(above.some((l) => l.includes(`# ${rule}:`)), `${rule} at line ${line} has its comment just above`);
    }
  });

  for (const v of VARIANTS) {
    it(`${v.rule}: ${v.why}`, () => {
      assert.deepEqual(diagnostics(variant(v.edits)), [`${v.rule} @${v.at}`]);
    });
  }
});
