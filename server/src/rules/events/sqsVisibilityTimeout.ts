import { eventSourceList } from '../../template/eventSources';
import { functionById, fromGlobals } from '../../template/functions';
import { EVENT_QUOTAS, QUOTAS } from '../../quotas';
import { EACH_FUNCTION, relatedFor } from '../helpers';
import type { Fix, Related, Rule } from '../types';
import { insertProperty, replaceValue } from '../edits';
import { effectiveNumbers, maxTimeout } from './shared';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 720
    Worker:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Timeout: 120
        Events:
          Jobs:
            Type: SQS
            Properties:
              Queue: !GetAtt Jobs.Arn
`);

/**
 * events/sqs-visibility-timeout: a template-defined queue feeding a function must keep messages
 * invisible longer than the function may run (error), and by AWS guidance 6 x as long (warning).
 */
export const sqsVisibilityTimeout: Rule = {
  meta: {
    id: 'events/sqs-visibility-timeout',
    severity: 'error',
    description: `A queue that triggers a function needs a VisibilityTimeout of at least the function Timeout (AWS advises ${EVENT_QUOTAS.sqsVisibilityTimeoutFactor} x).`,
    docs: {
      bad: changed(EXAMPLE, ['      VisibilityTimeout: 720\n', '      VisibilityTimeout: 60\n']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if (s.kind !== 'SQS' || s.target?.type !== 'AWS::SQS::Queue' || !s.targetNode) continue;
      const f = functionById(t, s.functionId);
      const queue = t.resources.get(s.target.id);
      if (!f || !queue) continue;
      const timeout = maxTimeout(t, f, QUOTAS.defaultTimeoutSeconds);
      if (!timeout) continue;
      const wanted = Math.min(EVENT_QUOTAS.sqsMaxVisibilitySeconds, EVENT_QUOTAS.sqsVisibilityTimeoutFactor * timeout.value);
      for (const vt of effectiveNumbers(t, queue.properties, 'VisibilityTimeout', EVENT_QUOTAS.sqsDefaultVisibilitySeconds)) {
        if (vt.value >= wanted) continue;
        const tooShort = vt.value < timeout.value;
        const written = vt.candidate ? `${vt.value} s` : `${vt.value} s (the default)`;
        const message = tooShort
          ? `Queue ${queue.id} has VisibilityTimeout ${written}, shorter than ${f.id}'s Timeout of ${timeout.value} s: the event source mapping cannot be created. Set it to ${wanted} s (${EVENT_QUOTAS.sqsVisibilityTimeoutFactor} x the timeout, as AWS advises).`
          : `Queue ${queue.id} has VisibilityTimeout ${written}, less than ${EVENT_QUOTAS.sqsVisibilityTimeoutFactor} x ${f.id}'s Timeout of ${timeout.value} s: messages can reappear and run twice while retries and batching are in progress. Set it to ${wanted} s.`;
        const related: Related[] = [
          { range: vt.candidate?.at ?? queue.idRange, message: vt.candidate ? `VisibilityTimeout of ${queue.id}.` : `${queue.id} uses the default VisibilityTimeout of ${EVENT_QUOTAS.sqsDefaultVisibilitySeconds} s.` },
          ...(vt.candidate ? relatedFor(undefined, vt.candidate) : []),
        ];
        if (timeout.candidate) related.push({ range: timeout.candidate.at, message: fromGlobals(f, timeout.candidate.at) ? `Timeout of ${f.id}, from Globals.` : `Timeout of ${f.id}.` });
        const edit = vt.candidate
          ? replaceValue(vt.candidate, String(wanted))
          : insertProperty(t, queue, 'VisibilityTimeout', wanted);
        const fixes: Fix[] = edit ? [{ title: `Set VisibilityTimeout of ${queue.id} to ${wanted}`, edits: [edit] }] : [];
        ctx.report({ range: s.targetNode.range, message, severity: tooShort ? 'error' : 'warning', related, fixes, resource: s.declaredIn });
      }
    }
  },
};

