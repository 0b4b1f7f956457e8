import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { checkIntegerRange } from '../helpers';
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

/** limits/timeout: Timeout within Lambda's 1..900 seconds. */
export const timeout: Rule = {
  meta: {
    id: 'limits/timeout',
    severity: 'error',
    description: `Timeout must be a whole number of seconds in ${QUOTAS.timeoutSeconds.min}..${QUOTAS.timeoutSeconds.max} (${QUOTAS.timeoutSeconds.max / 60} minutes).`,
    docs: {
      bad: changed(EXAMPLE, ['      Timeout: 900\n', '      Timeout: 1800\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: true,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      checkIntegerRange(ctx, f, get(f.props, 'Timeout'), 'Timeout', 's', QUOTAS.timeoutSeconds);
    }
  },
};
