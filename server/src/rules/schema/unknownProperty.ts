import { changed } from '../docs';
import { FUNCTION, samTemplate } from '../sam/examples';
import type { Rule } from '../types';
import { reportShapeIssues } from './report';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Description: Takes orders\n`);

/** schema/unknown-property: a property (or resource attribute, Globals section) the specification does not define. */
export const unknownProperty: Rule = {
  meta: {
    id: 'schema/unknown-property',
    severity: 'error',
    description: 'Every property is one the resource type, nested structure or SAM event type defines (suggesting the closest name).',
    docs: {
      bad: changed(EXAMPLE, ['Description:', 'Descripton:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
    },
    fixable: true,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'unknown-property');
  },
};
