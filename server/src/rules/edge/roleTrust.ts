import { edgeAssociationsOf } from '../../template/edge';
import { functionsOf } from '../../template/functions';
import { executionRole, roleTrust as trustOf, roleTrusts } from '../../template/iam';
import type { Range } from '../../template/ast';
import { get, getPath, str } from '../../template/ast';
import type { Template } from '../../template/model';
import type { Related, Rule } from '../types';
import { changed } from '../docs';
import { EDGE_APP } from './examples';
import { EACH_FUNCTION } from '../helpers';

const URL = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-permissions.html';

const PRINCIPALS = ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] as const;

/** edge/role-trust: a Lambda@Edge execution role must trust both Lambda and Lambda@Edge. */
export const roleTrust: Rule = {
  meta: {
    id: 'edge/role-trust',
    severity: 'error',
    description: 'The execution role of a Lambda@Edge function must let both lambda.amazonaws.com and edgelambda.amazonaws.com assume it.',
    docs: {
      bad: changed(EDGE_APP, ['      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sts:AssumeRole\n            Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] }\n', '      # no AssumeRolePolicyDocument: the role SAM generates trusts only lambda.amazonaws.com\n']),
      good: EDGE_APP,
      url: URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const association = edgeAssociationsOf(t, f.id)[0];
      if (!association) continue;
      const role = executionRole(t, f);
      if (role.kind === 'external') continue;
      const missing = PRINCIPALS.filter((p) => roleTrusts(t, role, p) === 'denied');
      if (missing.length === 0) continue;
      const trust = trustOf(t, role);
      const related: Related[] = [{ range: association.arnNode?.range ?? association.range, message: `${association.distributionId} runs ${f.id} at the edge.` }];
      if (role.kind === 'role') related.unshift({ range: role.at, message: `${f.id} uses role ${role.id}.` });
      const whose = role.kind === 'role' ? `Role ${role.id}` : trust.at ? `The AssumeRolePolicyDocument of ${f.id}` : `The role SAM generates for ${f.id}`;
      const what = role.kind === 'sam' && !trust.at
        ? 'Add an AssumeRolePolicyDocument to the function that trusts both lambda.amazonaws.com and edgelambda.amazonaws.com.'
        : `Add ${missing.join(' and ')} to the Principal.Service of its sts:AssumeRole statement.`;
      ctx.report({
        range: principalRange(t, trust.at) ?? trust.at ?? f.resource.idRange,
        message: `${whose} does not trust ${missing.join(' or ')}, so Lambda@Edge cannot run ${f.id}: replication to CloudFront fails. ${what}`,
        related,
        ...(role.kind === 'role' ? {} : { resource: f.id }),
      });
    }
  },
};

/** The Principal.Service of the trust policy's sts:AssumeRole statement: where the service is missing. */
function principalRange(t: Template, doc: Range | undefined): Range | undefined {
  if (!doc) return undefined;
  const r = t.resourceAt(doc.start);
  const props = r?.properties;
  const docNode = get(props, 'AssumeRolePolicyDocument');
  const list = get(docNode, 'Statement');
  for (const st of list?.kind === 'seq' ? list.items : list ? [list] : []) {
    const action = get(st, 'Action');
    const actions = action?.kind === 'seq' ? action.items.map(str) : [str(action)];
    if (!actions.some((a) => a?.toLowerCase() === 'sts:assumerole')) continue;
    return (getPath(st, ['Principal', 'Service']) ?? get(st, 'Principal'))?.range;
  }
  return undefined;
}
