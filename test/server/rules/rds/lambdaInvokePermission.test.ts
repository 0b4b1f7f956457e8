import { lambdaInvokePermission } from '../../../../server/src/rules/rds/lambdaInvokePermission';
import { ruleTester } from '../../../support/ruleTester';
import { at, pos } from '../../../support/rdsNetwork';

/** A PostgreSQL database in two subnets of one VPC, with routes and endpoints chosen per test. */
const db = (opts: { action?: string; egress?: string; extra?: string; engine?: string; publicAccess?: string }) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  DbSubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  DbSubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }
  DbRoutes:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  DbRoutesA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref DbSubnetA, RouteTableId: !Ref DbRoutes }
  DbRoutesB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref DbSubnetB, RouteTableId: !Ref DbRoutes }
${opts.egress ?? ''}  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: database
      SubnetIds: [!Ref DbSubnetA, !Ref DbSubnetB]
  InvokeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: rds.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: invoke
          PolicyDocument: { Statement: [{ Effect: Allow, Action: ${opts.action ?? 'lambda:InvokeFunction'}, Resource: '*' }] }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: ${opts.engine ?? 'postgres'}
      DBInstanceClass: db.t4g.micro
      DBSubnetGroupName: !Ref DbSubnets${opts.publicAccess ? `\n      PubliclyAccessible: ${opts.publicAccess}` : ''}
      AssociatedRoles:
        - FeatureName: Lambda
          RoleArn: !GetAtt InvokeRole.Arn
${opts.extra ?? ''}`;

const NAT = `  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: subnet-0public, AllocationId: eipalloc-0a }
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref DbRoutes, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat }
`;
const IGW = `  Igw:
    Type: AWS::EC2::InternetGateway
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref DbRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
`;
const ENDPOINT = `  LambdaEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Vpc, VpcEndpointType: Interface, ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.lambda' }
`;

const NO_INVOKE = db({ action: 's3:GetObject', egress: NAT });
const ISOLATED = db({});
const PRIVATE_IGW = db({ egress: IGW, publicAccess: 'false' });

ruleTester(lambdaInvokePermission, {
  valid: [
    { name: 'a database with the permission and a NAT route', template: db({ egress: NAT }) },
    { name: 'a database in isolated subnets with a lambda VPC endpoint', template: db({ egress: ENDPOINT }) },
    { name: 'a publicly accessible database behind an internet gateway', template: db({ egress: IGW, publicAccess: 'true' }) },
    { name: 'an internet gateway route and PubliclyAccessible not set (RDS decides)', template: db({ egress: IGW }) },
    { name: 'a MySQL database (rds/lambda-invoke-engine reports it)', template: db({ action: 's3:GetObject', engine: 'mysql' }) },
  ],
  invalid: [
    {
      name: 'a role without lambda:InvokeFunction, as an error at the RoleArn with the role related',
      template: NO_INVOKE,
      errors: [{ ...pos(NO_INVOKE, '!GetAtt InvokeRole.Arn'), severity: 'error', related: [at(NO_INVOKE, 'InvokeRole:')] }],
    },
    {
      name: 'isolated database subnets, as a warning at DBSubnetGroupName with the subnets related',
      template: ISOLATED,
      errors: [{ ...pos(ISOLATED, '!Ref DbSubnets'), severity: 'warning', related: [at(ISOLATED, '[!Ref DbSubnetA, !Ref DbSubnetB]'), at(ISOLATED, 'Lambda', 'FeatureName')] }],
    },
    {
      name: 'an internet gateway route for a database that is not publicly accessible',
      template: PRIVATE_IGW,
      errors: [{ ...pos(PRIVATE_IGW, '!Ref DbSubnets'), severity: 'warning' }],
    },
  ],
});
