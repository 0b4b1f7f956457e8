import assert from 'node:assert/strict';
import { eniPermissions } from '../../../../server/src/rules/vpc/eniPermissions';
import { ruleTester, yaml } from '../../../support/ruleTester';
import { applyFix } from '../../../support/fixTester';

const TRUST = `      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
`;

function template(roleProps: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      VpcConfig: { SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1] }
  FnRole:
    Type: AWS::IAM::Role
    Properties:
${roleProps}${extra}`;
}

const basicOnly = template(`${TRUST}      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
`);
const noManaged = template(TRUST);
const flowManaged = template(`${TRUST}      ManagedPolicyArns: [arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess]
`);
const json = JSON.stringify({
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['R', 'Arn'] }, VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } } },
    R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, Policies: [] } },
  },
}, null, 2);

ruleTester(eniPermissions, {
  valid: [
    {
      name: 'AWSLambdaVPCAccessExecutionRole in ManagedPolicyArns',
      template: template(`${TRUST}      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole
`),
    },
    {
      name: 'an inline statement allowing ec2:*NetworkInterface* actions',
      template: template(`${TRUST}      Policies:
        - PolicyName: eni
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: ['ec2:*NetworkInterface*'], Resource: '*' }
`),
    },
    {
      name: 'a standalone AWS::IAM::Policy attached through Roles',
      template: template(TRUST, `  Eni:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: eni
      Roles: [!Ref FnRole]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: 'ec2:*', Resource: '*' }]
`),
    },
    {
      name: 'a customer managed policy (unknown content)',
      template: template(`${TRUST}      ManagedPolicyArns: [!ImportValue network-policy-arn]
`),
    },
    {
      name: 'a SAM function without Role (SAM adds the policy)',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              VpcConfig: { SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1] }
      `,
    },
    {
      name: 'an external role',
      template: yaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Role: arn:aws:iam::123456789012:role/lambda-vpc
              VpcConfig: { SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1] }
      `,
    },
    { name: 'a function outside any VPC', template: noManaged.replace(/      VpcConfig:.*\n/, '') },
  ],
  invalid: [
    { name: 'a role with only the basic execution policy, at Role', template: basicOnly, errors: [{ line: 6, column: 13, related: [[8, 3], [7, 7]] }] },
    { name: 'a role without ManagedPolicyArns', template: noManaged, errors: [{ line: 6, column: 13 }] },
    {
      name: 'a SAM function with a template Role through Globals VpcConfig',
      template: yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            VpcConfig: { SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1] }
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Role: !Ref FnRole
          FnRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: { Statement: [] }
      `,
      errors: [{ line: 9, column: 13 }],
    },
  ],
});

describe('vpc/eni-permissions quick fix', () => {
  const arn = "!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'";

  it('appends the managed policy to a block ManagedPolicyArns list', () => {
    const fixed = applyFix(eniPermissions, basicOnly);
    assert.ok(fixed.endsWith(`AWSLambdaBasicExecutionRole\n        - ${arn}\n`), fixed);
  });

  it('creates ManagedPolicyArns when the role has none', () => {
    const fixed = applyFix(eniPermissions, noManaged);
    assert.match(fixed, new RegExp(`    Properties:\n      ManagedPolicyArns:\n        - ${arn.replace(/[$(){}[\]\\.^*+?|]/g, '\\$&')}\n      AssumeRolePolicyDocument:`));
  });

  it('appends to a flow list', () => {
    const fixed = applyFix(eniPermissions, flowManaged);
    assert.ok(fixed.includes(`ManagedPolicyArns: [arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess, ${arn}]`), fixed);
  });

  it('writes JSON in a JSON template', () => {
    const fixed = applyFix(eniPermissions, json);
    const parsed = JSON.parse(fixed) as { Resources: { R: { Properties: Record<string, unknown> } } };
    assert.deepEqual(parsed.Resources.R.Properties.ManagedPolicyArns, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' }]);
  });
});
