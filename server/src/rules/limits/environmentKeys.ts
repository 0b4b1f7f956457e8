import { functionsOf } from '../../template/functions';
import { LAMBDA_ENVIRONMENT } from '../../quotas';
import { variablesOf } from '../environment';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

const RESERVED: ReadonlySet<string> = new Set(LAMBDA_ENVIRONMENT.reservedKeys);

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
        Environment:
          Variables:
            TARGET_REGION: eu-west-1
            TABLE_NAME: orders
`);

/** limits/environment-keys: keys Lambda accepts: the documented pattern, none of the reserved names. */
export const environmentKeys: Rule = {
  meta: {
    id: 'limits/environment-keys',
    severity: 'error',
    description: 'Environment variable keys must match [a-zA-Z]([a-zA-Z0-9_])+ and must not be one of the keys Lambda reserves.',
    docs: {
      bad: changed(EXAMPLE, ['          TARGET_REGION: eu-west-1\n          TABLE_NAME: orders\n', '          AWS_REGION: eu-west-1\n          table-name: orders\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const v of variablesOf(ctx.template, f)) {
        for (const p of v.vars) {
          const message = RESERVED.has(p.key)
            ? `${p.key} is reserved by Lambda, which sets it in every execution environment; deployment fails. Rename the variable (for example MY_${p.key.replace(/^_+/, '')}).`
            : !LAMBDA_ENVIRONMENT.keyPattern.test(p.key)
              ? `Environment variable key "${p.key}" is not valid: Lambda requires a letter followed by at least one letter, digit or underscore ([a-zA-Z]([a-zA-Z0-9_])+). Rename it, for example ${suggest(p.key)}.`
              : undefined;
          if (!message) continue;
          ctx.report({ range: p.keyRange, message, ...ownerOf(f, p.keyRange) });
        }
      }
    }
  },
};

/** A valid key close to an invalid one: separators to underscores, a leading non-letter prefixed. */
function suggest(key: string): string {
  const cleaned = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
  const lettered = /^[A-Z]/.test(cleaned) ? cleaned : `VAR_${cleaned}`;
  return lettered.length > 1 ? lettered : `${lettered}_VALUE`;
}
