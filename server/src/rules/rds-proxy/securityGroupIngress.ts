import type { Range } from '../../template/ast';

import { cidrContains, cidrOverlaps, parseCidr } from '../../template/cidr';
import { functionVpcs, ingressAllowsTcpPort, SECURITY_GROUP, securityGroupIngress as ingressOf, subnetCidr, vpcOf } from '../../template/network';
import type { FunctionVpc } from '../../template/network';
import { resolveStrings } from '../../template/resolve';
import type { Template } from '../../template/model';
import { DB_PROXY, placementList, proxyConnections, proxyFamily } from '../../template/rds';
import { RDS_PROXY_QUOTAS } from '../../quotas';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Related, Rule } from '../types';
import { RDS_PROXY_NETWORK_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

type Verdict = 'allowed' | 'blocked' | 'unknown';

/** rds-proxy/security-group-ingress: the proxy's security groups must let the function in on the engine port. */
export const securityGroupIngress: Rule = {
  meta: {
    id: 'rds-proxy/security-group-ingress',
    severity: 'warning',
    description: "The RDS Proxy's security groups should allow ingress on the engine port from the security groups of the functions using it, or from CIDR blocks that contain their subnets.",
    docs: {
      bad: changed(PROXY_APP, ['FromPort: 5432, ToPort: 5432', 'FromPort: 3306, ToPort: 3306']),
      good: PROXY_APP,
      url: RDS_PROXY_NETWORK_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const use of proxyConnections(t)) {
      const family = proxyFamily(t, use.target);
      const proxySgs = placementList(t, use.target, 'VpcSecurityGroupIds', SECURITY_GROUP);
      // Without VpcSecurityGroupIds the proxy uses the VPC's default group, which the template does not describe.
      if (!family || !proxySgs?.readable || proxySgs.entries.some((e) => !e.templateId)) continue;
      const port = RDS_PROXY_QUOTAS.portByEngineFamily[family];
      for (const config of functionVpcs(t, use.fn)) {
        const items = config.securityGroups?.items;
        const first = items?.[0];
        if (!items || !first) continue;
        const fnSgs = new Set(items.map((i) => i.templateId).filter((id): id is string => id !== undefined));
        const sgIds = proxySgs.entries.map((e) => e.templateId!);
        // Groups of another VPC cannot be matched at all: vpc/mixed-vpcs and rds-proxy/vpc-mismatch report that.
        if (!sameVpc(t, [...sgIds, ...fnSgs])) continue;
        const result = verdict(t, sgIds, fnSgs, config, port);
        if (result.verdict !== 'blocked') continue;
        const owner = ownerOf(use.fn, first.node.range);
        const kind = use.target.type === DB_PROXY ? 'proxy' : 'proxy endpoint';
        ctx.report({
          range: first.node.range,
          message: `No security group of ${kind} ${use.target.id} (${sgIds.join(', ')}) allows TCP ${port} (${family}) from the security groups${result.misses.length > 0 ? ' or subnets' : ''} of ${use.fn.id}, so its connections will time out.${result.misses.length > 0 ? ` ${result.misses.map((m) => m.message).join(' ')}` : ''} Add an ingress rule on port ${port} with SourceSecurityGroupId set to ${[...fnSgs][0] ?? "the function's security group"}.`,
          related: [
            ...result.misses,
            { range: proxySgs.node.range, message: `${use.target.id} uses these security groups.` },
            ...sgIds.map((id) => ({ range: sgRange(t, id), message: `${id} has no ingress on ${port} from ${use.fn.id}.` })),
            { range: use.edge.range, message: `${use.fn.id} uses ${use.target.id} here.` },
            ...owner.related,
          ],
          resource: owner.resource,
        });
      }
    }
  },
};

/**
 * Whether the ingress rules of the proxy's groups admit the function on `port`: a rule naming one of
 * its security groups admits it; CIDR rules admit it when, between them, they contain the CIDR block
 * of every subnet it runs in, each block within one rule (IPv6 blocks count only for a dual-stack
 * function). A block that is not a literal, on either side, or one that covers part of a subnet,
 * makes the answer unknown. `misses` says which CIDR rule leaves which
 * subnet out, for the message.
 */
function verdict(t: Template, sgIds: readonly string[], fnSgs: ReadonlySet<string>, config: FunctionVpc, port: number): { verdict: Verdict; misses: Related[] } {
  const subnets = config.subnets?.items?.map((i) => i.templateId);
  const dualStack = resolveStrings(t, config.config.pairs.find((p) => p.key === 'Ipv6AllowedForDualStack')?.value).some((c) => c.value === 'true');
  const covered = new Set<number>();
  const misses: Related[] = [];
  let unknown = false;
  for (const id of sgIds) {
    const ingress = ingressOf(t, id);
    if (!ingress.complete) unknown = true;
    for (const rule of ingress.rules) {
      const portOk = ingressAllowsTcpPort(rule, port);
      if (portOk === false) continue;
      const src = rule.source;
      if (src.kind === 'security-group') {
        if (!fnSgs.has(src.id)) continue;
        if (portOk === true) return { verdict: 'allowed', misses: [] };
        unknown = true;
        continue;
      }
      const block = src.kind === 'cidr' ? parseCidr(src.cidr) : undefined;
      if (!block || !subnets) {
        unknown = true;
        continue;
      }
      if (block.family === 6 && !dualStack) continue;
      subnets.forEach((subnet, i) => {
        const own = subnet ? subnetCidr(t, subnet, block.family) : undefined;
        if (!own || (!cidrContains(block, own) && cidrOverlaps(block, own))) unknown = true;
        else if (!cidrContains(block, own)) misses.push({ range: rule.at, message: `${block.text} does not contain ${subnet} (${own.text}).` });
        else if (portOk === true) covered.add(i);
        else unknown = true;
      });
    }
  }
  if (subnets && subnets.length > 0 && covered.size === subnets.length) return { verdict: 'allowed', misses: [] };
  return { verdict: unknown ? 'unknown' : 'blocked', misses };
}

/** True unless two of the security groups are known to be in different VPCs. */
function sameVpc(t: Template, sgIds: readonly string[]): boolean {
  const keys = new Set(sgIds.map((id) => vpcOf(t, id)?.key).filter((k): k is string => k !== undefined));
  return keys.size <= 1;
}

function sgRange(t: Template, id: string): Range {
  return t.resources.get(id)!.idRange;
}
