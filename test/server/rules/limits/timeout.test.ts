import assert from 'node:assert/strict';
import { timeout } from '../../../../server/src/rules/limits/timeout';
import { assertFixesClear } from '../../../support/fixes';
import { ruleTester, yaml } from '../../../support/ruleTester';

const globalsAndIf = yaml`
  Transform: AWS::Serverless-2016-10-31
  Conditions:
    IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
  Parameters:
    Seconds: { Type: Number, Default: 0 }
  Globals:
    Function:
      Timeout: 1200
  Resources:
    A:
      Type: AWS::Serverless::Function
    B:
      Type: AWS::Serverless::Function
      Properties:
        Timeout: !If [IsProd, 1000, !Ref Seconds]
`;

ruleTester(timeout, {
  valid: [
    {
      name: 'the bounds 1 and 900, and a numeric string',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Timeout: 1 }
          B:
            Type: AWS::Lambda::Function
            Properties: { Timeout: '900' }
      `,
    },
    {
      name: 'a parameter without a Default and an imported value',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Seconds: { Type: Number }
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { Timeout: !Ref Seconds }
          B:
            Type: AWS::Serverless::Function
            Properties: { Timeout: !ImportValue shared-timeout }
      `,
    },
    {
      name: 'a bad Globals value overridden by every function',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 0
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { Timeout: 30 }
      `,
    },
  ],
  invalid: [
    {
      name: 'Globals once with the inheriting function, both bad If branches, the parameter Default related',
      template: globalsAndIf,
      errors: [
        { line: 8, column: 14, related: [[10, 3]] },
        { line: 15, column: 29 },
        { line: 15, column: 35, related: [[5, 37]] },
      ],
    },
    {
      name: 'a JSON template with a fraction',
      template: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Timeout": 2.5 } }\n  }\n}\n',
      errors: [{ line: 4, column: 73 }],
    },
  ],
});

describe('limits/timeout quick fix', () => {
  it('clamps every value into range, the parameter at its Default', () => {
    const fixed = assertFixesClear(timeout, globalsAndIf);
    assert.match(fixed, /Timeout: 900\n/);
    assert.match(fixed, /Default: 1 \}/);
    assert.match(fixed, /!If \[IsProd, 900, !Ref Seconds\]/);
  });
});
