import assert from 'node:assert/strict';
import { loggingConfig } from '../../../../server/src/rules/limits/loggingConfig';
import { assertFixesClear } from '../../../support/fixes';
import { ruleTester, yaml } from '../../../support/ruleTester';

const badLevels = yaml`
  Resources:
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        LoggingConfig:
          LogFormat: JSON
          ApplicationLogLevel: warning
          SystemLogLevel: ERROR
`;

ruleTester(loggingConfig, {
  valid: [
    {
      name: 'levels with JSON logs, Text logs without levels, an unknown format',
      template: yaml`
        Parameters:
          Format: { Type: String }
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties: { LoggingConfig: { LogFormat: JSON, ApplicationLogLevel: TRACE, SystemLogLevel: WARN } }
          B:
            Type: AWS::Lambda::Function
            Properties: { LoggingConfig: { LogFormat: Text, LogGroup: /aws/lambda/b } }
          C:
            Type: AWS::Lambda::Function
            Properties: { LoggingConfig: { LogFormat: !Ref Format, ApplicationLogLevel: INFO } }
      `,
    },
  ],
  invalid: [
    {
      name: 'levels with LogFormat Text and with no LogFormat (Text by default)',
      template: yaml`
        Resources:
          A:
            Type: AWS::Lambda::Function
            Properties:
              LoggingConfig:
                LogFormat: Text
                ApplicationLogLevel: INFO
          B:
            Type: AWS::Lambda::Function
            Properties:
              LoggingConfig: { SystemLogLevel: DEBUG }
      `,
      errors: [{ line: 7, column: 9, related: [[6, 20]], messageIncludes: 'LogFormat is Text' }, { line: 11, column: 24, messageIncludes: 'defaults to Text' }],
    },
    {
      name: 'level names Lambda does not define, at the value',
      template: badLevels,
      errors: [{ line: 7, column: 30, messageIncludes: 'Did you mean WARN' }, { line: 8, column: 25 }],
    },
    {
      name: 'a Globals LogFormat Text with a function-level level (maps merge key by key)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            LoggingConfig: { LogFormat: Text }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              LoggingConfig: { ApplicationLogLevel: ERROR }
      `,
      errors: [{ line: 9, column: 24, related: [[4, 33]] }],
    },
  ],
});

describe('limits/logging-config quick fix', () => {
  it('corrects a level name to the one meant', () => {
    const fixed = assertFixesClear(loggingConfig, badLevels.replace(/\n *SystemLogLevel: ERROR/, ''));
    assert.match(fixed, /ApplicationLogLevel: WARN\n/);
  });
});
