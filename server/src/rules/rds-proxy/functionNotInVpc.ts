import { get } from '../../template/ast';
import { hasNoVpcConfig } from '../../template/network';
import type { Template, Resource } from '../../template/model';
import { DB_PROXY, DB_PROXY_ENDPOINT, proxyConnections, proxyOfEndpoint } from '../../template/rds';
import type { DatabaseUse } from '../../template/rds';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Related, Rule } from '../types';
import { RDS_PROXY_NETWORK_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

/** rds-proxy/function-not-in-vpc: a function can only reach an RDS Proxy from inside the proxy's VPC. */
export const functionNotInVpc: Rule = {
  meta: {
    id: 'rds-proxy/function-not-in-vpc',
    severity: 'error',
    description: 'A function that uses an RDS Proxy needs a VpcConfig: a proxy is never publicly accessible.',
    docs: {
      bad: changed(PROXY_APP, ['      VpcConfig:\n        SubnetIds: [!Ref SubnetA, !Ref SubnetB]\n        SecurityGroupIds: [!Ref AppSg]\n', '']),
      good: PROXY_APP,
      url: RDS_PROXY_NETWORK_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
    narrows: ['vpc/private-resource-unreachable'],
  },
  check(ctx) {
    const t = ctx.template;
    for (const use of proxyConnections(t)) {
      if (!hasNoVpcConfig(use.fn)) continue;
      const owner = ownerOf(use.fn, use.edge.range);
      ctx.report({
        range: use.edge.range,
        message: `${use.fn.id} uses RDS Proxy ${use.target.id} but has no VpcConfig. A proxy is only reachable from inside its VPC, so every connection would time out. Give ${use.fn.id} a VpcConfig with subnets in the proxy's VPC and a security group the proxy allows.`,
        related: [
          ...proxyRelated(t, use),
          ...owner.related,
        ],
        resource: owner.resource,
      });
    }
  },
};

/** Where the proxy (and the endpoint used) are placed: their subnets, or the resource itself. */
export function proxyRelated(t: Template, use: DatabaseUse): Related[] {
  const out: Related[] = [placement(use.target)];
  if (use.target.type === DB_PROXY_ENDPOINT) {
    const proxy = proxyOfEndpoint(t, use.target);
    if (proxy) out.push(placement(proxy));
  }
  return out;
}

function placement(r: Resource): Related {
  const subnets = get(r.properties, 'VpcSubnetIds');
  const kind = r.type === DB_PROXY ? 'Proxy' : 'Proxy endpoint';
  return subnets
    ? { range: subnets.range, message: `${kind} ${r.id} is placed in these subnets.` }
    : { range: r.idRange, message: `${kind} ${r.id}.` };
}
