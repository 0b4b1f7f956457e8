import assert from 'node:assert/strict';
import { secretInEnvironment } from '../../../../server/src/rules/security/secretInEnvironment';
import { assertFixesClear } from '../../../support/fixes';
import { ruleTester, yaml } from '../../../support/ruleTester';

const literalSecrets = yaml`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    Token: { Type: String, Default: abc123 }
  Globals:
    Function:
      Environment:
        Variables:
          API_KEY: k-123
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        Environment:
          Variables:
            DB_PASSWORD: hunter2
            GITHUB_TOKEN: !Ref Token
`;

const json = '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Environment": { "Variables": { "ClientSecret": "s3cr3t" } } }\n    }\n  }\n}\n';

ruleTester(secretInEnvironment, {
  valid: [
    {
      name: 'dynamic references, NoEcho parameters, references to secrets and pointer-like keys',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          DbPassword: { Type: String, NoEcho: true, Default: change-me }
          Unknown: { Type: String }
        Resources:
          Secret:
            Type: AWS::SecretsManager::Secret
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  DB_PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
                  API_KEY: '{{resolve:ssm-secure:/app/api-key}}'
                  ADMIN_PASSWORD: !Ref DbPassword
                  SECRET_ARN: !Ref Secret
                  TOKEN_SECRET: !Ref Unknown
                  SECRET_NAME: prod/db
                  TOKEN_TABLE: tokens
                  SECRET_HOLDER: arn:aws:secretsmanager:us-east-1:123456789012:secret:db
                  TOKEN_TTL: 3600
                  API_KEY_REQUIRED: true
                  EMPTY_SECRET: ''
                  TABLE_NAME: orders
      `,
    },
  ],
  invalid: [
    {
      name: 'literal credentials as warnings: own, from Globals once, and through a parameter Default',
      template: literalSecrets,
      errors: [
        { line: 8, column: 18, severity: 'warning', related: [[10, 3]] },
        { line: 15, column: 24, severity: 'warning' },
        { line: 16, column: 25, severity: 'warning', related: [[3, 35]] },
      ],
    },
    {
      name: 'an access key id under any key as an error, in both If branches',
      template: yaml`
        Conditions:
          C: !Equals [a, b]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  UPLOAD_CONFIG: AKIAIOSFODNN7EXAMPLE
                  OTHER: !If [C, ASIAIOSFODNN7EXAMPLE, plain]
      `,
      errors: [{ line: 9, column: 26, severity: 'error' }, { line: 10, column: 26, severity: 'error' }],
    },
    {
      name: 'a JSON template (case-insensitive key)',
      template: json,
      errors: [{ line: 5, column: 71, severity: 'warning' }],
    },
  ],
});

describe('security/secret-in-environment quick fix', () => {
  it('replaces each literal with a Secrets Manager dynamic reference skeleton (YAML)', () => {
    const fixed = assertFixesClear(secretInEnvironment, literalSecrets);
    assert.match(fixed, /DB_PASSWORD: "\{\{resolve:secretsmanager:Fn:SecretString:DB_PASSWORD\}\}"/);
    assert.match(fixed, /GITHUB_TOKEN: "\{\{resolve:secretsmanager:Fn:SecretString:GITHUB_TOKEN\}\}"/);
  });

  it('replaces a block scalar and keeps the next variable intact', () => {
    const text = yaml`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Environment:
              Variables:
                PRIVATE_KEY: |
                  -----BEGIN PRIVATE KEY-----
                  abc
                NEXT: 1
    `;
    const fixed = assertFixesClear(secretInEnvironment, text);
    assert.match(fixed, /PRIVATE_KEY: "\{\{resolve:secretsmanager:Fn:SecretString:PRIVATE_KEY\}\}"\n {10}NEXT: 1\n/);
  });

  it('keeps a JSON template valid JSON', () => {
    const fixed = assertFixesClear(secretInEnvironment, json);
    const parsed = JSON.parse(fixed) as { Resources: { Fn: { Properties: { Environment: { Variables: Record<string, string> } } } } };
    assert.equal(parsed.Resources.Fn.Properties.Environment.Variables['ClientSecret'], '{{resolve:secretsmanager:Fn:SecretString:ClientSecret}}');
  });
});
