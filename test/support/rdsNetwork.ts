/**
 * A shared VPC for the rds-proxy/ and rds/ rule tests: two VPCs (App and Data), private subnets with
 * a NAT route in App, isolated subnets in Data, and an app security group. Tests append resources.
 */
export const NETWORK = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  AppVpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  DataVpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  AppSubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref AppVpc, CidrBlock: 10.0.1.0/24 }
  AppSubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref AppVpc, CidrBlock: 10.0.2.0/24 }
  DataSubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref DataVpc, CidrBlock: 10.1.1.0/24 }
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app, VpcId: !Ref AppVpc }
`;

/** 1-based line and column where `needle` first occurs in `text` (after `after`, when given). */
export function pos(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(needle, from < 0 ? 0 : from);
  if (i < 0 || from < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** `pos` as the [line, column] pair RuleTester uses for related locations. */
export function at(text: string, needle: string, after = ''): [number, number] {
  const p = pos(text, needle, after);
  return [p.line, p.column];
}
