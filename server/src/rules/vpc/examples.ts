/**
 * The application the VPC rules document: a function in two private subnets of two Availability
 * Zones with its own security group, which raises nothing. Each rule's examples are this template
 * with what the rule is about added or changed.
 */
import { example } from '../docs';

export const VPC_APP = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
    PrivateSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 } }
    PrivateSubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.0.2.0/24 } }
    FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        VpcConfig:
          SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
          SecurityGroupIds: [!Ref FunctionSg]
`);
