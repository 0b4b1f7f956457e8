import { functionsOf } from '../../template/functions';
import { functionVpcs, vpcOf } from '../../template/network';
import type { IdItem, VpcRef } from '../../template/network';
import type { Rule } from '../types';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { changed } from '../docs';
import { VPC_APP } from './examples';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = changed(VPC_APP, ['  FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }\n', '  FunctionSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: functions, VpcId: !Ref Vpc } }\n  SharedVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }\n  SharedServicesSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: shared, VpcId: !Ref SharedVpc } }\n'], ['        SecurityGroupIds: [!Ref FunctionSg]\n', '        SecurityGroupIds: [!Ref FunctionSg]                      # in Vpc too\n']);

/** vpc/mixed-vpcs: a function's template subnets and security groups must share one VPC. */
export const mixedVpcs: Rule = {
  meta: {
    id: 'vpc/mixed-vpcs',
    severity: 'error',
    description: 'All subnets and security groups of a function must belong to the same VPC.',
    docs: {
      bad: changed(EXAMPLE, ['        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n        SecurityGroupIds: [!Ref FunctionSg]                      # in Vpc too\n', '        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]   # in Vpc\n        SecurityGroupIds: [!Ref SharedServicesSg]                # in SharedVpc\n']),
      good: EXAMPLE,
      url: LAMBDA_VPC_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
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
          const { related, ...owner } = ownerOf(f, e.item.node.range);
          ctx.report({
            range: e.item.node.range,
            message: `The ${e.kind} ${e.id} is in VPC ${name(e.vpc)}, but the ${first.kind} ${first.id} of ${f.id} is in VPC ${name(first.vpc)}: a function's subnets and security groups must all belong to one VPC, or the deployment fails. Use ones from the same VPC.`,
            related: [
              { range: e.vpc.at, message: `${e.id} is in VPC ${name(e.vpc)}.` },
              { range: first.vpc.at, message: `${first.id} is in VPC ${name(first.vpc)}.` },
              ...related,
            ],
            ...owner,
          });
        }
      }
    }
  },
};
