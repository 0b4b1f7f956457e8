import { intrinsicArguments } from '../../../../server/src/rules/sam/intrinsicArguments';
import { ruleTester } from '../../../support/ruleTester';

const t = (value: string) => `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${value}\n`;

ruleTester(intrinsicArguments, {
  valid: [
    { name: 'well-formed functions', template: t('!If [C, !Sub "a-${X}", !FindInMap [M, !Ref AWS::Region, k]]') },
    { name: 'a !Sub with string variables', template: t('!Sub ["${A}", { A: !Ref P }]') },
  ],
  invalid: [
    { name: 'Fn::If with two arguments', template: t('!If [C, a]'), errors: [{ line: 5, column: 18 }] },
    { name: 'Fn::FindInMap with two', template: t('!FindInMap [M, k]'), errors: [{ line: 5, column: 18 }] },
    { name: 'a !Sub variable that is a list', template: t('!Sub ["${A}", { A: [a, b] }]'), errors: [{ line: 5, column: 18 }] },
  ],
});
