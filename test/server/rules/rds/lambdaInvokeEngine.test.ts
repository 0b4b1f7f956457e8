import { lambdaInvokeEngine } from '../../../../server/src/rules/rds/lambdaInvokeEngine';
import { ruleTester, yaml } from '../../../support/ruleTester';

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
  ],
  invalid: [
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
