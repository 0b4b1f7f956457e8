import { get } from '../../template/ast';
import type { Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import { executionRole, hasManagedPolicy, managedPolicyArn, roleAllowsAll } from '../../template/iam';
import { functionVpcs } from '../../template/network';
import { ENI_ACTIONS, VPC_ACCESS_MANAGED_POLICIES } from '../../template/policyData';
import { appendListItem, insertPairFirst } from '../edits';
import type { Fix, Rule } from '../types';
import { LAMBDA_VPC_URL } from './common';
import { changed, example } from '../docs';
import { EACH_FUNCTION } from '../helpers';

const POLICY = 'AWSLambdaVPCAccessExecutionRole';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
    PrivateSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 } }
    PrivateSubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.0.2.0/24 } }
    FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }
    FunctionRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - { Effect: Allow, Action: sts:AssumeRole, Principal: { Service: lambda.amazonaws.com } }
        ManagedPolicyArns:
          - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole
    Api:
      Type: AWS::Lambda::Function
      Properties:
        Role: !GetAtt FunctionRole.Arn
        Runtime: python3.13
        Handler: app.handler
        Code: { S3Bucket: my-artifacts, S3Key: api.zip }
        VpcConfig:
          SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
          SecurityGroupIds: [!Ref FunctionSg]
`);

/** vpc/eni-permissions: a VPC function's template role must allow managing network interfaces. */
export const eniPermissions: Rule = {
  meta: {
    id: 'vpc/eni-permissions',
    severity: 'error',
    description: 'The execution role of a function in a VPC must allow creating, describing and deleting network interfaces (AWSLambdaVPCAccessExecutionRole).',
    docs: {
      bad: changed(EXAMPLE, ['        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole\n', '        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n']),
      good: EXAMPLE,
      url: LAMBDA_VPC_URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const vpcs = functionVpcs(t, f);
      if (vpcs.length === 0) continue;
      const role = executionRole(t, f);
      // SAM adds AWSLambdaVPCAccessExecutionRole to the role it generates; external roles are not known.
      if (role.kind !== 'role') continue;
      if (hasManagedPolicy(t, role, VPC_ACCESS_MANAGED_POLICIES) !== 'denied') continue;
      if (roleAllowsAll(t, role, ENI_ACTIONS) !== 'denied') continue;
      const roleResource = t.resources.get(role.id)!;
      const fix = addPolicyFix(t, role.id);
      ctx.report({
        range: role.at,
        message: `${f.id} runs in a VPC, but its role ${role.id} does not allow ${ENI_ACTIONS.join(', ')}: Lambda cannot create the function's network interfaces and the deployment fails. Attach the managed policy ${POLICY} to ${role.id}.`,
        related: [
          { range: roleResource.idRange, message: `The execution role ${role.id}.` },
          { range: vpcs[0]!.pair.keyRange, message: `${f.id} is attached to a VPC here.` },
        ],
        fixes: fix ? [fix] : [],
        resource: f.id,
      });
    }
  },
};

/** Adds the managed policy to the role's ManagedPolicyArns, creating the key when it is missing. */
function addPolicyFix(t: Template, roleId: string): Fix | undefined {
  const props = t.resources.get(roleId)?.properties;
  if (!props) return undefined;
  const value = { sub: managedPolicyArn(POLICY) };
  const arns = get(props, 'ManagedPolicyArns');
  const edit = arns === undefined
    ? insertPairFirst(t, props, 'ManagedPolicyArns', [value])
    : arns.kind === 'seq'
      ? appendListItem(t, arns, value)
      : undefined;
  return edit ? { title: `Attach ${POLICY} to ${roleId}`, edits: [edit] } : undefined;
}
