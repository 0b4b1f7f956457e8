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

/** The function in both app subnets (10.0.1.0/24 and 10.0.2.0/24), with `vpcExtra` in its VpcConfig. */
const bothSubnets = (ingress: string, vpcExtra = '') => withIngress(ingress).replace('SubnetIds: [!Ref AppSubnetA]', `SubnetIds: [!Ref AppSubnetA, !Ref AppSubnetB]${vpcExtra}`);
const NARROW_CIDR = bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 192.168.0.0/24 }');
const HALF_CIDR = bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/24 }');
const V6 = (block: string) => bothSubnets(`        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIpv6: '${block}' }`, '\n        Ipv6AllowedForDualStack: true')
  .replace('CidrBlock: 10.0.1.0/24 }', "CidrBlock: 10.0.1.0/24, Ipv6CidrBlock: '2600:1f14:a::/64' }")
  .replace('CidrBlock: 10.0.2.0/24 }', "CidrBlock: 10.0.2.0/24, Ipv6CidrBlock: '2600:1f14:a:1::/64' }");

ruleTester(securityGroupIngress, {
  valid: [
    { name: 'CIDR rules that each contain one subnet of the function', template: bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/24 }\n        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.2.0/24 }') },
    { name: 'CIDR rules covering parts of a subnet (unknown)', template: bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/24 }\n        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.2.0/25 }\n        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.2.128/25 }') },
    { name: 'the whole VPC block and 0.0.0.0/0', template: bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }') },
    { name: 'a subnet whose block is computed with !Cidr (unknown)', template: NARROW_CIDR.replace('CidrBlock: 10.0.2.0/24', "CidrBlock: !Select [1, !Cidr [10.0.0.0/16, 4, 8]]") },
    { name: 'a CIDR from a parameter without a Default (unknown)', template: `Parameters:\n  Office: { Type: String }\n${bothSubnets('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !Ref Office }')}` },
    { name: 'a literal subnet id, whose block is not in the template (unknown)', template: NARROW_CIDR.replace('        SubnetIds: [!Ref AppSubnetA, !Ref AppSubnetB]', '        SubnetIds: [subnet-0abc, !Ref AppSubnetB]').replace('CidrIp: 192.168.0.0/24', 'CidrIp: 10.0.2.0/24') },
    { name: 'an IPv6 block containing the dual-stack subnets', template: V6('2600:1f14:a::/56') },
  ],
  invalid: [
    {
      name: 'a CIDR that does not contain the function subnets, pointing at the rule',
      template: NARROW_CIDR,
      errors: [{
        ...pos(NARROW_CIDR, '!Ref AppSg]'),
        related: [at(NARROW_CIDR, '{ IpProtocol: tcp, FromPort: 5432'), at(NARROW_CIDR, '{ IpProtocol: tcp, FromPort: 5432'), at(NARROW_CIDR, '[!Ref ProxySg]'), at(NARROW_CIDR, 'ProxySg:'), at(NARROW_CIDR, '!GetAtt Proxy.Endpoint')],
        messageIncludes: '192.168.0.0/24 does not contain AppSubnetA (10.0.1.0/24)',
      }],
    },
    {
      name: 'a CIDR that contains only one of the two subnets',
      template: HALF_CIDR,
      errors: [{ ...pos(HALF_CIDR, '!Ref AppSg]'), messageIncludes: 'does not contain AppSubnetB (10.0.2.0/24)' }],
    },
    {
      name: 'an IPv6 block that leaves a dual-stack subnet out',
      template: V6('2600:1f14:a::/64'),
      errors: [{ ...pos(V6('2600:1f14:a::/64'), '!Ref AppSg]'), messageIncludes: 'AppSubnetB (2600:1f14:a:1::/64)' }],
    },
  ],
});
