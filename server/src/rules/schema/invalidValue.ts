import type { Rule } from '../types';
import { reportShapeIssues } from './report';

/** schema/invalid-value: a literal of the wrong type, outside the allowed values, or an unknown resource type. */
export const invalidValue: Rule = {
  meta: {
    id: 'schema/invalid-value',
    severity: 'error',
    description: 'Every literal value has the type the specification gives (a list where a list is needed, a number, true/false) and is one of its allowed values.',
    docs: {
      bad: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n    Handler: app.handler\n    CodeUri: src/\n    Tracing: Enabled\n    VpcConfig:\n      SecurityGroupIds: [sg-0123456789abcdef0]\n      SubnetIds: subnet-0123456789abcdef0',
      good: 'MyFunction:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n    Handler: app.handler\n    CodeUri: src/\n    Tracing: Active\n    VpcConfig:\n      SecurityGroupIds: [sg-0123456789abcdef0]\n      SubnetIds: [subnet-0123456789abcdef0]',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
    },
    fixable: true,
  },
  check(ctx) {
    reportShapeIssues(ctx, 'invalid-value');
  },
};
