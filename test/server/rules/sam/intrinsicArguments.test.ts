import { intrinsicArguments } from '../../../../server/src/rules/sam/intrinsicArguments';
import { ruleTester } from '../../../support/ruleTester';

const withParameters = (value: string) => `Parameters:\n  Names:\n    Type: CommaDelimitedList\n  Name:\n    Type: String\n${t(value)}`;
const t = (value: string) => `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${value}\n`;

ruleTester(intrinsicArguments, {
  valid: [
    { name: 'well-formed functions', template: t('!If [C, !Sub "a-${X}", !FindInMap [M, !Ref AWS::Region, k]]') },
    { name: 'a !Sub with string variables', template: t('!Sub ["${A}", { A: !Ref P }]') },
    { name: 'a string parameter in a !Sub, and a list parameter joined into a variable', template: withParameters('!Sub ["${Name}-${All}", { All: !Join [",", !Ref Names] }]') },
  ],
  invalid: [
    { name: 'Fn::If with two arguments', template: t('!If [C, a]'), errors: [{ line: 5, column: 18 }] },
    { name: 'Fn::FindInMap with two', template: t('!FindInMap [M, k]'), errors: [{ line: 5, column: 18 }] },
    { name: 'a list parameter named in a !Sub string', template: withParameters('!Sub "queue-${Names}"'), errors: [{ line: 10, column: 32, messageIncludes: 'CommaDelimitedList' }] },
    { name: 'a !Sub variable that is a list', template: t('!Sub ["${A}", { A: [a, b] }]'), errors: [{ line: 5, column: 18 }] },
  ],
});
