import { changed } from '../docs';
import { FUNCTION, samTemplate } from '../sam/examples';
import type { Rule } from '../types';
import { reportShapeIssues } from './report';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Tracing: Active\n`);

/** schema/invalid-value: a literal of the wrong type, outside the allowed values, or an unknown resource type. */
export const invalidValue: Rule = {
  meta: {
    id: 'schema/invalid-value',
    severity: 'error',
    description: 'Every literal value has the type the specification gives (a list where a list is needed, a number, true/false) and is one of its allowed values.',
    docs: {
      bad: changed(EXAMPLE, ['Tracing: Active', 'Tracing: Enabled']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
    },
    fixable: true,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'invalid-value');
  },
};
