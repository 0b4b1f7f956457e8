import { logicalId } from '../../../../server/src/rules/sam/logicalId';
import { ruleTester } from '../../../support/ruleTester';

ruleTester(logicalId, {
  valid: [{ name: 'alphanumeric ids', template: 'Resources:\n  Queue1:\n    Type: AWS::SQS::Queue\nOutputs:\n  QueueUrl: { Value: !Ref Queue1 }\n' }],
  invalid: [
    { name: 'a hyphenated resource id and an output id with an underscore', template: 'Resources:\n  my-queue:\n    Type: AWS::SQS::Queue\nOutputs:\n  queue_url: { Value: x }\n', errors: [{ line: 2, column: 3 }, { line: 5, column: 3 }] },
  ],
});
