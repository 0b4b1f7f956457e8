import { mixedVpcs } from '../../../../server/src/rules/vpc/mixedVpcs';
import { ruleTester, yaml } from '../../../support/ruleTester';

const NETWORK = yaml`
  AppVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  SharedVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
  AppA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref AppVpc } }
  AppB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !GetAtt AppVpc.VpcId } }
  SharedA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref SharedVpc } }
  LiteralA: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-0aaa } }
  LiteralB: { Type: AWS::EC2::Subnet, Properties: { VpcId: vpc-0bbb } }
  AppSg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref AppVpc, GroupDescription: app } }
  SharedSg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref SharedVpc, GroupDescription: shared } }
  ImportedSg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !ImportValue vpc, GroupDescription: imported } }
`.replace(/^/gm, '  ');

function fn(subnets: string, groups: string): string {
  return `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: ${subnets}\n        SecurityGroupIds: ${groups}\n${NETWORK}`;
}

ruleTester(mixedVpcs, {
  valid: [
    { name: 'subnets and security group in one VPC (Ref and GetAtt VpcId)', template: fn('[!Ref AppA, !Ref AppB]', '[!GetAtt AppSg.GroupId]') },
    { name: 'a security group whose VPC is imported', template: fn('[!Ref AppA, !Ref AppB]', '[!Ref ImportedSg]') },
    { name: 'a template VPC and a literal VPC id (not comparable)', template: fn('[!Ref AppA, !Ref LiteralA]', '[sg-1]') },
    { name: 'external subnet ids', template: fn('[subnet-1, subnet-2]', '[!Ref SharedSg]') },
  ],
  invalid: [
    {
      name: 'a security group of another VPC, at the group, with both VPCs related',
      template: fn('[!Ref AppA, !Ref AppB]', '[!Ref SharedSg]'),
      errors: [{ line: 7, column: 28, related: [[16, 67], [10, 56]] }],
    },
    { name: 'a subnet of another VPC', template: fn('[!Ref AppA, !Ref SharedA]', '[!Ref AppSg]'), errors: [{ line: 6, column: 32 }] },
    { name: 'two literal VPC ids', template: fn('[!Ref LiteralA, !Ref LiteralB]', '[sg-1]'), errors: [{ line: 6, column: 36 }] },
  ],
});
