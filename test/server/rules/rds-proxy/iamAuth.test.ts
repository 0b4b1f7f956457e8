import assert from 'node:assert/strict';
import { iamAuth } from '../../../../server/src/rules/rds-proxy/iamAuth';
import { runRule, ruleTester, yaml } from '../../../support/ruleTester';
import { applyFix } from '../../../support/fixTester';
import { at, pos } from '../../../support/rdsNetwork';

const clients = (iamAuth: string, apiPolicy: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      RequireTLS: true
      Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: ${iamAuth} }]
  ApiRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: db
          PolicyDocument:
            Statement:
              - ${apiPolicy}
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt ApiRole.Arn
      Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
  Report:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - Statement:
            - { Effect: Allow, Action: rds-db:connect, Resource: !Sub 'arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:*/report' }
      Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
`;

const CONNECT = "{ Effect: Allow, Action: rds-db:connect, Resource: !Sub 'arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:*/api' }";
const NO_CONNECT = clients('REQUIRED', '{ Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::reports/* }');
const DISABLED_NO_CONNECT = clients('DISABLED', '{ Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::reports/* }');


const SET = 'Set IAMAuth to REQUIRED (and RequireTLS to true)';

const DISABLED = yaml`
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        EngineFamily: POSTGRESQL
        Auth:
          - AuthScheme: SECRETS
            SecretArn: !Ref DbSecret
            IAMAuth: DISABLED
`;

const MISSING_FLOW = yaml`
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        EngineFamily: MYSQL
        RequireTLS: false
        Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret }]
`;

const MISSING_BLOCK = yaml`
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        EngineFamily: MYSQL
        Auth:
          - AuthScheme: SECRETS
            SecretArn: !Ref DbSecret
`;

const JSON_TEMPLATE = `{
  "Resources": {
    "Proxy": {
      "Type": "AWS::RDS::DBProxy",
      "Properties": {
        "EngineFamily": "POSTGRESQL",
        "Auth": [{ "AuthScheme": "SECRETS", "SecretArn": { "Ref": "DbSecret" }, "IAMAuth": "DISABLED" }]
      }
    }
  }
}
`;

ruleTester(iamAuth, {
  valid: [
    {
      name: 'IAMAuth REQUIRED with RequireTLS true',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              RequireTLS: true
              Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
      `,
    },
    {
      name: 'end-to-end IAM (DefaultAuthScheme IAM_AUTH) over TLS without Auth entries',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL, DefaultAuthScheme: IAM_AUTH, RequireTLS: 'true' }
      `,
    },
    {
      name: 'IAMAuth and RequireTLS from parameters without Default (unknown)',
      template: yaml`
        Parameters:
          Iam: { Type: String }
          Tls: { Type: String }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              RequireTLS: !Ref Tls
              Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: !Ref Iam }]
      `,
    },
    { name: 'IAM clients whose roles (own and SAM-generated) allow rds-db:connect', template: clients('REQUIRED', CONNECT) },
    { name: 'a client whose role is outside the template (unknown)', template: clients('REQUIRED', CONNECT).replace('Role: !GetAtt ApiRole.Arn', 'Role: arn:aws:iam::123456789012:role/api') },
  ],
  invalid: [
    {
      name: 'a client without rds-db:connect while IAMAuth is REQUIRED, as an error at its use of the proxy',
      template: NO_CONNECT,
      errors: [{
        ...pos(NO_CONNECT, '!GetAtt Proxy.Endpoint'),
        severity: 'error',
        related: [at(NO_CONNECT, 'REQUIRED'), at(NO_CONNECT, '!GetAtt ApiRole.Arn')],
      }],
    },
    {
      name: 'IAMAuth DISABLED, as a warning at the value',
      template: DISABLED,
      errors: [{ line: 9, column: 20, severity: 'warning' }],
    },
    {
      name: 'a missing IAMAuth, at the Auth entry',
      template: MISSING_BLOCK,
      errors: [{ line: 7, column: 11, severity: 'warning' }],
    },
    {
      name: 'IAMAuth REQUIRED with RequireTLS false, as an error at RequireTLS with IAMAuth related',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              RequireTLS: false
              Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
      `,
      errors: [{ line: 6, column: 19, severity: 'error', related: [[7, 72]] }],
    },
    {
      name: 'IAMAuth REQUIRED without RequireTLS, as an error at IAMAuth',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
      `,
      errors: [{ line: 6, column: 72, severity: 'error', related: [[2, 3]] }],
    },
    {
      name: 'IAMAuth ENABLED from a parameter Default, with the Default related',
      template: yaml`
        Parameters:
          Iam: { Type: String, Default: ENABLED }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: SQLSERVER
              RequireTLS: true
              Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: !Ref Iam }]
      `,
      errors: [{ line: 9, column: 72, related: [[2, 33]] }],
    },
  ],
});

describe('rds-proxy/iam-auth quick fix', () => {
  it('replaces DISABLED with REQUIRED and adds RequireTLS to a block map', () => {
    assert.equal(runRule(iamAuth, DISABLED)[0]?.fixes[0]?.title, SET);
    const fixed = applyFix(iamAuth, DISABLED);
    assert.match(fixed, /IAMAuth: REQUIRED/);
    assert.match(fixed, /\n {6}RequireTLS: true\n {6}EngineFamily: POSTGRESQL/);
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });

  it('inserts IAMAuth into a flow-style entry and turns an explicit RequireTLS false on', () => {
    const fixed = applyFix(iamAuth, MISSING_FLOW);
    assert.match(fixed, /Auth: \[\{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED \}\]/);
    assert.match(fixed, /RequireTLS: true/);
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });

  it('inserts IAMAuth as a new line of a block-style list entry', () => {
    const fixed = applyFix(iamAuth, MISSING_BLOCK);
    assert.match(fixed, /- AuthScheme: SECRETS\n {10}SecretArn: !Ref DbSecret\n {10}IAMAuth: REQUIRED\n/);
    assert.match(fixed, /\n {6}RequireTLS: true\n {6}EngineFamily: MYSQL/);
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });

  it('writes quoted JSON', () => {
    const fixed = applyFix(iamAuth, JSON_TEMPLATE);
    assert.match(fixed, /"IAMAuth": "REQUIRED"/);
    assert.equal(JSON.parse(fixed).Resources.Proxy.Properties.RequireTLS, 'true');
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });

  it('is withheld while a client would lose access, and the message says who needs rds-db:connect', () => {
    const [warning] = runRule(iamAuth, DISABLED_NO_CONNECT);
    assert.equal(warning?.severity, 'warning');
    assert.deepEqual(warning?.fixes, []);
    assert.match(warning?.message ?? '', /First allow rds-db:connect to Api\./);
  });

  it('is offered once every client can connect, and leaves no error behind', () => {
    const fixed = applyFix(iamAuth, clients('DISABLED', CONNECT));
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });

  it('offers only RequireTLS for the TLS error', () => {
    const text = yaml`
      Resources:
        Proxy:
          Type: AWS::RDS::DBProxy
          Properties:
            EngineFamily: POSTGRESQL
            Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
    `;
    const fixed = applyFix(iamAuth, text);
    assert.deepEqual(runRule(iamAuth, fixed), []);
  });
});
