import { get, getPath, pairOf } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import type { EventSource } from '../../template/eventSources';
import type { Template } from '../../template/model';
import { resolveNumbers } from '../../template/resolve';
import { known } from '../../template/targets';
import { EVENT_QUOTAS } from '../../quotas';
import { EACH_FUNCTION, checkIntegerRange, fmt, relatedFor } from '../helpers';
import type { Related, Rule } from '../types';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 60
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Events:
          Jobs:
            Type: SQS
            Properties:
              Queue: !GetAtt Jobs.Arn
              BatchSize: 100
              MaximumBatchingWindowInSeconds: 5
`);

/** events/sqs-batching: BatchSize, batching window and StartingPosition of SQS triggers. */
export const sqsBatching: Rule = {
  meta: {
    id: 'events/sqs-batching',
    severity: 'error',
    description: `SQS BatchSize must be ${fmt(EVENT_QUOTAS.sqsBatchSize.min)}..${fmt(EVENT_QUOTAS.sqsBatchSize.max)}, above ${EVENT_QUOTAS.sqsUnbatchedMax} only with a batching window, at most ${EVENT_QUOTAS.sqsUnbatchedMax} and without a window on FIFO queues; ScalingConfig.MaximumConcurrency must be ${EVENT_QUOTAS.sqsMaximumConcurrency.min}..${fmt(EVENT_QUOTAS.sqsMaximumConcurrency.max)}; SQS takes no StartingPosition.`,
    docs: {
      bad: changed(EXAMPLE, ['            MaximumBatchingWindowInSeconds: 5\n', '']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if (s.kind !== 'SQS' || s.origin === 'permission' || !s.props) continue;
      const batch = get(s.props, 'BatchSize');
      const windowNode = get(s.props, 'MaximumBatchingWindowInSeconds');
      const fifo = isFifo(t, s);
      checkIntegerRange(ctx, undefined, batch, 'BatchSize', 'messages', EVENT_QUOTAS.sqsBatchSize);
      checkIntegerRange(ctx, undefined, getPath(s.props, ['ScalingConfig', 'MaximumConcurrency']), 'MaximumConcurrency', 'concurrent invocations', EVENT_QUOTAS.sqsMaximumConcurrency, { scope: "SQS event source mappings'" });
      const windows = resolveNumbers(t, windowNode);
      const hasWindow = windows.length > 0 && windows.every((w) => w.value >= EVENT_QUOTAS.sqsBatchingWindowMinSeconds);
      const most = EVENT_QUOTAS.sqsUnbatchedMax;
      for (const b of resolveNumbers(t, batch)) {
        if (!Number.isInteger(b.value) || b.value <= EVENT_QUOTAS.sqsUnbatchedMax || b.value > EVENT_QUOTAS.sqsBatchSize.max) continue;
        const related: Related[] = [...relatedFor(undefined, b), ...(fifo ? [fifo] : [])];
        if (fifo) {
          ctx.report({ range: b.at, message: `BatchSize ${b.value} is above ${most}, the most a FIFO queue allows. Use ${most} or less.`, related, resource: s.declaredIn });
        } else if (!hasWindow && (windowNode === undefined || windows.length > 0)) {
          ctx.report({
            range: b.at,
            message: `BatchSize ${b.value} above ${most} needs MaximumBatchingWindowInSeconds of at least ${EVENT_QUOTAS.sqsBatchingWindowMinSeconds} s. Add a batching window or use ${most} or less.`,
            related,
            resource: s.declaredIn,
          });
        }
      }
      if (fifo) {
        for (const w of windows) {
          if (w.value > 0) ctx.report({ range: w.at, message: `FIFO queues take no batching window (MaximumBatchingWindowInSeconds ${w.value}). Remove it.`, related: [fifo, ...relatedFor(undefined, w)], resource: s.declaredIn });
        }
      }
      const start = pairOf(s.props, 'StartingPosition');
      if (start) ctx.report({ range: start.keyRange, message: 'SQS triggers read the queue, not a stream: remove StartingPosition (it is for Kinesis, DynamoDB and Kafka).', resource: s.declaredIn });
    }
  },
};

/** Related information naming what makes the queue FIFO, or undefined for a standard queue. */
function isFifo(t: Template, s: EventSource): Related | undefined {
  const queue = s.target ? t.resources.get(s.target.id) : undefined;
  if (queue) {
    const flag = get(queue.properties, 'FifoQueue');
    const fifoFlag = known(t, flag);
    if (fifoFlag === 'true') return { range: flag!.range, message: `${queue.id} is a FIFO queue.` };
    const name = get(queue.properties, 'QueueName');
    if (known(t, name)?.endsWith('.fifo')) return { range: name!.range, message: `${queue.id} is a FIFO queue.` };
    return undefined;
  }
  if (s.targetArn?.endsWith('.fifo') && s.targetNode) return { range: s.targetNode.range, message: 'This queue is a FIFO queue.' };
  return undefined;
}
