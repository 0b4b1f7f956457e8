import { singleSubnet } from '../../../../server/src/rules/vpc/singleSubnet';
import { ruleTester, yaml } from '../../../support/ruleTester';

const SUBNETS = `${yaml`
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  A1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] } }
  A2: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] } }
  B1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ''] } }
  N1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a } }
  Ext: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !ImportValue zone } }
`.replace(/^/gm, '  ')}`;

function fn(subnets: string): string {
  return `${yaml`
    Transform: AWS::Serverless-2016-10-31
    Parameters:
      Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
    Resources:
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          VpcConfig:
            SecurityGroupIds: [sg-1]
  `}        SubnetIds: ${subnets}\n${SUBNETS}`;
}

ruleTester(singleSubnet, {
  valid: [
    { name: 'subnets in two AZs by !GetAZs index', template: fn('[!Ref A1, !Ref B1]') },
    { name: 'two literal subnet ids (zones unknown)', template: fn('[subnet-1, subnet-2]') },
    { name: 'an AZ name and an AZ index (not comparable)', template: fn('[!Ref A1, !Ref N1]') },
    { name: 'a subnet whose AZ is unknown', template: fn('[!Ref A1, !Ref A2, !Ref Ext]') },
    { name: 'a list parameter', template: fn('!Ref Subnets') },
    { name: 'a list parameter inside a list', template: fn('[!Ref Subnets]') },
  ],
  invalid: [
    { name: 'a single subnet, at the list', template: fn('[!Ref A1]'), errors: [{ line: 10, column: 20, severity: 'warning' }] },
    { name: 'a single literal subnet', template: fn('[subnet-0a1b]'), errors: [{ line: 10, column: 20 }] },
    { name: 'two subnets in the same AZ, with their zones related', template: fn('[!Ref A1, !Ref A2]'), errors: [{ line: 10, column: 20, related: [[12, 82], [13, 82]] }] },
  ],
});
