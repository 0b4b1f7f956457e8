import { get } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** The tag SAM sets on what it creates; a template may not set it. */
const RESERVED = 'lambda:createdBy';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Tags:\n        owner: me\n`);

/** sam/reserved-tag: SAM's own tag key is not set by the template. */
export const reservedTag: Rule = {
  meta: {
    id: 'sam/reserved-tag',
    severity: 'error',
    description: `SAM resources do not set the tag ${RESERVED}, which SAM reserves for itself.`,
    docs: {
      bad: changed(EXAMPLE, ['owner: me', 'lambda:createdBy: me']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const types = ['AWS::Serverless::Function', 'AWS::Serverless::Application', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::Serverless::StateMachine', 'AWS::Serverless::SimpleTable', 'AWS::Serverless::LayerVersion', 'AWS::Serverless::CapacityProvider'];
    for (const { resource, props } of samResources(ctx.template, ...types)) {
      const tags = get(props, 'Tags');
      if (tags?.kind !== 'map') continue;
      for (const p of tags.pairs) {
        if (p.key === RESERVED) ctx.report({ range: p.keyRange, message: `${RESERVED} is a tag SAM reserves for the resources it creates; use another key.`, resource: resource.id });
      }
    }
  },
};
