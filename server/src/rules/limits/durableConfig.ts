import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { getAll } from '../../template/resolve';
import { DURABLE_QUOTAS } from '../../quotas';
import { checkIntegerRange, fmt } from '../helpers';
import type { Rule } from '../types';

const { executionTimeoutSeconds: EXECUTION, retentionPeriodDays: RETENTION } = DURABLE_QUOTAS;

/** limits/durable-config: the execution timeout and history retention of durable functions. */
export const durableConfig: Rule = {
  meta: {
    id: 'limits/durable-config',
    severity: 'error',
    description: `DurableConfig.ExecutionTimeout must be ${EXECUTION.min}..${fmt(EXECUTION.max)} seconds (${fmt(EXECUTION.max / 86_400)} days) and RetentionPeriodInDays ${RETENTION.min}..${RETENTION.max}.`,
    docs: {
      bad: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    DurableConfig:\n      ExecutionTimeout: 40000000\n      RetentionPeriodInDays: 365',
      good: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    DurableConfig:\n      ExecutionTimeout: 31622400\n      RetentionPeriodInDays: 90',
      url: DURABLE_QUOTAS.url,
    },
    fixable: true,
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
