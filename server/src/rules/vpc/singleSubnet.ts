import type { Node } from '../../template/ast';
import { str } from '../../template/ast';
import type { Template } from '../../template/model';
import { functionsOf } from '../../template/functions';
import { functionVpcs, sameAz, subnetAz } from '../../template/network';
import type { AzRef } from '../../template/network';
import { VPC_QUOTAS } from '../../quotas';
import type { Rule } from '../types';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import { LAMBDA_VPC_URL } from './common';
import { changed } from '../docs';
import { VPC_APP } from './examples';

/** vpc/single-subnet: a VPC function should have subnets in at least two Availability Zones. */
export const singleSubnet: Rule = {
  meta: {
    id: 'vpc/single-subnet',
    severity: 'warning',
    description: 'A function in a VPC should have subnets in at least two Availability Zones, so one zone failing does not stop it.',
    docs: {
      bad: changed(VPC_APP, ['        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n', '        SubnetIds: [!Ref PrivateSubnetA]\n']),
      good: VPC_APP,
      url: LAMBDA_VPC_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    const min = VPC_QUOTAS.recommendedAvailabilityZones;
    for (const f of functionsOf(t)) {
      for (const vpc of functionVpcs(t, f)) {
        const items = vpc.subnets?.items;
        if (!items || items.length === 0) continue;
        const range = vpc.subnets!.pair.value.range;
        const { related, ...owner } = ownerOf(f, range);
        if (items.length === 1 && !mayBeList(t, items[0]!.node)) {
          ctx.report({
            range,
            message: `${f.id} has ${items.length} subnet; Lambda recommends subnets in at least ${min} Availability Zones so the function keeps running when one zone fails. Add a subnet in another Availability Zone.`,
            related,
            ...owner,
          });
          continue;
        }
        if (items.length === 1) continue;
        const zones: Array<{ id: string; az: AzRef }> = [];
        for (const item of items) {
          const az = item.templateId ? subnetAz(t, item.templateId) : undefined;
          if (!item.templateId || !az) break;
          zones.push({ id: item.templateId, az });
        }
        if (zones.length !== items.length || !zones.every((z) => sameAz(zones[0]!.az, z.az) === true)) continue;
        ctx.report({
          range,
          message: `All ${items.length} subnets of ${f.id} (${zones.map((z) => z.id).join(', ')}) are in the same Availability Zone; Lambda recommends at least ${min} zones so the function keeps running when one fails. Use subnets in different Availability Zones.`,
          related: [...zones.map((z) => ({ range: z.az.at, message: `${z.id} is in this Availability Zone.` })), ...related],
          ...owner,
        });
      }
    }
  },
};

/** An entry that may stand for several subnets: a list parameter, `!Split`, `!If`. */
function mayBeList(t: Template, node: Node): boolean {
  if (node.kind !== 'intrinsic') return false;
  if (node.fn === 'Ref') {
    const type = t.parameters.get(str(node.arg) ?? '')?.type ?? '';
    return type.startsWith('List<') || type === 'CommaDelimitedList' || type.startsWith('AWS::SSM::');
  }
  return node.fn !== 'Fn::ImportValue' && node.fn !== 'Fn::GetAtt';
}
