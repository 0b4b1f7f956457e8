import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { resolveStrings } from '../../template/resolve';
import { closestRuntimes, newerThanData, RUNTIME_DATA, runtimeInfo, runtimePhase, runtimeVersion } from '../../runtimes';
import type { RuntimeLifecycle } from '../../runtimes';
import { eachFunction, ownerOf, relatedFor } from '../helpers';
import type { Rule, Severity } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: app.handler
        Runtime: python3.14
        CodeUri: src/
`);

/** runtime/deprecated: the runtime exists and is not past its deprecation, create-block or update-block date. */
export const deprecated: Rule = {
  meta: {
    id: 'runtime/deprecated',
    severity: 'warning',
    description: 'Runtime is a Lambda runtime that is still supported: a warning once deprecated, an error once functions can no longer be created or updated with it or when the name is unknown, a warning for a version newer than the runtime data.',
    docs: {
      bad: changed(EXAMPLE, ['      Runtime: python3.14\n', '      Runtime: python3.8\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
      references: [
        'https://github.com/aws-cloudformation/cfn-lint/blob/main/src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json',
      ],
    },
    fixable: false,
    reads: eachFunction(['today']),
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const c of resolveStrings(ctx.template, get(f.props, 'Runtime'))) {
        const info = runtimeInfo(c.value);
        const finding = info ? lifecycleFinding(info, ctx.options.today) : unknownRuntime(c.value);
        if (!finding) continue;
        const owner = ownerOf(f, c.at);
        ctx.report({ range: c.at, ...finding, ...owner, related: [...owner.related, ...relatedFor(undefined, c)] });
      }
    }
  },
};

function lifecycleFinding(info: RuntimeLifecycle, today: Date): { message: string; severity: Severity } | undefined {
  const move = info.successor ? ` Move to ${info.successor}.` : ' Move to a supported runtime.';
  switch (runtimePhase(info, today)) {
    case 'supported':
      return undefined;
    case 'deprecated':
      return {
        severity: 'warning',
        message: `Runtime ${info.id} was deprecated on ${info.deprecated}: it no longer gets security patches or support.${info.createBlock ? ` From ${info.createBlock} no new functions can be created with it.` : ''}${move}`,
      };
    case 'create-blocked':
      return {
        severity: 'error',
        message: `Runtime ${info.id} is deprecated (${info.deprecated}) and since ${info.createBlock} Lambda refuses to create new functions with it${info.updateBlock ? `; updates are refused from ${info.updateBlock}` : ''}.${move}`,
      };
    case 'update-blocked':
      return {
        severity: 'error',
        message: `Runtime ${info.id} is deprecated (${info.deprecated}) and since ${info.updateBlock} Lambda refuses to create or update functions with it.${move}`,
      };
  }
}

function unknownRuntime(name: string): { message: string; severity: Severity } {
  if (newerThanData(name)) {
    return {
      severity: 'warning',
      message: `"${name}" is not in Lambda Lens's runtime data (taken on ${RUNTIME_DATA.retrieved}), but it follows the naming of ${runtimeVersion(name)!.family} runtimes and is newer than all of them: probably a runtime released since. Check it in the Lambda runtimes list; newer data comes with an update of Lambda Lens (in its repository: ${RUNTIME_DATA.refresh}).`,
    };
  }
  const closest = closestRuntimes(name).join(', ');
  return { severity: 'error', message: `"${name}" is not a Lambda runtime identifier. Did you mean one of: ${closest}? See the runtime list in the Lambda documentation.` };
}
