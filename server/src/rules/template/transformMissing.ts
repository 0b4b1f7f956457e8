import { pairOf } from '../../template/ast';
import { insertPairAfter, insertPairFirst } from '../edits';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from '../sam/examples';
import type { Fix, Rule } from '../types';

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const SAM_PREFIX = 'AWS::Serverless::';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION);

/** template/transform-missing: SAM resource types in a template that does not declare the SAM transform. */
export const transformMissing: Rule = {
  meta: {
    id: 'template/transform-missing',
    severity: 'error',
    description: `AWS::Serverless::* resource types need \`Transform: ${SAM_TRANSFORM}\`; without it CloudFormation does not know them.`,
    docs: {
      bad: changed(EXAMPLE, ['Transform: AWS::Serverless-2016-10-31\n', "AWSTemplateFormatVersion: '2010-09-09'\n"]),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-serverless.html',
    },
    // Only resource types: a resource added, removed or retyped.
    reads: { types: { '*': [] } },
    fixable: true,
  },
  check(ctx) {
    const t = ctx.template;
    if (t.isSam || !t.root) return;
    const fix = addTransform(t);
    for (const r of t.resources.values()) {
      if (!r.type.startsWith(SAM_PREFIX)) continue;
      ctx.report({
        range: pairOf(r.node, 'Type')!.value.range,
        message: `${r.type} is a SAM resource type, but the template does not declare \`Transform: ${SAM_TRANSFORM}\`; CloudFormation rejects it. Add the transform at the top level.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

function addTransform(t: Parameters<Rule['check']>[0]['template']): Fix | undefined {
  const root = t.root!;
  if (pairOf(root, 'Transform')) return undefined;
  const version = pairOf(root, 'AWSTemplateFormatVersion');
  const edit = version ? insertPairAfter(t, version, 'Transform', SAM_TRANSFORM) : insertPairFirst(t, root, 'Transform', SAM_TRANSFORM);
  return edit ? { title: `Add Transform: ${SAM_TRANSFORM}`, edits: [edit] } : undefined;
}
