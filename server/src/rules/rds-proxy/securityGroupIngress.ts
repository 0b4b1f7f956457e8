import type { Range } from '../../template/ast';

import { functionVpcs, ingressAllowsTcpPort, SECURITY_GROUP, securityGroupIngress as ingressOf, vpcOf } from '../../template/network';
import type { Template } from '../../template/model';
import { DB_PROXY, placementList, proxyConnections, proxyFamily } from '../../template/rds';
import { RDS_PROXY_QUOTAS } from '../../quotas';
import { ownerOf } from '../helpers';
import type { Rule } from '../types';
import { RDS_PROXY_NETWORK_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

type Verdict = 'allowed' | 'blocked' | 'unknown';

/** rds-proxy/security-group-ingress: the proxy's security groups must let the function in on the engine port. */
export const securityGroupIngress: Rule = {
  meta: {
    id: 'rds-proxy/security-group-ingress',
    severity: 'warning',
    description: "The RDS Proxy's security groups should allow ingress on the engine port from the security groups of the functions using it.",
    docs: {
      bad: changed(PROXY_APP, ['FromPort: 5432, ToPort: 5432', 'FromPort: 3306, ToPort: 3306']),
      good: PROXY_APP,
      url: RDS_PROXY_NETWORK_URL,
    },
    fixable: false,
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
        if (verdict(t, sgIds, fnSgs, port) !== 'blocked') continue;
        const owner = ownerOf(use.fn, first.node.range);
        const kind = use.target.type === DB_PROXY ? 'proxy' : 'proxy endpoint';
        ctx.report({
          range: first.node.range,
          message: `No security group of ${kind} ${use.target.id} (${sgIds.join(', ')}) allows TCP ${port} (${family}) from the security groups of ${use.fn.id}, so its connections will time out. Add an ingress rule on port ${port} with SourceSecurityGroupId set to ${[...fnSgs][0] ?? "the function's security group"}.`,
          related: [
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

/** Whether any ingress rule of the proxy's groups admits the function's groups (or any CIDR) on `port`. */
function verdict(t: Template, sgIds: readonly string[], fnSgs: ReadonlySet<string>, port: number): Verdict {
  let unknown = false;
  for (const id of sgIds) {
    const ingress = ingressOf(t, id);
    if (!ingress.complete) unknown = true;
    for (const rule of ingress.rules) {
      const portOk = ingressAllowsTcpPort(rule, port);
      if (portOk === false) continue;
      const src = rule.source;
      const sourceOk = src.kind === 'cidr' ? true : src.kind === 'security-group' ? fnSgs.has(src.id) : undefined;
      if (sourceOk === false) continue;
      if (portOk === true && sourceOk === true) return 'allowed';
      unknown = true;
    }
  }
  return unknown ? 'unknown' : 'blocked';
}

/** True unless two of the security groups are known to be in different VPCs. */
function sameVpc(t: Template, sgIds: readonly string[]): boolean {
  const keys = new Set(sgIds.map((id) => vpcOf(t, id)?.key).filter((k): k is string => k !== undefined));
  return keys.size <= 1;
}

function sgRange(t: Template, id: string): Range {
  return t.resources.get(id)!.idRange;
}
