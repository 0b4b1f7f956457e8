import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { getAll, resolveStrings } from '../../template/resolve';
import { ownerOf, relatedFor } from '../helpers';
import type { Related, Rule, RuleContext } from '../types';
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
        FunctionUrlConfig:
          AuthType: AWS_IAM
`);

/** security/function-url-public: a function URL without IAM authentication is open to the internet. */
export const functionUrlPublic: Rule = {
  meta: {
    id: 'security/function-url-public',
    severity: 'warning',
    description: 'A function URL (SAM FunctionUrlConfig, AWS::Lambda::Url) with AuthType NONE lets anyone on the internet invoke the function.',
    docs: {
      bad: changed(EXAMPLE, ['        AuthType: AWS_IAM\n', '        AuthType: NONE\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    },
    fixable: false,
    reads: { each: ['AWS::Serverless::Function', 'AWS::Lambda::Url'] },
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      if (!f.sam) continue;
      for (const config of getAll(f.props, 'FunctionUrlConfig')) {
        const at = get(config, 'AuthType');
        check(ctx, at, (range) => ownerOf(f, range));
      }
    }
    for (const r of ctx.template.ofType('AWS::Lambda::Url')) {
      check(ctx, get(r.properties, 'AuthType'), () => ({ related: [], resource: r.id }));
    }
  },
};

function check(ctx: RuleContext, node: Node | undefined, owner: (range: { start: number; end: number }) => { related: Related[]; resource?: string }): void {
  for (const c of resolveStrings(ctx.template, node)) {
    if (c.value !== 'NONE') continue;
    const o = owner(c.at);
    ctx.report({
      range: c.at,
      message: 'This function URL has AuthType NONE: anyone who finds the URL can invoke the function, and pay for it. Use AuthType AWS_IAM (sign requests, or put CloudFront with origin access control in front), or authenticate every request in the code.',
      ...o,
      related: [...o.related, ...relatedFor(undefined, c)],
    });
  }
}
