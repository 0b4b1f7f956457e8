import { privateResourceUnreachable } from '../../../../server/src/rules/vpc/privateResourceUnreachable';
import { ruleTester, yaml } from '../../../support/ruleTester';

/** A function without VpcConfig whose environment holds `value`, next to `resources`. */
function fn(value: string, resources: string, fnExtra = ''): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
${fnExtra}      Environment:
        Variables:
          TARGET: ${value}
${resources}`;
}

const PRIVATE_SUBNETS = yaml`
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: vpc-1 } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1 } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1 } }
  AssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref Rt } }
  AssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref B, RouteTableId: !Ref Rt } }
  Group: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B] } }
`.replace(/^/gm, '  ');

const proxy = '  Proxy:\n    Type: AWS::RDS::DBProxy\n    Properties: { EngineFamily: POSTGRESQL }\n';
const cache = '  Cache:\n    Type: AWS::ElastiCache::ServerlessCache\n    Properties: { Engine: valkey }\n';
const cluster = (props: string) => `  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties: { Engine: aurora-postgresql${props} }\n${PRIVATE_SUBNETS}`;

ruleTester(privateResourceUnreachable, {
  valid: [
    { name: 'a function in a VPC', template: fn('!GetAtt Proxy.Endpoint', proxy, '      VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }\n') },
    { name: 'the cluster ARN in a policy (Data API), not its endpoint', template: fn('!GetAtt Cluster.DBClusterArn', cluster(', DBSubnetGroupName: !Ref Group')) },
    { name: 'a publicly accessible database instance', template: fn('!GetAtt Db.Endpoint.Address', '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { PubliclyAccessible: true }\n') },
    { name: 'a database whose subnet group is not in the template', template: fn('!GetAtt Cluster.Endpoint.Address', cluster(', DBSubnetGroupName: shared-db-subnets')) },
    { name: 'an internet-facing load balancer', template: fn('!GetAtt Lb.DNSName', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Scheme: internet-facing }\n') },
    { name: 'an OpenSearch domain without VPCOptions', template: fn('!GetAtt Search.DomainEndpoint', '  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties: {}\n') },
  ],
  invalid: [
    { name: 'an RDS Proxy endpoint in the environment, with the proxy related', template: fn('!GetAtt Proxy.Endpoint', proxy), errors: [{ line: 8, column: 19, related: [[9, 3]] }] },
    { name: 'a cluster endpoint in a !Sub string', template: fn("!Sub 'postgres://${Cluster.Endpoint.Address}:5432/app'", cluster(', DBSubnetGroupName: !Ref Group')), errors: [{ line: 8, column: 19 }] },
    { name: 'a private database instance', template: fn('!GetAtt Db.Endpoint.Address', '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { PubliclyAccessible: false }\n'), errors: [{ line: 8, column: 19 }] },
    { name: 'an ElastiCache serverless cache', template: fn('!GetAtt Cache.Endpoint.Address', cache), errors: [{ line: 8, column: 19 }] },
    { name: 'an internal load balancer', template: fn('!GetAtt Lb.DNSName', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Scheme: internal }\n'), errors: [{ line: 8, column: 19 }] },
    {
      name: 'an EFS mount without VpcConfig, at FileSystemConfigs',
      template: fn("''", '', '      FileSystemConfigs:\n        - { Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1, LocalMountPath: /mnt/data }\n'),
      errors: [{ line: 6, column: 7 }],
    },
    {
      name: 'a Globals environment value once, with the functions inheriting it',
      template: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        PROXY: !GetAtt Proxy.Endpoint\nResources:\n  A:\n    Type: AWS::Serverless::Function\n  B:\n    Type: AWS::Serverless::Function\n${proxy}`,
      errors: [{ line: 6, column: 16, related: [[12, 3], [8, 3], [10, 3]] }],
    },
  ],
});
