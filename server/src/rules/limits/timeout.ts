import { get } from '../../template/ast';
import { functionsOf, onManagedInstances } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { invokersOf } from '../../template/invocation';
import type { Invoker } from '../../template/invocation';
import type { Template } from '../../template/model';
import { LAMBDA_QUOTAS_URL, LAMBDA_TIMEOUT_URL, QUOTAS } from '../../quotas';
import { EACH_FUNCTION, checkIntegerRange, fmt } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Timeout: 900
`);

const LONG = QUOTAS.managedInstancesTimeoutSeconds.max;

/** limits/timeout: Timeout within Lambda's range, longer on Lambda Managed Instances when no caller waits. */
export const timeout: Rule = {
  meta: {
    id: 'limits/timeout',
    severity: 'error',
    description: `Timeout must be a whole number of seconds in ${QUOTAS.timeoutSeconds.min}..${fmt(QUOTAS.timeoutSeconds.max)} (${QUOTAS.timeoutSeconds.max / 60} minutes); on Lambda Managed Instances up to ${fmt(LONG)} when only asynchronous invocations and event source mappings (not Amazon MQ or DocumentDB) invoke the function.`,
    docs: {
      bad: changed(EXAMPLE, ['      Timeout: 900\n', '      Timeout: 1800\n']),
      good: EXAMPLE,
      url: LAMBDA_TIMEOUT_URL,
      references: [LAMBDA_QUOTAS_URL],
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      const node = get(f.props, 'Timeout');
      if (!onManagedInstances(f)) {
        checkIntegerRange(ctx, f, node, 'Timeout', 's', QUOTAS.timeoutSeconds);
        continue;
      }
      const short = shortInvokers(ctx.template, f);
      const first = short[0];
      if (!first) {
        checkIntegerRange(ctx, f, node, 'Timeout', 's', QUOTAS.managedInstancesTimeoutSeconds, { scope: "Lambda Managed Instances'" });
        continue;
      }
      const how = first.mode === 'synchronous' ? 'invokes it synchronously' : 'invokes it through an event source mapping';
      checkIntegerRange(ctx, f, node, 'Timeout', 's', QUOTAS.timeoutSeconds, {
        because: `${f.id} runs on Lambda Managed Instances, which allow up to ${fmt(LONG)} s only for asynchronous and event-source-mapping invocations other than Amazon MQ and DocumentDB; ${first.label} ${how}, so ${fmt(QUOTAS.timeoutSeconds.max)} s applies.`,
        related: short.map((i) => ({ range: i.range, message: `${i.label} keeps ${f.id} at ${fmt(QUOTAS.timeoutSeconds.max)} s.` })),
      });
    }
  },
};

/** The invokers that keep a Managed Instances function at the standard timeout. */
function shortInvokers(t: Template, f: FunctionView): Invoker[] {
  return invokersOf(t, f).filter((i) => i.mode === 'synchronous' || i.kind === 'MQ' || i.kind === 'DocumentDB');
}
