import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { functionById } from '../../../server/src/template/functions';
import {
  executionRole,
  hasManagedPolicy,
  managedPolicyArn,
  roleAllows,
  roleAllowsAll,
  roleIdOf,
  rolePolicies,
  roleTrust,
  roleTrusts,
} from '../../../server/src/template/iam';
import type { ExecutionRole } from '../../../server/src/template/iam';
import { globCoversArn, HOLE } from '../../../server/src/template/policies';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '../../support/ruleTester';

function roleOf(text: string, fn: string): { t: ReturnType<typeof buildTemplate>; role: ExecutionRole } {
  const t = buildTemplate(text);
  const f = functionById(t, fn);
  assert.ok(f, `function ${fn}`);
  return { t, role: executionRole(t, f) };
}

const ROLE_TEMPLATE = yaml`
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    Secret:
      Type: AWS::SecretsManager::Secret
    Other:
      Type: AWS::SecretsManager::Secret
    Key:
      Type: AWS::KMS::Key
    Role:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Principal: { Service: [lambda.amazonaws.com, edgelambda.amazonaws.com] }
              Action: sts:AssumeRole
        ManagedPolicyArns:
          - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        Policies:
          - PolicyName: secrets
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: secretsmanager:GetSecretValue
                  Resource: !Ref Secret
                - Effect: Allow
                  Action: [ec2:Describe*, ec2:CreateNetworkInterface]
                  Resource: '*'
    Extra:
      Type: AWS::IAM::Policy
      Properties:
        PolicyName: extra
        Roles: [!Ref Role]
        PolicyDocument:
          Statement:
            - Effect: Allow
              Action: kms:Decrypt
              Resource: !GetAtt Key.Arn
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        Role: !GetAtt Role.Arn
`;

