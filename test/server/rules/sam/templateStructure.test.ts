import { templateStructure } from '../../../../server/src/rules/sam/templateStructure';
import { ruleTester } from '../../../support/ruleTester';

ruleTester(templateStructure, {
  valid: [{ name: 'well-formed sections', template: 'Mappings:\n  M: { us-east-1: { k: v } }\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    DependsOn: [Q]\n  Q:\n    Type: AWS::SQS::Queue\n' }],
  invalid: [
    { name: 'Globals as a list', template: 'Transform: AWS::Serverless-2016-10-31\nGlobals: [1, 2]\nResources:\n  Q: { Type: AWS::SQS::Queue }\n', errors: [{ line: 2, column: 1 }] },
    { name: 'a one-level mapping, a resource without Type and a numeric DependsOn', template: 'Mappings:\n  M: { k: v }\nResources:\n  B:\n    Properties: {}\n  C:\n    Type: AWS::S3::Bucket\n    DependsOn: 12345\n', errors: [{ line: 2, column: 3 }, { line: 4, column: 3 }, { line: 8, column: 16 }] },
  ],
});
