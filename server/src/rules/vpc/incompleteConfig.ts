import type { Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import { functionVpcs, subnetEgress, vpcOf, SUBNET } from '../../template/network';
import type { FunctionVpc, IdList } from '../../template/network';
import { insertPairAfter, replaceWith } from '../edits';
import type { EditScalar } from '../edits';
import type { Fix, Rule } from '../types';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { changed } from '../docs';
import { VPC_APP } from './examples';

const SG_PLACEHOLDER = 'sg-REPLACE_ME';
const SUBNET_PLACEHOLDERS = ['subnet-REPLACE_ME_AZ_A', 'subnet-REPLACE_ME_AZ_B'];

/** vpc/incomplete-config: VpcConfig needs both SubnetIds and SecurityGroupIds, neither empty. */
export const incompleteConfig: Rule = {
  meta: {
    id: 'vpc/incomplete-config',
    severity: 'error',
    description: 'VpcConfig must list both SubnetIds and SecurityGroupIds; with only one of them the deployment fails.',
    docs: {
      bad: changed(VPC_APP, ['        SecurityGroupIds: [!Ref FunctionSg]\n', '']),
      good: VPC_APP,
      url: LAMBDA_VPC_URL,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      for (const vpc of functionVpcs(t, f)) {
        const hasSubnets = present(vpc.subnets);
        const hasGroups = present(vpc.securityGroups);
        if (hasSubnets === hasGroups) continue;
        const [have, missing, missingKey] = hasSubnets
          ? [vpc.subnets!, vpc.securityGroups, 'SecurityGroupIds']
          : [vpc.securityGroups!, vpc.subnets, 'SubnetIds'];
        const range = missing ? missing.pair.value.range : vpc.pair.keyRange;
        const what = missing ? `an empty ${missingKey}` : `no ${missingKey}`;
        const haveKey = hasSubnets ? 'SubnetIds' : 'SecurityGroupIds';
        const { related, ...owner } = ownerOf(f, range);
        ctx.report({
          range,
          message: `VpcConfig has ${haveKey} but ${what}: Lambda needs at least one subnet and one security group to attach ${f.id} to a VPC, and the deployment fails. Add ${missingKey}.`,
          related: [{ range: have.pair.keyRange, message: `${haveKey} is set here.` }, ...related],
          fixes: [fixFor(t, vpc, have, missing, missingKey)],
          ...owner,
        });
      }
    }
  },
};

/** True when the list has entries (or is built with an intrinsic, which is taken to have some). */
function present(list: IdList | undefined): boolean {
  if (!list) return false;
  const v = list.pair.value;
  if (v.kind === 'scalar' && v.value === null) return false;
  return list.items === undefined || list.items.length > 0;
}

function fixFor(t: Template, vpc: FunctionVpc, have: IdList, missing: IdList | undefined, key: string): Fix {
  const value = key === 'SubnetIds' ? subnetSuggestion(t, vpc) : [SG_PLACEHOLDER];
  const edit = missing ? replaceWith(t, missing.pair.value.range, value) : insertPairAfter(t, have.pair, key, value);
  return { title: `Add ${key}`, edits: [edit] };
}

/** The template's private subnets (default route to a NAT gateway) in the security groups' VPC, else placeholders. */
function subnetSuggestion(t: Template, vpc: FunctionVpc): EditScalar[] {
  const group = vpc.securityGroups?.items?.find((i) => i.templateId)?.templateId;
  const key = group ? vpcOf(t, group)?.key : undefined;
  if (!key) return SUBNET_PLACEHOLDERS;
  const privateSubnets = t.ofType(SUBNET).filter((s) => vpcOf(t, s.id)?.key === key && subnetEgress(t, s.id).kind === 'nat');
  return privateSubnets.length > 0 ? privateSubnets.map((s) => ({ ref: s.id })) : SUBNET_PLACEHOLDERS;
}
