import { generatedIds } from '../../../../server/src/rules/sam/generatedIds';
import { ruleTester } from '../../../support/ruleTester';

const fn = (extra: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Events:
        Tick: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
${extra}`;

ruleTester(generatedIds, {
  valid: [
    { name: 'names SAM does not generate', template: fn('  WorkerExecutionRole:\n    Type: AWS::IAM::Role\n') },
    { name: 'a role named like the generated one, but the function has its own', template: fn('  WorkerRole:\n    Type: AWS::IAM::Role\n').replace('CodeUri: src/', 'CodeUri: src/\n      Role: !GetAtt WorkerRole.Arn') },
  ],
  invalid: [
    { name: 'the generated role id and the event source id', template: fn('  WorkerRole:\n    Type: AWS::IAM::Role\n  WorkerTick:\n    Type: AWS::Events::Rule\n'), errors: [{ line: 9, column: 3 }, { line: 11, column: 3 }] },
  ],
});
