import { environmentSize } from '../../../../server/src/rules/limits/environmentSize';
import { ruleTester, yaml } from '../../../support/ruleTester';

const big = (n: number) => 'x'.repeat(n);

ruleTester(environmentSize, {
  valid: [
    {
      name: 'variables below 90 % of 4 KB, unknown values counting 0',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Unknown: { Type: String }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  A: ${big(3000)}
                  B: !Ref Unknown
                  C: !GetAtt Table.Arn
      `,
    },
    {
      name: 'an If whose short branch keeps the total below the warning',
      template: yaml`
        Conditions:
          C: !Equals [a, b]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  A: !If [C, ${big(5000)}, short]
      `,
    },
  ],
  invalid: [
    {
      name: 'a total above 4 KB as an error, at the Variables key',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  A: ${big(2100)}
                  B: ${big(2100)}
      `,
      errors: [{ line: 6, column: 9, severity: 'error' }],
    },
    {
      name: 'a total at 90 % as a warning, "at least" with an unknown value, multi-byte characters counted in UTF-8',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  A: ${'é'.repeat(1850)}
                  B: !ImportValue other
      `,
      errors: [{ line: 6, column: 9, severity: 'warning', messageIncludes: 'at least 3,702 bytes' }],
    },
    {
      name: 'Globals variables merged into each function: at Globals when inherited, at the own key otherwise',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Environment:
              Variables:
                SHARED: ${big(3700)}
        Resources:
          A:
            Type: AWS::Serverless::Function
          B:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  OWN: ${big(1200)}
          C:
            Type: AWS::Serverless::Function
      `,
      errors: [
        { line: 5, column: 7, severity: 'warning', related: [[8, 3], [16, 3]] },
        { line: 14, column: 9, severity: 'error' },
      ],
    },
    {
      name: 'the literal text of a Sub with variables counted as a lower bound',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  URL: !Sub 'https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/${big(4100)}'
      `,
      errors: [{ line: 6, column: 9, severity: 'error', messageIncludes: 'at least 4,139 bytes' }],
    },
    {
      name: 'a parameter Default counted',
      template: yaml`
        Parameters:
          Blob: { Type: String, Default: ${big(4200)} }
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { BLOB: !Ref Blob } }
      `,
      errors: [{ line: 7, column: 22, severity: 'error' }],
    },
    {
      name: 'a JSON template',
      template: '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Environment": { "Variables": { "BLOB": "' + 'x'.repeat(4100) + '" } } }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 40, severity: 'error' }],
    },
  ],
});
