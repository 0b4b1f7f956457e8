import assert from 'node:assert/strict';
import { deprecated } from '../../../../server/src/rules/runtime/deprecated';
import { ruleTester, runRule, yaml } from '../../../support/ruleTester';

ruleTester(deprecated, {
  valid: [
    {
      name: 'supported runtimes and an unknown value',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Rt: { Type: String }
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: { Runtime: nodejs22.x }
          B:
            Type: AWS::Lambda::Function
            Properties: { Runtime: python3.13 }
          C:
            Type: AWS::Lambda::Function
            Properties: { Runtime: !Ref Rt }
      `,
    },
    {
      name: 'a runtime before its deprecation date ("today" injected)',
      options: { today: new Date('2025-08-31T00:00:00Z') },
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Runtime: nodejs18.x }
      `,
    },
  ],
  invalid: [
    {
      name: 'deprecated as a warning, create-blocked and update-blocked as errors, from Globals once',
      options: { today: new Date('2027-02-15T00:00:00Z') },
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.9
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Lambda::Function
            Properties: { Runtime: dotnet9 }
          C:
            Type: AWS::Lambda::Function
            Properties: { Runtime: nodejs12.x }
      `,
      errors: [
        { line: 4, column: 14, severity: 'error', related: [[6, 3]], messageIncludes: 'refuses to create new functions' },
        { line: 10, column: 28, severity: 'warning', messageIncludes: 'Move to dotnet10' },
        { line: 13, column: 28, severity: 'error', messageIncludes: 'create or update' },
      ],
    },
    {
      name: 'an unknown runtime name as an error, both If branches, a parameter Default',
      template: yaml`
        Parameters:
          Rt: { Type: String, Default: nodejs22 }
        Conditions:
          C: !Equals [a, b]
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Runtime: !Ref Rt }
          B:
            Type: AWS::Lambda::Function
            Properties: { Runtime: !If [C, python2.7, Python3.12] }
      `,
      errors: [
        { line: 8, column: 28, severity: 'error', related: [[2, 32]], messageIncludes: 'nodejs22.x' },
        { line: 11, column: 36, severity: 'error' },
        { line: 11, column: 47, severity: 'error', messageIncludes: 'python3.12' },
      ],
    },
    {
      name: 'ids of known families newer than the data as warnings naming its date, typos and gaps as errors',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { Runtime: nodejs28.x }
          B:
            Type: AWS::Lambda::Function
            Properties: { Runtime: python3.19 }
          C:
            Type: AWS::Lambda::Function
            Properties: { Runtime: java29.al2023 }
          D:
            Type: AWS::Lambda::Function
            Properties: { Runtime: provided.al2027 }
          E:
            Type: AWS::Lambda::Function
            Properties: { Runtime: nodejs19.x }
          F:
            Type: AWS::Lambda::Function
            Properties: { Runtime: nodejs28 }
          G:
            Type: AWS::Lambda::Function
            Properties: { Runtime: ruby9.1 }
          H:
            Type: AWS::Lambda::Function
            Properties: { Runtime: dotnet12 }
      `,
      errors: [
        { line: 4, column: 28, severity: 'warning', messageIncludes: 'taken on 2026-11-27' },
        { line: 7, column: 28, severity: 'warning', messageIncludes: 'python runtimes' },
        { line: 10, column: 28, severity: 'warning' },
        { line: 13, column: 28, severity: 'warning' },
        { line: 16, column: 28, severity: 'error', messageIncludes: 'Did you mean' },
        { line: 19, column: 28, severity: 'error', messageIncludes: 'Did you mean' },
        { line: 22, column: 28, severity: 'warning' },
        { line: 25, column: 28, severity: 'warning', messageIncludes: 'refresh:runtimes' },
      ],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Runtime": "python2.7" }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 34, severity: 'error' }],
    },
  ],
});

describe('runtime/deprecated dates', () => {
  const template = 'Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: nodejs18.x }\n';
  const at = (day: string) => runRule(deprecated, template, { today: new Date(`${day}T12:00:00Z`) }).map((d) => d.severity);

  it('changes level on the days of the lifecycle data', () => {
    assert.deepEqual(at('2025-08-31'), []);
    assert.deepEqual(at('2025-09-01'), ['warning']);
    assert.deepEqual(at('2027-02-01'), ['error']);
    assert.deepEqual(at('2027-03-03'), ['error']);
  });
});
