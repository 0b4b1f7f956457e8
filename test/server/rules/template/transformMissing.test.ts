import assert from 'node:assert/strict';
import { transformMissing } from '../../../../server/src/rules/template/transformMissing';
import { ruleTester, runRule } from '../../../support/ruleTester';

const bare = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n";

ruleTester(transformMissing, {
  valid: [
    { name: 'a SAM template with the transform', template: `Transform: AWS::Serverless-2016-10-31\n${bare}` },
    { name: 'the transform in a list', template: `Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n${bare}` },
    { name: 'a CloudFormation template without SAM types', template: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q: { Type: AWS::SQS::Queue }\n" },
  ],
  invalid: [
    { name: 'SAM types without the transform', template: bare, errors: [{ line: 4, column: 11 }] },
  ],
});

describe('template/transform-missing quick fix', () => {
  it('adds the transform after the format version', () => {
    const [d] = runRule(transformMissing, bare);
    assert.deepEqual(d!.fixes[0]!.edits[0]!.newText, "\nTransform: 'AWS::Serverless-2016-10-31'");
    assert.equal(d!.fixes[0]!.edits[0]!.range.start, "AWSTemplateFormatVersion: '2010-09-09'".length);
  });
});
