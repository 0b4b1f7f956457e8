import assert from 'node:assert/strict';
import { invalidValue } from '../../../../server/src/rules/schema/invalidValue';
import { ruleTester, runRule, yaml } from '../../../support/ruleTester';

const fn = (props: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        ${props}
`;

ruleTester(invalidValue, {
  valid: [
    { name: 'values of the specified types', template: fn('{ Tracing: Active, Timeout: "30", Layers: [arn:aws:lambda:us-east-1:1:layer:l:1], VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] } }') },
    { name: 'values behind intrinsics, and both known branches of !If', template: fn('{ Tracing: !If [C, Active, PassThrough], Layers: !Ref LayerList, VpcConfig: { SubnetIds: !Split [",", !Ref Subnets] } }') },
    { name: 'numbers Lambda rules judge (limits/memory-size reports those)', template: fn('{ MemorySize: big }') },
  ],
  invalid: [
    { name: 'a value outside the enum', template: fn('{ Tracing: Enabled }'), errors: [{ line: 6, column: 18, messageIncludes: 'Allowed: Active, PassThrough, Disabled' }] },
    { name: 'a string where a list is needed', template: fn('{ VpcConfig: { SubnetIds: subnet-0123 } }'), errors: [{ line: 6, column: 33, messageIncludes: 'must be a list of strings' }] },
    { name: 'a SAM event type that does not exist', template: fn('{ Events: { Jobs: { Type: SQSS, Properties: { Queue: q } } } }'), errors: [{ line: 6, column: 33, messageIncludes: 'did you mean SQS?' }] },
    { name: 'an unknown AWS resource type', template: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Functoin\n', errors: [{ line: 3, column: 11, messageIncludes: 'did you mean AWS::Lambda::Function?' }] },
    { name: 'a word for a boolean and a list for a string', template: yaml`
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties: { FifoQueue: yes-please, QueueName: [a, b] }
    `, errors: [{ line: 4, column: 30 }, { line: 4, column: 53 }] },
    { name: 'an enum value in other case, as a warning', template: fn('{ RecursiveLoop: TERMINATE }'), errors: [{ line: 6, column: 24, severity: 'warning' }] },
  ],
});

describe('schema/invalid-value quick fixes', () => {
  it('wraps a single value in a list', () => {
    const [d] = runRule(invalidValue, fn('{ VpcConfig: { SubnetIds: subnet-0123 } }'));
    assert.deepEqual(d!.fixes.map((f) => f.edits[0]!.newText), ['[subnet-0123]']);
  });
  it('changes an enum value to the one it nearly is', () => {
    const [d] = runRule(invalidValue, fn('{ PackageType: Zipp }'));
    assert.deepEqual(d!.fixes.map((f) => f.edits[0]!.newText), ['Zip']);
  });
});
