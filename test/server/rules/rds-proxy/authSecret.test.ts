import { authSecret } from '../../../../server/src/rules/rds-proxy/authSecret';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { at, pos } from '../../../support/rdsNetwork';

const roleWith = (statements: string, kms = '') => `Resources:
  DbKey:
    Type: AWS::KMS::Key
    Properties: { KeyPolicy: { Version: '2012-10-17', Statement: [] } }
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties: { GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: password }${kms} }
  ProxyRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: rds.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: secret
          PolicyDocument:
            Statement:
${statements}
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      RoleArn: !GetAtt ProxyRole.Arn
      Auth: [{ AuthScheme: SECRETS, SecretArn: !Ref DbSecret, IAMAuth: REQUIRED }]
`;

const READ = "              - { Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Ref DbSecret }";
const DECRYPT = "              - { Effect: Allow, Action: kms:Decrypt, Resource: !GetAtt DbKey.Arn }";
const NO_READ = roleWith("              - { Effect: Allow, Action: secretsmanager:DescribeSecret, Resource: !Ref DbSecret }");
const NO_DECRYPT = roleWith(READ, ', KmsKeyId: !Ref DbKey');


ruleTester(authSecret, {
  valid: [
    {
      name: 'an Auth entry with a SecretArn',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              Auth: [{ AuthScheme: SECRETS, SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db, IAMAuth: REQUIRED }]
      `,
    },
    {
      name: 'end-to-end IAM authentication without secrets',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              DefaultAuthScheme: IAM_AUTH
              Auth: [{ IAMAuth: REQUIRED }]
      `,
    },
    { name: 'a proxy role allowed to read the secret', template: roleWith(READ) },
    { name: 'a proxy role allowed to read and decrypt a secret with a customer key', template: roleWith(`${READ}\n${DECRYPT}`, ', KmsKeyId: !Ref DbKey') },
    { name: 'a proxy role allowed secretsmanager:* on every resource', template: roleWith("              - { Effect: Allow, Action: 'secretsmanager:*', Resource: '*' }") },
    {
      name: 'a proxy role from outside the template (unknown)',
      template: roleWith(READ).replace('RoleArn: !GetAtt ProxyRole.Arn', 'RoleArn: arn:aws:iam::123456789012:role/proxy'),
    },
  ],
  invalid: [
    {
      name: 'a proxy role without secretsmanager:GetSecretValue, at the SecretArn with the role and secret related',
      template: NO_READ,
      errors: [{ ...pos(NO_READ, '!Ref DbSecret,'), related: [at(NO_READ, '!GetAtt ProxyRole.Arn'), at(NO_READ, 'DbSecret:')], messageIncludes: 'secretsmanager:GetSecretValue' }],
    },
    {
      name: 'a proxy role without kms:Decrypt on the secret key, with the key related',
      template: NO_DECRYPT,
      errors: [{ ...pos(NO_DECRYPT, '!Ref DbSecret,'), related: [at(NO_DECRYPT, '!GetAtt ProxyRole.Arn'), at(NO_DECRYPT, 'DbSecret:'), at(NO_DECRYPT, '!Ref DbKey')], messageIncludes: 'kms:Decrypt on DbKey' }],
    },
    {
      name: 'an Auth entry without SecretArn, at the entry',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: MYSQL
              Auth:
                - AuthScheme: SECRETS
                  IAMAuth: REQUIRED
      `,
      errors: [{ line: 7, column: 11 }],
    },
  ],
});
