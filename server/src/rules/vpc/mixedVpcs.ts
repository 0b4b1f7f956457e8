import { functionsOf } from '../../template/functions';
import { functionVpcs, vpcOf } from '../../template/network';
import type { IdItem, VpcRef } from '../../template/network';
import type { Rule } from '../types';
import { ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { example } from '../docs';

/** vpc/mixed-vpcs: a function's template subnets and security groups must share one VPC. */
export const mixedVpcs: Rule = {
  meta: {
    id: 'vpc/mixed-vpcs',
    severity: 'error',
    description: 'All subnets and security groups of a function must belong to the same VPC.',
    docs: {
      bad: example(`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          PrivateSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 } }
          PrivateSubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.0.2.0/24 } }
          FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }
          SharedVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
          SharedServicesSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: shared, VpcId: !Ref SharedVpc } }
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
              VpcConfig:
                SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]   # in Vpc
                SecurityGroupIds: [!Ref SharedServicesSg]                # in SharedVpc
      `),
      good: example(`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          PrivateSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 } }
          PrivateSubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.0.2.0/24 } }
          FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }
          SharedVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
          SharedServicesSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: shared, VpcId: !Ref SharedVpc } }
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: nodejs22.x
              CodeUri: src/
              VpcConfig:
                SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
                SecurityGroupIds: [!Ref FunctionSg]                      # in Vpc too
      `),
      url: LAMBDA_VPC_URL,
    },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      for (const config of functionVpcs(t, f)) {
        const entries: Array<{ item: IdItem; id: string; vpc: VpcRef; kind: string }> = [];
        for (const [list, kind] of [[config.subnets, 'subnet'], [config.securityGroups, 'security group']] as const) {
          for (const item of list?.items ?? []) {
            const vpc = item.templateId ? vpcOf(t, item.templateId) : undefined;
            if (item.templateId && vpc) entries.push({ item, id: item.templateId, vpc, kind });
          }
        }
        const first = entries[0];
        if (!first) continue;
        // Only VPCs named the same way compare: two template VPCs, or two literal vpc- ids.
        const comparable = (v: VpcRef) => (v.templateId !== undefined) === (first.vpc.templateId !== undefined);
        for (const e of entries.slice(1)) {
          if (!comparable(e.vpc) || e.vpc.key === first.vpc.key) continue;
          const name = (v: VpcRef) => v.templateId ?? v.key.slice(4);
          const { related, resource } = ownerOf(f, e.item.node.range);
          ctx.report({
            range: e.item.node.range,
            message: `The ${e.kind} ${e.id} is in VPC ${name(e.vpc)}, but the ${first.kind} ${first.id} of ${f.id} is in VPC ${name(first.vpc)}: a function's subnets and security groups must all belong to one VPC, or the deployment fails. Use ones from the same VPC.`,
            related: [
              { range: e.vpc.at, message: `${e.id} is in VPC ${name(e.vpc)}.` },
              { range: first.vpc.at, message: `${first.id} is in VPC ${name(first.vpc)}.` },
              ...related,
            ],
            ...(resource ? { resource } : {}),
          });
        }
      }
    }
  },
};
