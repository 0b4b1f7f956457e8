import { driftLine, functionDrift } from '../../deployed/drift';
import { functionsOf } from '../../template/functions';
import { changed, example } from '../docs';
import type { Rule } from '../types';
import { eachFunction } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        MemorySize: 1024   # deployed: 1024
`);

/**
 * deployed/drift: a template function's resolved values against its deployed configuration, once the
 * template's stack is known and loaded (samconfig, cdk.out or the lambdaLens.deployed.stacks setting).
 * Silent until then, and about whatever the template cannot know.
 */
export const drift: Rule = {
  meta: {
    id: 'deployed/drift',
    severity: 'information',
    description: "A template function's value differs from its deployed function's configuration: it was changed outside CloudFormation, or the template is not deployed yet.",
    docs: {
      bad: changed(EXAMPLE, ['      MemorySize: 1024   # deployed: 1024\n', '      MemorySize: 512    # deployed: 1024, raised in the console\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html',
    },
    reads: eachFunction(['deployed']),
    fixable: false,
  },
  check(ctx) {
    const stack = ctx.options.deployed?.stack;
    if (!stack) return;
    for (const f of functionsOf(ctx.template)) {
      const fn = stack.functions[f.id];
      if (!fn) continue;
      for (const d of functionDrift(ctx.template, f, fn, stack)) {
        ctx.report({ range: d.range, message: `${driftLine(d)} (${fn.name}, stack ${stack.name}).`, resource: f.id });
      }
    }
  },
};
