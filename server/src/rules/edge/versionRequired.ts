import { parseFunctionArn, qualifierKind } from '../../arn';
import { get } from '../../template/ast';
import { edgeAssociations } from '../../template/edge';
import { functionById } from '../../template/functions';
import { refTarget, resolveStrings } from '../../template/resolve';
import type { Rule } from '../types';
import { changed } from '../docs';
import { EDGE_APP } from './examples';

const URL = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html';

/** edge/version-required: CloudFront only runs published, numbered Lambda versions. */
export const versionRequired: Rule = {
  meta: {
    id: 'edge/version-required',
    severity: 'error',
    description: 'A CloudFront LambdaFunctionAssociation must name a published function version, not $LATEST, an alias or the unqualified function.',
    docs: {
      bad: changed(EDGE_APP, ['LambdaFunctionARN: !Ref EdgeFunction.Version', 'LambdaFunctionARN: !GetAtt EdgeFunction.Arn']),
      good: EDGE_APP,
      url: URL,
    },
    fixable: false,
    reads: { each: ['AWS::CloudFront::Distribution'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const a of edgeAssociations(t)) {
      if (!a.arnNode) continue;
      if (a.functionId) {
        const view = functionById(t, a.functionId);
        const samVersion = refTarget(a.arnNode)?.id === `${a.functionId}.Version`;
        if (samVersion && view?.sam && get(view.props, 'AutoPublishAlias') === undefined) {
          ctx.report({ range: a.arnNode.range, message: `${a.functionId}.Version exists only when ${a.functionId} publishes versions: set AutoPublishAlias on it (or in Globals).` });
          continue;
        }
        const what = a.qualifier === 'latest' ? '$LATEST' : a.qualifier === 'alias' ? 'an alias' : a.qualifier === 'none' ? `the unqualified function ${a.functionId}` : undefined;
        if (!what) continue;
        const fn = t.resources.get(a.functionId);
        const published = get(fn?.properties, 'AutoPublishAlias') !== undefined;
        const how = fn?.type !== 'AWS::Serverless::Function'
          ? `publish an AWS::Lambda::Version of ${a.functionId} and use !Ref to it`
          : published ? `use !Ref ${a.functionId}.Version` : `set AutoPublishAlias on ${a.functionId} and use !Ref ${a.functionId}.Version`;
        ctx.report({ range: a.arnNode.range, message: `CloudFront needs a numbered function version, but this association names ${what}: ${how}.` });
        continue;
      }
      // A literal ARN's shape is known even though the function lives elsewhere.
      for (const c of resolveStrings(t, a.arnNode)) {
        const arn = parseFunctionArn(c.value);
        const kind = qualifierKind(arn?.qualifier);
        if (!arn || kind === 'version') continue;
        const what = kind === 'none' ? 'has no version' : kind === 'latest' ? 'names $LATEST' : `names alias ${arn.qualifier}`;
        ctx.report({ range: c.at, message: `CloudFront needs a numbered function version; ${c.value} ${what}. Append the published version number (…:function:name:3).` });
      }
    }
  },
};
