import type { Rule } from '../types';
import { reportShapeIssues } from './report';

/** schema/required: a required property missing on a resource, a nested structure or a SAM event's Properties. */
export const required: Rule = {
  meta: {
    id: 'schema/required',
    severity: 'error',
    description: 'Every property the specification requires is present: on resources, nested structures and SAM event Properties.',
    docs: {
      bad: 'Events:\n  GetItems:\n    Type: Api\n    Properties:\n      Path: /items',
      good: 'Events:\n  GetItems:\n    Type: Api\n    Properties:\n      Path: /items\n      Method: get',
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html',
    },
    fixable: false,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'required');
  },
};
