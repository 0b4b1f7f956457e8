import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { getAll } from '../../template/resolve';
import { DURABLE_QUOTAS } from '../../quotas';
import { EACH_FUNCTION, checkIntegerRange, fmt } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

const { executionTimeoutSeconds: EXECUTION, retentionPeriodDays: RETENTION } = DURABLE_QUOTAS;

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
        DurableConfig:
          ExecutionTimeout: 31622400
          RetentionPeriodInDays: 90
`);

/** limits/durable-config: the execution timeout and history retention of durable functions. */
export const durableConfig: Rule = {
  meta: {
    id: 'limits/durable-config',
    severity: 'error',
    description: `DurableConfig.ExecutionTimeout must be ${EXECUTION.min}..${fmt(EXECUTION.max)} seconds (${fmt(EXECUTION.max / 86_400)} days) and RetentionPeriodInDays ${RETENTION.min}..${RETENTION.max}.`,
    docs: {
      bad: changed(EXAMPLE, ['        RetentionPeriodInDays: 90\n', '        RetentionPeriodInDays: 365\n']),
      good: EXAMPLE,
      url: DURABLE_QUOTAS.url,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const config of getAll(f.props, 'DurableConfig')) {
        checkIntegerRange(ctx, f, get(config, 'ExecutionTimeout'), 'ExecutionTimeout', 's', EXECUTION, { scope: "durable functions'" });
        checkIntegerRange(ctx, f, get(config, 'RetentionPeriodInDays'), 'RetentionPeriodInDays', 'days', RETENTION, { scope: "durable functions'" });
      }
    }
  },
};
