import assert from 'node:assert/strict';
import { duplicateKey } from '../../../../server/src/rules/template/duplicateKey';
import { timeout } from '../../../../server/src/rules/limits/timeout';
import { runRule, ruleTester, yaml } from '../../../support/ruleTester';
import { applyFix } from '../../../support/fixTester';

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

describe('template/duplicate-key quick fix', () => {
  it('removes the ignored entry with its value lines, keeping the comment and blank line after it', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Environment:
              Variables:
                STAGE: dev
            # the timeout

            Timeout: 30
            Environment:
              Variables: { STAGE: prod }
    `;
    const fixed = applyFix(duplicateKey, text);
    assert.equal(fixed, text.replace('      Environment:\n        Variables:\n          STAGE: dev\n', ''));
    assert.deepEqual(runRule(duplicateKey, text)[0]!.fixes.map((f) => f.title), ['Remove this Environment, which CloudFormation ignores']);
  });

  it('removes a list written at the key\'s column with its entry', () => {
    const text = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Layers:\n      - arn:a\n      - arn:b\n      Layers:\n      - arn:c\n';
    assert.equal(applyFix(duplicateKey, text), 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Layers:\n      - arn:c\n');
  });

  it('offers no fix where removing lines would take more than the entry: flow mappings and JSON', () => {
    const flow = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Timeout: 3, Timeout: 4 }\n';
    const json = '{\n  "Resources": {\n    "Fn": { "Type": "AWS::SQS::Queue", "Type": "AWS::SNS::Topic" }\n  }\n}\n';
    for (const text of [flow, json]) assert.deepEqual(runRule(duplicateKey, text).map((d) => d.fixes.length), [0]);
  });
});
