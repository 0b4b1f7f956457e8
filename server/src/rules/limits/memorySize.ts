import { get } from '../../template/ast';
import { functionsOf, onManagedInstances } from '../../template/functions';
import { LAMBDA_QUOTAS_URL, MANAGED_INSTANCES_URL, QUOTAS } from '../../quotas';
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
        MemorySize: 10240
`);

/** limits/memory-size: MemorySize within Lambda's range (Lambda Managed Instances have their own). */
export const memorySize: Rule = {
  meta: {
    id: 'limits/memory-size',
    severity: 'error',
    description: `MemorySize must be a whole number of MB in ${fmt(QUOTAS.memoryMb.min)}..${fmt(QUOTAS.memoryMb.max)}, or ${fmt(QUOTAS.managedInstancesMemoryMb.min)}..${fmt(QUOTAS.managedInstancesMemoryMb.max)} on Lambda Managed Instances (a CapacityProviderConfig).`,
    docs: {
      bad: changed(EXAMPLE, ['      MemorySize: 10240\n', '      MemorySize: 12288\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
      references: [
        'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-best-practices.html',
      ],
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      const node = get(f.props, 'MemorySize');
      if (!onManagedInstances(f)) {
        checkIntegerRange(ctx, f, node, 'MemorySize', 'MB', QUOTAS.memoryMb);
        continue;
      }
      checkIntegerRange(ctx, f, node, 'MemorySize', 'MB', QUOTAS.managedInstancesMemoryMb, {
        scope: "Lambda Managed Instances'",
        because: `${f.id} has a CapacityProviderConfig, and Managed Instances functions need at least ${fmt(QUOTAS.managedInstancesMemoryMb.min / 1024)} GB (${MANAGED_INSTANCES_URL}).`,
      });
    }
  },
};
