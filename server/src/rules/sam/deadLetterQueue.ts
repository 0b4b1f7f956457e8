import { get, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { anIntrinsic, truthy } from './pythonValues';

/** The queue types SAM writes the function's permission for (sqs:SendMessage, sns:Publish). */
const DLQ_TYPES = ['SQS', 'SNS'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      DeadLetterQueue:\n        Type: SQS\n        TargetArn: arn:aws:sqs:us-east-1:123456789012:orders-dlq\n`);

/** sam/dead-letter-queue: a SAM function's DeadLetterQueue as SAM reads it to add the permission. */
export const deadLetterQueue: Rule = {
  meta: {
    id: 'sam/dead-letter-queue',
    severity: 'error',
    description: "A SAM function's DeadLetterQueue (in Globals too) has a TargetArn and a Type written out as SQS or SNS: SAM chooses the permission it adds to the function's role from it.",
    docs: {
      bad: changed(EXAMPLE, ['Type: SQS', 'Type: Queue']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-deadletterqueue.html',
    },
    reads: { each: ['AWS::Serverless::Function'] },
    fixable: false,
  },
  check(ctx) {
    const globals = get(get(ctx.template.globals, 'Function'), 'DeadLetterQueue');
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Function')) {
      const pair = pairOf(props, 'DeadLetterQueue');
      // SAM merges the Globals map into the function's: a key may come from either.
      const dlq = pair?.value;
      if (!pair || dlq?.kind !== 'map') continue;
      const value = (key: string) => get(dlq, key) ?? get(globals, key);
      const report = (range: { start: number; end: number }, message: string) => ctx.report({ range, message: `${resource.id} DeadLetterQueue: ${message}`, resource: resource.id });
      const missing = ['Type', 'TargetArn'].filter((k) => {
        const v = value(k);
        return v === undefined || !truthy(v);
      });
      if (missing.length > 0) report(pair.keyRange, `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing; SAM needs the Type (${DLQ_TYPES.join(' or ')}) and the TargetArn of the queue or topic.`);
      const type = get(dlq, 'Type');
      if (type && truthy(type) && !DLQ_TYPES.includes(str(type) ?? '')) {
        report(type.range, type.kind === 'intrinsic' ? `Type is ${anIntrinsic(type.fn)}, which SAM does not resolve here: write ${DLQ_TYPES.join(' or ')}.` : `Type must be ${DLQ_TYPES.join(' or ')}.`);
      }
    }
  },
};
