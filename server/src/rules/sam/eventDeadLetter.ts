import { get, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samEvents } from './events';
import { EACH_RESOURCE } from '../helpers';

const WITH_DLQ: ReadonlySet<string> = new Set(['Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        Nightly:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 day)\n            DeadLetterConfig:\n              Type: SQS\n              QueueLogicalId: NightlyDlq\n`);

/** sam/event-dead-letter: a rule or schedule event's DeadLetterConfig names its queue by Arn or Type, not both. */
export const eventDeadLetter: Rule = {
  meta: {
    id: 'sam/event-dead-letter',
    severity: 'error',
    description: 'A Schedule, ScheduleV2, CloudWatchEvent or EventBridgeRule event\'s DeadLetterConfig has either Arn or Type (SQS, with an optional string QueueLogicalId), not both and not neither.',
    docs: {
      bad: changed(EXAMPLE, ['              Type: SQS\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-deadletterconfig.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const e of samEvents(ctx.template)) {
      if (!e.type || !WITH_DLQ.has(e.type) || !e.props) continue;
      const pair = pairOf(e.props, 'DeadLetterConfig');
      if (pair?.value.kind !== 'map') continue;
      const dlq = pair.value;
      const arn = pairOf(dlq, 'Arn');
      const type = pairOf(dlq, 'Type');
      const report = (range: { start: number; end: number }, message: string) => ctx.report({ range, message: `Event ${e.id}: ${message}`, resource: e.resource.id });
      if (arn && type) report(pair.keyRange, 'DeadLetterConfig has both Arn and Type; give the Arn of an existing queue, or Type: SQS for SAM to create one, not both.');
      else if (!arn && !type) report(pair.keyRange, 'DeadLetterConfig has neither Arn nor Type; give the Arn of a queue, or Type: SQS for SAM to create one.');
      const typeValue = str(type?.value);
      if (type && type.value.kind === 'scalar' && typeValue !== 'SQS') report(type.value.range, `DeadLetterConfig Type "${String(type.value.value)}" is not supported; the only type is SQS.`);
      const logical = get(dlq, 'QueueLogicalId');
      if (logical && logical.kind !== 'scalar') report(logical.range, 'DeadLetterConfig QueueLogicalId must be a plain string: it becomes the logical id of the queue SAM creates.');
    }
  },
};
