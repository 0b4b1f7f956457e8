import assert from 'node:assert/strict';
import { ephemeralStorage } from '../../../../server/src/rules/limits/ephemeralStorage';
import { assertFixesClear } from '../../../support/fixes';
import { ruleTester, yaml } from '../../../support/ruleTester';

const bad = yaml`
  Transform: AWS::Serverless-2016-10-31
  Conditions:
    Big: !Equals [!Ref AWS::Region, us-east-1]
  Globals:
    Function:
      EphemeralStorage:
        Size: 256
  Resources:
    A:
      Type: AWS::Serverless::Function
    B:
      Type: AWS::Lambda::Function
      Properties:
        EphemeralStorage: !If [Big, { Size: 20480 }, { Size: 1024 }]
`;

ruleTester(ephemeralStorage, {
  valid: [
    {
      name: 'the bounds 512 and 10240, and a missing Size',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { EphemeralStorage: { Size: 512 } }
          B:
            Type: AWS::Lambda::Function
            Properties: { EphemeralStorage: { Size: 10240 } }
          C:
            Type: AWS::Lambda::Function
            Properties: { EphemeralStorage: {} }
      `,
    },
    {
      name: 'a parameter without a Default',
      template: yaml`
        Parameters:
          Tmp: { Type: Number }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { EphemeralStorage: { Size: !Ref Tmp } }
      `,
    },
  ],
  invalid: [
    {
      name: 'a Globals Size and the bad branch of an If',
      template: bad,
      errors: [
        { line: 7, column: 13, related: [[9, 3]] },
        { line: 14, column: 43 },
      ],
    },
    {
      name: 'a parameter Default',
      template: yaml`
        Parameters:
          Tmp: { Type: Number, Default: 100 }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { EphemeralStorage: { Size: !Ref Tmp } }
      `,
      errors: [{ line: 6, column: 45, related: [[2, 33]] }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "EphemeralStorage": { "Size": 10241 } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 53 }],
    },
  ],
});

describe('limits/ephemeral-storage quick fix', () => {
  it('clamps the sizes into 512..10240', () => {
    const fixed = assertFixesClear(ephemeralStorage, bad);
    assert.match(fixed, /Size: 512\n/);
    assert.match(fixed, /\{ Size: 10240 \}/);
  });
});
