import assert from 'node:assert/strict';
import { incompleteConfig } from '../../../../server/src/rules/vpc/incompleteConfig';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { applyFix } from '../../../support/fixTester';

const NETWORK = yaml`
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: subnet-public } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ''] } }
  AssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref Rt } }
  AssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref B, RouteTableId: !Ref Rt } }
  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref Vpc, GroupDescription: fn } }
`.replace(/^/gm, '  ');

const missingGroups = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        Runtime: python3.13
        Handler: app.handler
        VpcConfig:
          SubnetIds:
            - subnet-0a1b2c3d
            - subnet-4e5f6a7b
        Timeout: 10
`;

const missingSubnets = `${yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        VpcConfig: { SecurityGroupIds: [!Ref Sg] }
`}${NETWORK}`;

const json = '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {\n        "VpcConfig": {\n          "SubnetIds": ["subnet-1", "subnet-2"]\n        }\n      }\n    }\n  }\n}\n';

ruleTester(incompleteConfig, {
  valid: [
    {
      name: 'subnets and security groups together',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig: { SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1] }
      `,
    },
    {
      name: 'lists built with intrinsics (unknown length)',
      template: yaml`
        Parameters:
          Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig: { SubnetIds: !Ref Subnets, SecurityGroupIds: !Split [',', !ImportValue groups] }
      `,
    },
    {
      name: 'both lists empty (how Lambda detaches a function from its VPC)',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig: { SubnetIds: [], SecurityGroupIds: [] }
      `,
    },
  ],
  invalid: [
    { name: 'SubnetIds without SecurityGroupIds, at the VpcConfig key', template: missingGroups, errors: [{ line: 8, column: 7, related: [[9, 9]] }] },
    { name: 'SecurityGroupIds without SubnetIds', template: missingSubnets, errors: [{ line: 6, column: 7 }] },
    {
      name: 'an empty SecurityGroupIds list, at the list',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig:
                SubnetIds: [subnet-1, subnet-2]
                SecurityGroupIds: []
      `,
      errors: [{ line: 7, column: 27 }],
    },
    {
      name: 'an incomplete Globals VpcConfig once, with the inheriting functions related',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            VpcConfig:
              SubnetIds: [subnet-1, subnet-2]
        Resources:
          A: { Type: AWS::Serverless::Function }
          B: { Type: AWS::Serverless::Function }
      `,
      errors: [{ line: 4, column: 5, related: [[5, 7], [7, 3], [8, 3]] }],
    },
    { name: 'a JSON template', template: json, errors: [{ line: 6, column: 9 }] },
    {
      name: 'the incomplete branch of an !If',
      template: yaml`
        Conditions:
          InVpc: !Equals [!Ref AWS::Region, eu-west-1]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              VpcConfig: !If
                - InVpc
                - SecurityGroupIds: [sg-1]
                - !Ref AWS::NoValue
      `,
      errors: [{ line: 7, column: 7 }],
    },
  ],
});

describe('vpc/incomplete-config quick fix', () => {
  it('adds SecurityGroupIds with a placeholder after SubnetIds in a block map', () => {
    const fixed = applyFix(incompleteConfig, missingGroups);
    assert.match(fixed, /\n          - subnet-4e5f6a7b\n        SecurityGroupIds:\n          - sg-REPLACE_ME\n      Timeout: 10\n/);
  });

  it('adds SubnetIds with the private subnets of the security group VPC in a flow map', () => {
    const fixed = applyFix(incompleteConfig, missingSubnets);
    assert.match(fixed, /VpcConfig: \{ SecurityGroupIds: \[!Ref Sg\], SubnetIds: \[!Ref A, !Ref B\] \}/);
  });

  it('fills an empty list in place', () => {
    const fixed = applyFix(incompleteConfig, 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SecurityGroupIds: [sg-1]\n        SubnetIds: []\n');
    assert.match(fixed, /SubnetIds: \[subnet-REPLACE_ME_AZ_A, subnet-REPLACE_ME_AZ_B\]/);
  });

  it('completes a map that is a branch of an !If', () => {
    const text = 'Conditions:\n  InVpc: !Equals [!Ref AWS::Region, eu-west-1]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: !If\n        - InVpc\n        - SecurityGroupIds: [sg-1]\n        - !Ref AWS::NoValue\n';
    const fixed = applyFix(incompleteConfig, text);
    assert.match(fixed, /        - SecurityGroupIds: \[sg-1\]\n          SubnetIds:\n            - subnet-REPLACE_ME_AZ_A\n            - subnet-REPLACE_ME_AZ_B\n        - !Ref AWS::NoValue/);
  });

  it('keeps a JSON template valid JSON', () => {
    const fixed = applyFix(incompleteConfig, json);
    const parsed = JSON.parse(fixed) as { Resources: { Fn: { Properties: { VpcConfig: Record<string, unknown> } } } };
    assert.deepEqual(parsed.Resources.Fn.Properties.VpcConfig, { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-REPLACE_ME'] });
  });
});
