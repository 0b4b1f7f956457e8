import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { checkIntegerRange, fmt } from '../helpers';
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
        MemorySize: 10240
`);

/** limits/memory-size: MemorySize within Lambda's range (wider for Lambda Managed Instances). */
export const memorySize: Rule = {
  meta: {
    id: 'limits/memory-size',
    severity: 'error',
    description: `MemorySize must be a whole number of MB in ${fmt(QUOTAS.memoryMb.min)}..${fmt(QUOTAS.memoryMb.max)} (Lambda Managed Instances have their own bounds).`,
    docs: {
      bad: changed(EXAMPLE, ['      MemorySize: 10240\n', '      MemorySize: 12288\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: true,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      const managed = get(f.props, 'CapacityProviderConfig') !== undefined;
      const bounds = managed ? QUOTAS.managedInstancesMemoryMb : QUOTAS.memoryMb;
      checkIntegerRange(ctx, f, get(f.props, 'MemorySize'), 'MemorySize', 'MB', bounds);
    }
  },
};
