import { get } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { resolveStrings } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import { LAMBDA_SHAPES, QUOTAS } from '../../quotas';
import { EACH_FUNCTION, fmt, ownerOf, relatedFor } from '../helpers';
import type { Rule, RuleContext } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    MyFunction:
      Type: AWS::Lambda::Function
      Properties:
        Role: arn:aws:iam::123456789012:role/my-function
        Runtime: python3.13
        Handler: app.handler
        Code: { S3Bucket: my-artifacts, S3Key: function.zip }
        FunctionName: orders-process-payment
`);

/** limits/names: FunctionName, Description and Handler within Lambda's lengths and characters. */
export const names: Rule = {
  meta: {
    id: 'limits/names',
    severity: 'error',
    description: `FunctionName has at most ${QUOTAS.functionNameMax} letters, digits, hyphens or underscores; Description at most ${QUOTAS.descriptionMax} characters; Handler at most ${QUOTAS.handlerMax}.`,
    docs: {
      bad: changed(EXAMPLE, ['      FunctionName: orders-process-payment\n', '      FunctionName: orders.process-payment\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const c of resolveStrings(ctx.template, get(f.props, 'FunctionName'))) {
        if (c.value.length > QUOTAS.functionNameMax) {
          report(ctx, f, c, `FunctionName "${c.value}" has ${c.value.length} characters; Lambda allows at most ${QUOTAS.functionNameMax}. Shorten it, or leave FunctionName out and let CloudFormation generate one.`);
        } else if (!LAMBDA_SHAPES.functionNamePattern.test(c.value)) {
          const bad = [...new Set(c.value.replace(/[a-zA-Z0-9_-]/g, ''))].map((ch) => JSON.stringify(ch)).join(', ');
          report(ctx, f, c, `FunctionName "${c.value}" contains ${bad}; Lambda allows only letters, digits, hyphens and underscores. Replace them, for example with "-".`);
        }
      }
      tooLong(ctx, f, 'Description', QUOTAS.descriptionMax);
      tooLong(ctx, f, 'Handler', QUOTAS.handlerMax);
    }
  },
};

function tooLong(ctx: RuleContext, f: FunctionView, key: 'Description' | 'Handler', max: number): void {
  for (const c of resolveStrings(ctx.template, get(f.props, key))) {
    if (c.value.length <= max) continue;
    report(ctx, f, c, `${key} has ${fmt(c.value.length)} characters; Lambda allows at most ${max}. Shorten it.`);
  }
}

function report(ctx: RuleContext, f: FunctionView, c: Candidate, message: string): void {
  const owner = ownerOf(f, c.at);
  ctx.report({ range: c.at, message, ...owner, related: [...owner.related, ...relatedFor(undefined, c)] });
}
