import type { Rule } from '../types';
import { reportShapeIssues } from './report';

/** schema/unknown-property: a property (or resource attribute, Globals section) the specification does not define. */
export const unknownProperty: Rule = {
  meta: {
    id: 'schema/unknown-property',
    severity: 'error',
    description: 'Every property is one the resource type, nested structure or SAM event type defines (suggesting the closest name).',
    docs: {
      bad: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n    Handler: app.handler\n    CodeUri: src/\n    MemorySze: 512',
      good: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n    Handler: app.handler\n    CodeUri: src/\n    MemorySize: 512',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
    },
    fixable: true,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'unknown-property');
  },
};
