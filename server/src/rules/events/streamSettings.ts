import { get } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import { resolveNumbers, resolveStrings } from '../../template/resolve';
import { EVENT_QUOTAS } from '../../quotas';
import { replaceValueFix } from '../edits';
import { EACH_FUNCTION, checkIntegerRange, fmt, relatedFor } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html';

const POSITIONS = { Kinesis: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'], DynamoDB: ['TRIM_HORIZON', 'LATEST'] } as const;

/** Integer settings of stream mappings and their bounds. */
const RANGES = [
  ['BatchSize', 'records', EVENT_QUOTAS.streamBatchSize],
  ['ParallelizationFactor', 'batches', EVENT_QUOTAS.parallelizationFactor],
  ['MaximumRetryAttempts', 'retries', EVENT_QUOTAS.maximumRetryAttempts],
  ['TumblingWindowInSeconds', 's', EVENT_QUOTAS.tumblingWindowSeconds],
  ['MaximumBatchingWindowInSeconds', 's', EVENT_QUOTAS.maximumBatchingWindowSeconds],
] as const;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
      Properties:
        BillingMode: PAY_PER_REQUEST
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        StreamSpecification: { StreamViewType: NEW_IMAGE }
    Changes:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Events:
          Changes:
            Type: DynamoDB
            Properties:
              Stream: !GetAtt Table.StreamArn
              StartingPosition: TRIM_HORIZON
              ParallelizationFactor: 10
`);

/** events/stream-settings: Kinesis and DynamoDB Streams triggers need a StartingPosition and settings in range. */
export const streamSettings: Rule = {
  meta: {
    id: 'events/stream-settings',
    severity: 'error',
    description: 'Kinesis and DynamoDB stream triggers need a valid StartingPosition and batch, retry, age and window settings within Lambda\'s ranges.',
    docs: {
      bad: changed(EXAMPLE, ['            StartingPosition: TRIM_HORIZON\n            ParallelizationFactor: 10\n', '            StartingPosition: AT_TIMESTAMP\n            ParallelizationFactor: 20\n']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if ((s.kind !== 'Kinesis' && s.kind !== 'DynamoDB') || s.origin === 'permission') continue;
      const allowed: readonly string[] = POSITIONS[s.kind];
      const start = get(s.props, 'StartingPosition');
      if (start === undefined) {
        const where = s.eventName ? `event ${s.eventName}` : s.declaredIn;
        ctx.report({ range: s.range, message: `The ${s.kind} trigger ${where} has no StartingPosition; Lambda needs one for streams. Add StartingPosition: ${allowed.join(' or ')}.`, resource: s.declaredIn });
      }
      for (const c of resolveStrings(t, start)) {
        if (allowed.includes(c.value)) continue;
        const hint = s.kind === 'DynamoDB' && c.value === 'AT_TIMESTAMP' ? 'DynamoDB streams do not support AT_TIMESTAMP' : `"${c.value}" is not a starting position`;
        ctx.report({ range: c.at, message: `${hint}. Use ${allowed.join(' or ')}.`, related: relatedFor(undefined, c), resource: s.declaredIn });
      }
      for (const [key, unit, bounds] of RANGES) checkIntegerRange(ctx, undefined, get(s.props, key), key, unit, bounds);
      const age = get(s.props, 'MaximumRecordAgeInSeconds');
      for (const c of resolveNumbers(t, age)) {
        if (c.value === EVENT_QUOTAS.maximumRecordAgeInfinite) continue;
        const { min, max } = EVENT_QUOTAS.maximumRecordAgeSeconds;
        if (Number.isInteger(c.value) && c.value >= min && c.value <= max) continue;
        const use = c.value < min ? min : max;
        ctx.report({
          range: c.at,
          message: `MaximumRecordAgeInSeconds ${c.value} must be ${EVENT_QUOTAS.maximumRecordAgeInfinite} (no limit) or a whole number in ${min}..${fmt(max)} s. Use ${use}.`,
          related: relatedFor(undefined, c),
          fixes: [replaceValueFix(`Set MaximumRecordAgeInSeconds to ${use}`, c, String(use))],
          resource: s.declaredIn,
        });
      }
    }
  },
};
