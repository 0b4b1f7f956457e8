import { get, isNull, pairOf, str } from '../../template/ast';
import type { Node } from '../../template/ast';
import { isNoValue } from '../../template/resolve';
import { closestName } from '../../names';
import { policyTemplateNames, policyTemplateParameters } from '../../schema/translator';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import { samResources } from './events';

/** What SAM makes of one entry of Policies (the translator's ResourcePolicies types). */
type Kind = 'managed' | 'statement' | 'template' | 'unknown';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Policies:\n        - AWSLambdaBasicExecutionRole\n        - DynamoDBReadPolicy:\n            TableName: orders\n`);

/** sam/policies: every entry of a SAM function's or state machine's Policies is one SAM can turn into IAM. */
export const policies: Rule = {
  meta: {
    id: 'sam/policies',
    severity: 'error',
    description: 'Each entry of Policies is a managed policy name or ARN, a policy document with a Statement, or a SAM policy template with a value for each of its parameters; both branches of a Fn::If entry are of the same kind.',
    docs: {
      bad: changed(EXAMPLE, ['DynamoDBReadPolicy:', 'DynamoDbReadPolicy:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/policy_templates_data/policy_templates.json'],
    },
    reads: { types: { 'AWS::Serverless::Function': ['Policies'], 'AWS::Serverless::StateMachine': ['Policies'] } },
    fixable: false,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Function', 'AWS::Serverless::StateMachine')) {
      const list = get(props, 'Policies');
      if (!list || isNull(list)) continue;
      const entries = list.kind === 'seq' ? list.items : [list];
      entries.forEach((entry, index) => {
        const where = list.kind === 'seq' ? `Policies entry ${index + 1} of ${resource.id}` : `Policies of ${resource.id}`;
        checkEntry(ctx, entry, where, resource.id);
      });
    }
  },
};

function checkEntry(ctx: RuleContext, entry: Node, where: string, resource: string): void {
  if (entry.kind === 'intrinsic' && entry.fn === 'Fn::If' && entry.arg.kind === 'seq' && entry.arg.items.length === 3) {
    const branches = entry.arg.items.slice(1).filter((b) => !isNoValue(b));
    const kinds = new Set(branches.map(kindOf));
    if (kinds.size > 1) {
      ctx.report({ range: entry.nameRange, message: `${where}: the branches of this Fn::If are of different kinds (${[...kinds].join(' and ')}); SAM needs one kind per Fn::If. Split it into two entries.`, resource });
      return;
    }
    for (const b of branches) checkEntry(ctx, b, where, resource);
    return;
  }
  const kind = kindOf(entry);
  if (kind === 'template' && entry.kind === 'map') return checkTemplate(ctx, entry.pairs[0]!, where, resource);
  if (kind !== 'unknown') return;
  const only = entry.kind === 'map' && entry.pairs.length === 1 ? entry.pairs[0]! : undefined;
  const guess = only ? closestName(only.key, policyTemplateNames()) : undefined;
  const message = only
    ? `${where}: ${only.key} is not a SAM policy template${guess ? ` (did you mean ${guess}?)` : ''}; an entry is a managed policy name or ARN, a policy document with a Statement, or a policy template.`
    : `${where} is neither a managed policy name or ARN, a policy document with a Statement, nor a SAM policy template; SAM cannot turn it into a policy.`;
  ctx.report({ range: only?.keyRange ?? entry.range, message, resource });
}

function checkTemplate(ctx: RuleContext, pair: { key: string; keyRange: { start: number; end: number }; value: Node }, where: string, resource: string): void {
  const params = policyTemplateParameters(pair.key) ?? [];
  const values = pair.value;
  if (values.kind !== 'map') {
    ctx.report({ range: isNull(values) ? pair.keyRange : values.range, message: `${where}: policy template ${pair.key} takes a map of its parameters${params.length ? ` (${params.join(', ')})` : ' ({} for none)'}.`, resource });
    return;
  }
  const missing = params.filter((p) => pairOf(values, p) === undefined);
  if (missing.length > 0) {
    ctx.report({ range: pair.keyRange, message: `${where}: policy template ${pair.key} needs a value for ${missing.join(', ')}.`, resource });
  }
}

/** How the translator classifies an entry: a string or intrinsic is a managed policy, a map with Statement a document, a one-key map naming a template a template. */
function kindOf(entry: Node): Kind {
  if (str(entry) !== undefined || entry.kind === 'intrinsic') return 'managed';
  if (entry.kind !== 'map') return 'unknown';
  if (pairOf(entry, 'Statement')) return 'statement';
  if (entry.pairs.length === 1 && policyTemplateParameters(entry.pairs[0]!.key) !== undefined) return 'template';
  return 'unknown';
}
