import { changed } from '../docs';
import { FUNCTION, samTemplate } from '../sam/examples';
import type { Rule } from '../types';
import { reportShapeIssues } from './report';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        GetItems:\n          Type: Api\n          Properties:\n            Path: /items\n            Method: get\n`);

/** schema/required: a required property missing on a resource, a nested structure or a SAM event's Properties. */
export const required: Rule = {
  meta: {
    id: 'schema/required',
    severity: 'error',
    description: 'Every property the specification requires is present: on resources, nested structures and SAM event Properties.',
    docs: {
      bad: changed(EXAMPLE, ['            Method: get\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'required');
  },
};
