import assert from 'node:assert/strict';
import { duplicateKey } from '../../../../server/src/rules/template/duplicateKey';
import { timeout } from '../../../../server/src/rules/limits/timeout';
import { runRule, ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(duplicateKey, {
  valid: [
    {
      name: 'the same property name in two resources, and in a nested map',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Timeout: 3, Environment: { Variables: { Timeout: x } } }
          B:
            Type: AWS::Lambda::Function
            Properties: { Timeout: 3 }
      `,
    },
  ],
  invalid: [
    {
      name: 'a property given twice, at the ignored entry, pointing at the one CloudFormation uses',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Timeout: 30
              MemorySize: 512
              Timeout: 60
      `,
      errors: [{ line: 5, column: 7, related: [[7, 7]], messageIncludes: 'on line 7' }],
    },
    {
      name: 'a key given three times in a flow mapping: both earlier entries',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { STAGE: a, STAGE: b, STAGE: c } }
      `,
      errors: [{ line: 5, column: 35, related: [[5, 55]] }, { line: 5, column: 45, related: [[5, 55]] }],
    },
    {
      name: 'a logical id given twice, and a repeated top-level section',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::SNS::Topic
          Fn:
            Type: AWS::SQS::Queue
        Outputs: {}
        Outputs:
          X: { Value: 1 }
      `,
      errors: [{ line: 2, column: 3 }, { line: 6, column: 1, messageIncludes: 'undefined behaviour' }],
    },
    {
      name: 'a key given twice in JSON, named without its quotes',
      template: '{\n  "Resources": {\n    "Fn": { "Type": "AWS::SQS::Queue", "Type": "AWS::SNS::Topic" }\n  }\n}\n',
      errors: [{ line: 3, column: 13, related: [[3, 40]], messageIncludes: 'Type is given again' }],
    },
  ],
});

describe('template/duplicate-key: the model holds what CloudFormation deploys', () => {
  it('checks the last value of a duplicated property, not the first', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Timeout: 1200
            Timeout: 60
    `;
    assert.deepEqual(runRule(timeout, text), []);
    const reversed = text.replace('1200', 'X').replace('60', '1200').replace('X', '60');
    assert.equal(runRule(timeout, reversed).length, 1);
  });
});
