import { securityGroupIngress } from '../../../../server/src/rules/rds-proxy/securityGroupIngress';
import { ruleTester } from '../../../support/ruleTester';
import { at, NETWORK, pos } from '../../../support/rdsNetwork';

const withIngress = (ingress: string, family = 'POSTGRESQL', sgs = '!Ref ProxySg') => `${NETWORK}  ProxySg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: proxy
      VpcId: !Ref AppVpc
      SecurityGroupIngress:
${ingress}
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: ${family}
      VpcSubnetIds: [!Ref AppSubnetA, !Ref AppSubnetB]
      VpcSecurityGroupIds: [${sgs}]
  Api:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig:
        SubnetIds: [!Ref AppSubnetA]
        SecurityGroupIds: [!Ref AppSg]
      Environment:
        Variables:
          DB_HOST: !GetAtt Proxy.Endpoint
`;

const FROM_APP_5432 = '        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg }';
const WRONG_PORT = withIngress('        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref AppSg }');
const OTHER_SOURCE = `${withIngress('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref BastionSg }')}  BastionSg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: bastion, VpcId: !Ref AppVpc }
`;
const STANDALONE = `${withIngress('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/16 }')}  ProxyIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref ProxySg, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !GetAtt AppSg.GroupId }
`;

ruleTester(securityGroupIngress, {
  valid: [
    { name: 'ingress on 5432 from the function security group', template: withIngress(FROM_APP_5432) },
    { name: 'ingress from a CIDR on the MySQL port', template: withIngress('        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/16 }', 'MYSQL') },
    { name: 'all traffic from the function security group', template: withIngress('        - { IpProtocol: -1, SourceSecurityGroupId: !Ref AppSg }') },
    { name: 'ingress added by a standalone SecurityGroupIngress', template: STANDALONE },
    { name: 'a proxy security group from an import (unknown)', template: withIngress(FROM_APP_5432, 'POSTGRESQL', '!ImportValue proxy-sg') },
    { name: 'a source given as a literal security group id (unknown)', template: withIngress('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: sg-0123 }') },
    { name: 'ports from a parameter without a Default (unknown)', template: `Parameters:\n  Port: { Type: Number }\n${withIngress('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, SourceSecurityGroupId: !Ref AppSg }')}` },
    {
      name: 'a function security group of another VPC (vpc/mixed-vpcs reports it)',
      template: `${withIngress(FROM_APP_5432).replace('SecurityGroupIds: [!Ref AppSg]', 'SecurityGroupIds: [!Ref DataSg]')}  DataSg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: data, VpcId: !Ref DataVpc }
`,
    },
  ],
  invalid: [
    {
      name: 'ingress on the MySQL port in front of PostgreSQL, at the function security group',
      template: WRONG_PORT,
      errors: [{
        ...pos(WRONG_PORT, '!Ref AppSg]'),
        severity: 'warning',
        related: [at(WRONG_PORT, '[!Ref ProxySg]'), at(WRONG_PORT, 'ProxySg:'), at(WRONG_PORT, '!GetAtt Proxy.Endpoint')],
        messageIncludes: 'TCP 5432',
      }],
    },
    {
      name: 'ingress on the right port from another security group',
      template: OTHER_SOURCE,
      errors: [{ ...pos(OTHER_SOURCE, '!Ref AppSg]') }],
    },
  ],
});
