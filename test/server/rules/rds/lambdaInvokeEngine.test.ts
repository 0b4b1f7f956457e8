import { lambdaInvokeEngine } from '../../../../server/src/rules/rds/lambdaInvokeEngine';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { at, pos } from '../../../support/rdsNetwork';

const clusterWithRole = (engine: string, action: string) => `Resources:
  InvokeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: rds.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: invoke
          PolicyDocument: { Statement: [{ Effect: Allow, Action: ${action}, Resource: '*' }] }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: ${engine}
      AssociatedRoles: [{ RoleArn: !GetAtt InvokeRole.Arn }]
`;
const MYSQL_INVOKER = clusterWithRole('mysql', 'lambda:InvokeFunction');

const db = (type: string, engine: string, feature = 'Lambda') => yaml`
  Resources:
    Db:
      Type: ${type}
      Properties:
        Engine: ${engine}
        AssociatedRoles:
          - FeatureName: ${feature}
            RoleArn: arn:aws:iam::123456789012:role/db-invoke
`;

ruleTester(lambdaInvokeEngine, {
  valid: [
    { name: 'a PostgreSQL instance invoking Lambda', template: db('AWS::RDS::DBInstance', 'postgres') },
    { name: 'an Aurora PostgreSQL cluster invoking Lambda', template: db('AWS::RDS::DBCluster', 'aurora-postgresql') },
    { name: 'an Aurora MySQL cluster invoking Lambda', template: db('AWS::RDS::DBCluster', 'aurora-mysql') },
    { name: 'a MySQL instance with an S3 import role', template: db('AWS::RDS::DBInstance', 'mysql', 's3Import') },
    { name: 'an engine from a parameter without a Default (unknown)', template: db('AWS::RDS::DBInstance', '!Ref Engine') },
    { name: 'an Aurora MySQL cluster with a role allowed to invoke Lambda', template: clusterWithRole('aurora-mysql', 'lambda:InvokeFunction') },
    { name: 'a MySQL cluster with a role for S3 only', template: clusterWithRole('mysql', 's3:GetObject') },
  ],
  invalid: [
    {
      name: 'a MySQL cluster with a role allowed lambda:InvokeFunction, at the RoleArn with the role related',
      template: MYSQL_INVOKER,
      errors: [{ ...pos(MYSQL_INVOKER, '!GetAtt InvokeRole.Arn'), related: [at(MYSQL_INVOKER, 'InvokeRole:'), at(MYSQL_INVOKER, 'mysql', 'Engine:')] }],
    },
    {
      name: 'a MySQL instance given a Lambda role, at the FeatureName with the Engine related',
      template: db('AWS::RDS::DBInstance', 'mysql'),
      errors: [{ line: 7, column: 24, related: [[5, 15]] }],
    },
    {
      name: 'a SQL Server instance whose engine comes from a parameter Default',
      template: yaml`
        Parameters:
          Engine: { Type: String, Default: sqlserver-se }
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: !Ref Engine
              AssociatedRoles: [{ FeatureName: LAMBDA, RoleArn: !GetAtt Role.Arn }]
      `,
      errors: [{ line: 8, column: 40, related: [[7, 15]] }],
    },
  ],
});
