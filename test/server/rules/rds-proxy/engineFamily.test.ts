import { engineFamily } from '../../../../server/src/rules/rds-proxy/engineFamily';
import { ruleTester, yaml } from '../../../support/ruleTester';

const proxyWith = (family: string, engine: string, targetKey = 'DBClusterIdentifiers', dbType = 'AWS::RDS::DBCluster') => yaml`
  Resources:
    Proxy:
      Type: AWS::RDS::DBProxy
      Properties:
        DBProxyName: app
        EngineFamily: ${family}
    Targets:
      Type: AWS::RDS::DBProxyTargetGroup
      Properties:
        DBProxyName: !Ref Proxy
        TargetGroupName: default
        ${targetKey}: [!Ref Db]
    Db:
      Type: ${dbType}
      Properties:
        Engine: ${engine}
`;

ruleTester(engineFamily, {
  valid: [
    { name: 'POSTGRESQL in front of aurora-postgresql', template: proxyWith('POSTGRESQL', 'aurora-postgresql') },
    { name: 'MYSQL in front of a MariaDB instance', template: proxyWith('MYSQL', 'mariadb', 'DBInstanceIdentifiers', 'AWS::RDS::DBInstance') },
    { name: 'SQLSERVER in front of sqlserver-se', template: proxyWith('SQLSERVER', 'sqlserver-se', 'DBInstanceIdentifiers', 'AWS::RDS::DBInstance') },
    { name: 'an engine written in capitals', template: proxyWith('MYSQL', 'Aurora-MySQL') },
    { name: 'an engine from a parameter without a Default (unknown)', template: proxyWith('MYSQL', '!Ref EngineParam') },
    {
      name: 'a target named by a parameter (not template-defined)',
      template: yaml`
        Parameters:
          ClusterId: { Type: String }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: MYSQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties:
              DBProxyName: !Ref Proxy
              TargetGroupName: default
              DBClusterIdentifiers: [!Ref ClusterId]
      `,
    },
    {
      name: 'a DB instance without Engine inheriting its cluster engine',
      template: yaml`
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties:
              DBProxyName: !Ref Proxy
              TargetGroupName: default
              DBInstanceIdentifiers: [!Ref Writer]
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties: { Engine: aurora-postgresql }
          Writer:
            Type: AWS::RDS::DBInstance
            Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large }
      `,
    },
  ],
  invalid: [
    {
      name: 'MYSQL in front of aurora-postgresql, with the engine and target group related',
      template: proxyWith('MYSQL', 'aurora-postgresql'),
      errors: [{ line: 6, column: 21, related: [[16, 15], [12, 30]], messageIncludes: 'Set EngineFamily to POSTGRESQL' }],
    },
    {
      name: 'an Oracle target, which no proxy supports',
      template: proxyWith('POSTGRESQL', 'oracle-ee', 'DBInstanceIdentifiers', 'AWS::RDS::DBInstance'),
      errors: [{ line: 6, column: 21, messageIncludes: 'cannot be used behind an RDS Proxy' }],
    },
    {
      name: 'a proxy named by a literal DBProxyName and a family from a parameter Default',
      template: yaml`
        Parameters:
          Family: { Type: String, Default: SQLSERVER }
        Resources:
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties:
              DBProxyName: orders-proxy
              EngineFamily: !Ref Family
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties:
              DBProxyName: orders-proxy
              TargetGroupName: default
              DBInstanceIdentifiers: [!Ref Db]
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: postgres }
      `,
      errors: [{ line: 8, column: 21, related: [[2, 36], [17, 27], [14, 31]] }],
    },
  ],
});
