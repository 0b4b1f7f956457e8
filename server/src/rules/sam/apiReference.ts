import { pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node } from '../../template/ast';
import type { Template } from '../../template/model';
import type { Rule } from '../types';
import { samEvents, withEvents } from './events';

const TARGET: Readonly<Record<string, { key: string; type: string }>> = {
  Api: { key: 'RestApiId', type: 'AWS::Serverless::Api' },
  HttpApi: { key: 'ApiId', type: 'AWS::Serverless::HttpApi' },
};

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n`, `${FUNCTION}      Events:\n        Get:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /, Method: get }\n`);

/** sam/api-reference: an Api / HttpApi event's RestApiId / ApiId must be a !Ref to an API of the template. */
export const apiReference: Rule = {
  meta: {
    id: 'sam/api-reference',
    severity: 'error',
    description: 'An Api event\'s RestApiId (HttpApi event\'s ApiId) is a !Ref to an AWS::Serverless::Api (HttpApi) of the same template, as SAM requires to wire the route; a route of the implicit HTTP API has both Path and Method.',
    docs: {
      bad: changed(EXAMPLE, ['RestApiId: !Ref Api', 'RestApiId: !GetAtt Api.RootResourceId']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html',
    },
    fixable: false,
    reads: { types: { '*': [], ...withEvents('*') } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const e of samEvents(t)) {
      const target = e.type ? TARGET[e.type] : undefined;
      const pair = target && e.props ? pairOf(e.props, target.key) : undefined;
      // A route of the implicit HTTP API needs its path and method.
      if (e.type === 'HttpApi' && !pair && e.props && pairOf(e.props, 'Method') === undefined !== (pairOf(e.props, 'Path') === undefined)) {
        const missing = pairOf(e.props, 'Method') ? 'Path' : 'Method';
        ctx.report({ range: e.propsKey, message: `Event ${e.id}: a route of the implicit HTTP API needs both Path and Method; ${missing} is missing.`, resource: e.resource.id });
      }
      if (!target || !pair) continue;
      // HttpApi events also wire to a REST API of the template; only a reference to nothing is refused.
      const problem = why(t, pair.value, e.type === 'HttpApi' ? undefined : target.type);
      if (problem) ctx.report({ range: pair.value.range, message: `Event ${e.id}: ${target.key} ${problem}; SAM needs a !Ref to an ${target.type} resource of this template.`, resource: e.resource.id });
    }
  },
};

function why(t: Template, node: Node, type: string | undefined): string | undefined {
  if (node.kind === 'intrinsic') {
    if (node.fn !== 'Ref') return `is a ${node.fn.replace('Fn::', '!')} that SAM cannot follow`;
    const id = str(node.arg) ?? '';
    const r = t.resources.get(id);
    if (r) return type === undefined || r.type === type ? undefined : `names ${id}, an ${r.type}`;
    // A parameter's value is only known at deployment.
    return t.parameters.has(id) ? undefined : `names ${id}, which is not in the template`;
  }
  if (node.kind !== 'scalar') return 'is not a reference';
  // SAM also takes the logical id as a plain string.
  const r = t.resources.get(String(node.value));
  if (r) return type === undefined || r.type === type ? undefined : `names ${r.id}, an ${r.type}`;
  return `is "${String(node.value)}", which names no resource of the template`;
}

