import { functionVpcs, SUBNET, vpcOf } from '../../template/network';
import type { VpcRef } from '../../template/network';
import { DB_PROXY, placementList, proxyConnections } from '../../template/rds';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Rule } from '../types';
import { RDS_PROXY_NETWORK_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

/** rds-proxy/vpc-mismatch: a function reaches a proxy only from the proxy's own VPC. */
export const vpcMismatch: Rule = {
  meta: {
    id: 'rds-proxy/vpc-mismatch',
    severity: 'error',
    description: "A function using an RDS Proxy must have its subnets in the proxy's VPC (or the VPC of the proxy endpoint it uses).",
    docs: {
      bad: changed(PROXY_APP, ['  AppSg:', '  AppVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }\n  AppSubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref AppVpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.1.1.0/24 } }\n  AppSubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref AppVpc, AvailabilityZone: eu-west-1b, CidrBlock: 10.1.2.0/24 } }\n  AppSg:'], ['        SubnetIds: [!Ref SubnetA, !Ref SubnetB]\n        SecurityGroupIds: [!Ref AppSg]', '        SubnetIds: [!Ref AppSubnetA, !Ref AppSubnetB]   # in AppVpc; the proxy is in Vpc\n        SecurityGroupIds: [!Ref AppSg]']),
      good: PROXY_APP,
      url: RDS_PROXY_NETWORK_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const use of proxyConnections(t)) {
      const placement = placementList(t, use.target, 'VpcSubnetIds', SUBNET);
      const proxyVpcs = new Map<string, { vpc: VpcRef; subnet: string; at: typeof use.edge.range }>();
      for (const e of placement?.entries ?? []) {
        const vpc = e.templateId ? vpcOf(t, e.templateId) : undefined;
        if (vpc && e.templateId && !proxyVpcs.has(vpc.key)) proxyVpcs.set(vpc.key, { vpc, subnet: e.templateId, at: e.node.range });
      }
      if (proxyVpcs.size === 0) continue;
      const mismatch = functionVpcs(t, use.fn)
        .flatMap((c) => c.subnets?.items ?? [])
        .map((item) => ({ item, vpc: item.templateId ? vpcOf(t, item.templateId) : undefined }))
        .find((x) => x.vpc !== undefined && !proxyVpcs.has(x.vpc.key));
      if (!mismatch?.vpc) continue;
      const proxySide = [...proxyVpcs.values()][0]!;
      const kind = use.target.type === DB_PROXY ? 'proxy' : 'proxy endpoint';
      const owner = ownerOf(use.fn, mismatch.item.node.range);
      ctx.report({
        range: mismatch.item.node.range,
        message: `${use.fn.id} runs in subnet ${mismatch.item.templateId} of ${vpcName(mismatch.vpc)}, but it uses ${kind} ${use.target.id}, which is in ${vpcName(proxySide.vpc)}. A proxy is reachable only from its own VPC: put ${use.fn.id} in subnets of ${vpcName(proxySide.vpc)}${kind === 'proxy' ? ', or add a DBProxyEndpoint in its VPC' : ''}.`,
        related: [
          { range: proxySide.at, message: `${use.target.id} is placed in ${proxySide.subnet}, in ${vpcName(proxySide.vpc)}.` },
          { range: mismatch.vpc.at, message: `${mismatch.item.templateId} is in ${vpcName(mismatch.vpc)}.` },
          { range: use.edge.range, message: `${use.fn.id} uses ${use.target.id} here.` },
          ...owner.related,
        ],
        resource: owner.resource,
      });
    }
  },
};

function vpcName(v: VpcRef): string {
  return v.templateId ?? v.key.replace(/^lit:/, '');
}
