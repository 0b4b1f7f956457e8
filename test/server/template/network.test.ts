import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { functionById } from '../../../server/src/template/functions';
import {
  functionVpcs,
  hasNoVpcConfig,
  ingressAllowsTcpPort,
  routesOf,
  sameAz,
  securityGroupIngress,
  subnetAz,
  subnetEgress,
  subnetRouteTables,
  vpcEndpoints,
  vpcOf,
} from '../../../server/src/template/network';
import { yaml } from '../../support/ruleTester';

const NETWORK = yaml`
  AWSTemplateFormatVersion: '2010-09-09'
  Parameters:
    Zone: { Type: String, Default: eu-west-1b }
  Resources:
    Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
    Igw: { Type: AWS::EC2::InternetGateway }
    PublicA:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
    PrivateA:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.10.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
    PrivateB:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: !GetAtt Vpc.VpcId, CidrBlock: 10.0.11.0/24, AvailabilityZone: !Select [1, !GetAZs { Ref: 'AWS::Region' }] }
    Isolated:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: vpc-0abc, AvailabilityZone: !Ref Zone }
    Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref PublicA } }
    PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
    PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
    PublicDefault:
      Type: AWS::EC2::Route
      Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
    PrivateDefault:
      Type: AWS::EC2::Route
      Properties: { RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat }
    PublicAssoc:
      Type: AWS::EC2::SubnetRouteTableAssociation
      Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt }
    PrivateAAssoc:
      Type: AWS::EC2::SubnetRouteTableAssociation
      Properties: { SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRt }
    DynamoEndpoint:
      Type: AWS::EC2::VPCEndpoint
      Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.dynamodb' }
    SecretsEndpoint:
      Type: AWS::EC2::VPCEndpoint
      Properties:
        VpcId: !Ref Vpc
        ServiceName: !Join ['', [com.amazonaws., !Ref 'AWS::Region', .secretsmanager]]
    FnSg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref Vpc, GroupDescription: fn } }
    DbSg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        VpcId: !Ref Vpc
        GroupDescription: db
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }
    AdminIngress:
      Type: AWS::EC2::SecurityGroupIngress
      Properties: { GroupId: !GetAtt DbSg.GroupId, IpProtocol: '-1', CidrIp: 10.1.0.0/16 }
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        VpcConfig:
          SubnetIds: [!Ref PrivateA, !Ref PrivateB, subnet-0123, !ImportValue other]
          SecurityGroupIds: !Split [',', !ImportValue sgs]
    Plain:
      Type: AWS::Lambda::Function
      Properties: { VpcConfig: !Ref AWS::NoValue }
`;

describe('template/network', () => {
  const t = buildTemplate(NETWORK);

  it('maps subnets and security groups to their VPC', () => {
    assert.equal(vpcOf(t, 'PrivateA')?.key, 'id:Vpc');
    assert.equal(vpcOf(t, 'PrivateB')?.key, 'id:Vpc');
    assert.equal(vpcOf(t, 'Isolated')?.key, 'lit:vpc-0abc');
    assert.equal(vpcOf(t, 'DbSg')?.templateId, 'Vpc');
  });

  it('tells AZs apart by !GetAZs index or by name, and refuses to compare the two kinds', () => {
    const a = subnetAz(t, 'PrivateA')!;
    const b = subnetAz(t, 'PrivateB')!;
    const pub = subnetAz(t, 'PublicA')!;
    const named = subnetAz(t, 'Isolated')!;
    assert.deepEqual([a.kind, a.value, b.value, named.value], ['index', '0', '1', 'eu-west-1b']);
    assert.equal(sameAz(a, b), false);
    assert.equal(sameAz(a, pub), true);
    assert.equal(sameAz(a, named), undefined);
  });

  it('follows subnet -> route table -> default route to a NAT or internet gateway', () => {
    assert.deepEqual(subnetRouteTables(t, 'PrivateA'), ['PrivateRt']);
    assert.equal(routesOf(t, 'PublicRt')[0]?.target, 'internet-gateway');
    assert.equal(subnetEgress(t, 'PrivateA').kind, 'nat');
    assert.equal(subnetEgress(t, 'PublicA').kind, 'internet-gateway');
    // No association in the template: the VPC's main route table, which the template does not show.
    assert.equal(subnetEgress(t, 'PrivateB').kind, 'unknown');
  });

  it('finds VPC endpoints by service for !Sub and !Join service names', () => {
    const vpc = vpcOf(t, 'PrivateA')!;
    assert.deepEqual(vpcEndpoints(t, vpc, 'dynamodb').found.map((r) => r.id), ['DynamoEndpoint']);
    assert.deepEqual(vpcEndpoints(t, vpc, 'secretsmanager').found.map((r) => r.id), ['SecretsEndpoint']);
    assert.deepEqual(vpcEndpoints(t, vpc, 'sqs'), { found: [], unknown: false });
  });

  it('collects inline and standalone ingress with sources and ports', () => {
    const ingress = securityGroupIngress(t, 'DbSg');
    assert.equal(ingress.complete, true);
    assert.deepEqual(ingress.rules.map((r) => r.source), [{ kind: 'security-group', id: 'FnSg' }, { kind: 'cidr', cidr: '10.1.0.0/16' }]);
    assert.deepEqual(ingress.rules.map((r) => [ingressAllowsTcpPort(r, 5432), ingressAllowsTcpPort(r, 3306)]), [[true, false], [true, true]]);
  });

  it('reads a function VpcConfig into template ids, literals and unknown lists', () => {
    const [vpc] = functionVpcs(t, functionById(t, 'Fn')!);
    assert.deepEqual(vpc?.subnets?.items?.map((i) => i.templateId ?? i.literal ?? '?'), ['PrivateA', 'PrivateB', 'subnet-0123', '?']);
    assert.equal(vpc?.securityGroups?.items, undefined);
    assert.equal(hasNoVpcConfig(functionById(t, 'Fn')!), false);
    assert.equal(hasNoVpcConfig(functionById(t, 'Plain')!), true);
    assert.deepEqual(functionVpcs(t, functionById(t, 'Plain')!), []);
  });

  it('treats a default route through an unknown target as unknown egress', () => {
    const u = buildTemplate(yaml`
      Resources:
        S: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-1 } }
        Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: vpc-1 } }
        A: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref S, RouteTableId: !Ref Rt } }
        R: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayId: tgw-1 } }
    `);
    assert.equal(subnetEgress(u, 'S').kind, 'unknown');
  });
});