describe('template/iam', () => {
  describe('execution role', () => {
    it('resolves !GetAtt R.Arn, !Ref R and !Sub to a template role; a literal ARN is external', () => {
      const t = buildTemplate(yaml`
        Resources:
          R: { Type: AWS::IAM::Role, Properties: {} }
          A: { Type: AWS::Lambda::Function, Properties: { Role: !GetAtt R.Arn } }
          B: { Type: AWS::Lambda::Function, Properties: { Role: !Ref R } }
          C: { Type: AWS::Lambda::Function, Properties: { Role: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/\${R}' } }
          D: { Type: AWS::Lambda::Function, Properties: { Role: arn:aws:iam::123456789012:role/x } }
          E: { Type: AWS::Serverless::Function, Properties: { Runtime: nodejs22.x } }
      `);
      const kinds = ['A', 'B', 'C', 'D', 'E'].map((id) => {
        const r = executionRole(t, functionById(t, id)!);
        return r.kind === 'role' ? `role:${r.id}` : r.kind;
      });
      assert.deepEqual(kinds, ['role:R', 'role:R', 'role:R', 'external', 'sam']);
      assert.equal(roleIdOf(t, undefined), undefined);
    });

    it('answers unknown for an external role', () => {
      const { t, role } = roleOf(yaml`
        Resources:
          Fn: { Type: AWS::Lambda::Function, Properties: { Role: !ImportValue shared-role } }
      `, 'Fn');
      assert.equal(role.kind, 'external');
      assert.equal(roleAllows(t, role, 's3:GetObject'), 'unknown');
      assert.equal(rolePolicies(t, role), undefined);
    });
  });

  describe('template AWS::IAM::Role', () => {
    const { t, role } = roleOf(ROLE_TEMPLATE, 'Fn');

    it('allows an inline statement on the referenced resource only', () => {
      assert.equal(roleAllows(t, role, 'secretsmanager:GetSecretValue', 'Secret'), 'allowed');
      assert.equal(roleAllows(t, role, 'secretsmanager:GetSecretValue', 'Other'), 'denied');
    });

    it('matches action wildcards case-insensitively', () => {
      assert.equal(roleAllows(t, role, 'ec2:DescribeNetworkInterfaces'), 'allowed');
      assert.equal(roleAllows(t, role, 'EC2:describesubnets'), 'allowed');
      assert.equal(roleAllows(t, role, 'ec2:DeleteNetworkInterface'), 'denied');
      assert.equal(roleAllowsAll(t, role, ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface']), 'denied');
    });

    it('includes standalone AWS::IAM::Policy resources attached through Roles', () => {
      assert.equal(roleAllows(t, 'Role', 'kms:Decrypt', 'Key'), 'allowed');
    });

    it('expands known AWS managed policies and reports attachments by name', () => {
      assert.equal(roleAllows(t, role, 'logs:PutLogEvents'), 'allowed');
      assert.equal(hasManagedPolicy(t, role, ['AWSLambdaBasicExecutionRole']), 'allowed');
      assert.equal(hasManagedPolicy(t, role, ['AWSLambdaVPCAccessExecutionRole']), 'denied');
    });

    it('reads who may assume the role', () => {
      assert.deepEqual(roleTrust(t, role).services, ['lambda.amazonaws.com', 'edgelambda.amazonaws.com']);
      assert.equal(roleTrusts(t, role, 'edgelambda.amazonaws.com'), 'allowed');
      assert.equal(roleTrusts(t, 'Role', 'states.amazonaws.com'), 'denied');
    });
  });

  it('turns a denial into unknown when any policy is not statically known', () => {
    const t = buildTemplate(yaml`
      Resources:
        R:
          Type: AWS::IAM::Role
          Properties:
            ManagedPolicyArns:
              - arn:aws:iam::123456789012:policy/team-policy
        M:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            Roles: [!Ref R]
            PolicyDocument: !ImportValue shared-document
    `);
    assert.equal(roleAllows(t, 'R', 'ec2:CreateNetworkInterface'), 'unknown');
    assert.equal(hasManagedPolicy(t, 'R', ['AWSLambdaVPCAccessExecutionRole']), 'unknown');
  });

  it('attaches a standalone policy that names the role by its literal RoleName', () => {
    const t = buildTemplate(yaml`
      Resources:
        R:
          Type: AWS::IAM::Role
          Properties: { RoleName: orders-api }
        P:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: eni
            Roles: [orders-api, some-other-role]
            PolicyDocument:
              Statement: [{ Effect: Allow, Action: 'ec2:*', Resource: '*' }]
    `);
    assert.equal(roleAllows(t, 'R', 'ec2:CreateNetworkInterface'), 'allowed');
  });

  it('reads a template ManagedPolicy named in ManagedPolicyArns, and an explicit Deny', () => {
    const t = buildTemplate(yaml`
      Resources:
        R:
          Type: AWS::IAM::Role
          Properties:
            ManagedPolicyArns: [!Ref Eni]
            Policies:
              - PolicyName: no-delete
                PolicyDocument:
                  Statement: { Effect: Deny, Action: ec2:DeleteNetworkInterface, Resource: '*' }
        Eni:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement: [{ Effect: Allow, Action: 'ec2:*NetworkInterface*', Resource: '*' }]
    `);
    assert.equal(roleAllows(t, 'R', 'ec2:CreateNetworkInterface'), 'allowed');
    assert.equal(roleAllows(t, 'R', 'ec2:DeleteNetworkInterface'), 'denied');
  });

  describe('SAM generated role', () => {
    const text = yaml`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Uploads: { Type: AWS::S3::Bucket }
        Thumbs: { Type: AWS::S3::Bucket, Properties: { BucketName: thumbs-bucket } }
        Table: { Type: AWS::DynamoDB::Table }
        Queue: { Type: AWS::SQS::Queue }
        Secret: { Type: AWS::SecretsManager::Secret, Properties: { Name: db-credentials } }
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }
            Events:
              Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }
            Policies:
              - S3ReadPolicy: { BucketName: !Ref Uploads }
              - S3WritePolicy: { BucketName: thumbs-bucket }
              - DynamoDBCrudPolicy: { TableName: !Ref Table }
              - AWSSecretsManagerGetSecretValuePolicy: { SecretArn: !Ref Secret }
              - Statement:
                  - Effect: Allow
                    Action: rds-db:connect
                    Resource: !Sub arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:*/app
    `;
    const { t, role } = roleOf(text, 'Fn');

    it('expands policy templates to their actions on the named resource', () => {
      assert.equal(roleAllows(t, role, 's3:GetObject', 'Uploads'), 'allowed');
      assert.equal(roleAllows(t, role, 's3:DeleteObject', 'Uploads'), 'denied');
      // A literal bucket name might be the generated name of Uploads: not decidable.
      assert.equal(roleAllows(t, role, 's3:PutObject', 'Uploads'), 'unknown');
      assert.equal(roleAllows(t, role, 's3:PutObject', 'Thumbs'), 'allowed');
      assert.equal(roleAllows(t, role, 'dynamodb:PutItem', 'Table'), 'allowed');
      assert.equal(roleAllows(t, role, 'secretsmanager:GetSecretValue', 'Secret'), 'allowed');
      assert.equal(roleAllows(t, role, 'sqs:SendMessage', 'Queue'), 'denied');
    });

    it('adds what SAM adds: basic execution, VPC access for VpcConfig, the queue poller policy', () => {
      assert.equal(hasManagedPolicy(t, role, ['AWSLambdaVPCAccessExecutionRole']), 'allowed');
      assert.equal(roleAllows(t, role, 'ec2:CreateNetworkInterface'), 'allowed');
      assert.equal(roleAllows(t, role, 'sqs:ReceiveMessage', 'Queue'), 'allowed');
    });

    it('matches an ARN built with !Sub and wildcards', () => {
      assert.equal(roleAllows(t, role, 'rds-db:connect'), 'allowed');
      assert.equal(roleAllows(t, role, 'kms:Decrypt'), 'denied');
    });

    it('trusts lambda.amazonaws.com only, unless AssumeRolePolicyDocument says otherwise', () => {
      assert.equal(roleTrusts(t, role, 'lambda.amazonaws.com'), 'allowed');
      assert.equal(roleTrusts(t, role, 'edgelambda.amazonaws.com'), 'denied');
    });

    it('treats an unknown policy template as unknown', () => {
      const u = roleOf(yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies: [{ SomeFuturePolicy: {} }]
      `, 'Fn');
      assert.equal(roleAllows(u.t, u.role, 'ec2:CreateNetworkInterface'), 'unknown');
    });
  });

  describe('ARN globs against template resources', () => {
    it('decides only when the unknown parts of the ARN cannot change the answer', () => {
      const shape = `arn:\u0001p:secretsmanager:\u0001r:\u0001a:secret:${HOLE}-${HOLE}`;
      assert.equal(globCoversArn('arn:aws:secretsmanager:*:*:secret:*', shape), true);
      assert.equal(globCoversArn('arn:aws:s3:::*', shape), false);
      assert.equal(globCoversArn('arn:aws:secretsmanager:*:*:secret:prod-*', shape), undefined);
      assert.equal(globCoversArn('arn:aws:s3:::other/*', 'arn:\u0001p:s3:::mine'), false);
      assert.equal(globCoversArn('*', shape), true);
    });
  });

  it('writes partition-safe managed policy ARNs', () => {
    assert.equal(managedPolicyArn('AWSLambdaVPCAccessExecutionRole'), 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole');
    assert.equal(managedPolicyArn('AmazonS3ReadOnlyAccess'), 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess');
  });

  describe('on the network fixture', () => {
    const t = buildTemplate(readFileSync(join(__dirname, '../../fixtures/network/good.yaml'), 'utf8'));
    const role = (fn: string) => executionRole(t, functionById(t, fn)!);

    it('lets the API role connect to the proxy it names through !Select over the proxy ARN', () => {
      assert.equal(roleAllows(t, role('ApiFunction'), 'rds-db:connect', 'DatabaseProxy'), 'allowed');
      assert.equal(roleAllows(t, role('ApiFunction'), 'rds-db:connect', 'DatabaseCluster'), 'denied');
    });

    it('lets the proxy role read its secret and decrypt with the secret key (a conditional Allow counts)', () => {
      assert.equal(roleAllows(t, 'ProxyRole', 'secretsmanager:GetSecretValue', 'DatabaseSecret'), 'allowed');
      assert.equal(roleAllows(t, 'ProxyRole', 'kms:Decrypt', 'SecretKey'), 'allowed');
    });

    it('matches a bucket named with !Sub to a policy template naming it the same way', () => {
      assert.equal(roleAllows(t, role('ThumbnailFunction'), 's3:GetObject', 'UploadsBucket'), 'allowed');
      assert.equal(roleAllows(t, role('ThumbnailFunction'), 's3:PutObject', 'UploadsBucket'), 'denied');
      assert.equal(roleAllows(t, role('ThumbnailFunction'), 's3:PutObject', 'ThumbnailsBucket'), 'allowed');
    });

    it('sees the edge role trusted by edgelambda.amazonaws.com', () => {
      assert.equal(roleTrusts(t, role('ImageUrlRewrite'), 'edgelambda.amazonaws.com'), 'allowed');
      assert.equal(roleTrusts(t, role('ApiFunction'), 'edgelambda.amazonaws.com'), 'denied');
    });
  });
});
