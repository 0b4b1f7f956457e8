import { directConnection } from '../../../../server/src/rules/rds/directConnection';
import { ruleTester, yaml } from '../../../support/ruleTester';

ruleTester(directConnection, {
  valid: [
    {
      name: 'a function using the proxy endpoint',
      template: yaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties: { Engine: aurora-postgresql }
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: POSTGRESQL }
          Api:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { DB_HOST: !GetAtt Proxy.Endpoint } }
      `,
    },
    {
      name: 'the Data API (cluster ARN and secret, no endpoint)',
      template: yaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties: { Engine: aurora-postgresql, EnableHttpEndpoint: true }
          Api:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { CLUSTER_ARN: !GetAtt Cluster.DBClusterArn, CLUSTER_ID: !Ref Cluster } }
      `,
    },
    {
      name: 'a function capped at 10 concurrent executions',
      template: yaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: postgres }
          Nightly:
            Type: AWS::Lambda::Function
            Properties:
              ReservedConcurrentExecutions: 10
              VpcConfig: { SubnetIds: [subnet-0a, subnet-0b], SecurityGroupIds: [sg-0a] }
              Environment: { Variables: { DB_HOST: !GetAtt Db.Endpoint.Address } }
      `,
    },
    {
      name: 'a function outside any VPC (it cannot reach the database: vpc/private-resource-unreachable)',
      template: yaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: postgres }
          Api:
            Type: AWS::Lambda::Function
            Properties:
              Environment: { Variables: { DB_HOST: !GetAtt Db.Endpoint.Address } }
      `,
    },
  ],
  invalid: [
    {
      name: 'a GetAtt of the cluster endpoint, as information, with the database related',
      template: yaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties: { Engine: aurora-postgresql }
          Api:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig: { SubnetIds: [subnet-0a, subnet-0b], SecurityGroupIds: [sg-0a] }
              Environment:
                Variables:
                  DB_HOST: !GetAtt Cluster.Endpoint.Address
      `,
      errors: [{ line: 11, column: 20, severity: 'information', related: [[2, 3]] }],
    },
    {
      name: 'a Sub of the reader endpoint while a proxy already fronts the database, with the proxy related',
      template: yaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: mysql }
          Proxy:
            Type: AWS::RDS::DBProxy
            Properties: { EngineFamily: MYSQL }
          Targets:
            Type: AWS::RDS::DBProxyTargetGroup
            Properties: { DBProxyName: !Ref Proxy, TargetGroupName: default, DBInstanceIdentifiers: [!Ref Db] }
          Api:
            Type: AWS::Lambda::Function
            Properties:
              ReservedConcurrentExecutions: 50
              VpcConfig: { SubnetIds: [subnet-0a, subnet-0b], SecurityGroupIds: [sg-0a] }
              Environment:
                Variables:
                  DB_URL: !Sub 'mysql://\${Db.Endpoint.Address}:\${Db.Endpoint.Port}/app'
      `,
      errors: [{ line: 18, column: 19, related: [[2, 3], [5, 3]], messageIncludes: 'use the endpoint of Proxy' }],
    },
  ],
});
