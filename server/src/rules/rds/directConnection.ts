import { get } from '../../template/ast';
import type { FunctionView } from '../../template/functions';
import type { Template } from '../../template/model';
import { RDS_PROXY_QUOTAS } from '../../quotas';
import { databases, DB_CLUSTER, DB_INSTANCE } from '../../template/rds';
import { hasNoVpcConfig } from '../../template/network';
import { resolveNumbers } from '../../template/resolve';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Related, Rule } from '../types';
import { LAMBDA_RDS_URL } from '../rds-proxy/urls';
import { changed } from '../docs';
import { PROXY_APP } from '../rds-proxy/examples';

/** rds/direct-connection: functions that open their own connections to a database instead of a proxy. */
export const directConnection: Rule = {
  meta: {
    id: 'rds/direct-connection',
    severity: 'information',
    description: 'A function connecting straight to a DB instance or cluster endpoint opens connections per concurrent execution; an RDS Proxy pools them.',
    docs: {
      bad: changed(PROXY_APP, ['DB_HOST: !GetAtt Proxy.Endpoint', 'DB_HOST: !GetAtt Cluster.Endpoint.Address   # straight to the cluster']),
      good: changed(PROXY_APP, ['DB_HOST: !GetAtt Proxy.Endpoint', 'DB_HOST: !GetAtt Proxy.Endpoint   # through the proxy, which pools connections']),
      url: LAMBDA_RDS_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    const index = databases(t);
    for (const uses of index.usesByFunction.values()) {
      for (const use of uses) {
        if (use.target.type !== DB_INSTANCE && use.target.type !== DB_CLUSTER) continue;
        // The identifier or ARN alone (Data API, IAM policies) is no connection.
        if (!use.connects) continue;
        // Outside the VPC the function cannot reach the database at all: vpc/private-resource-unreachable says so.
        if (fewConnections(t, use.fn) || hasNoVpcConfig(use.fn)) continue;
        const owner = ownerOf(use.fn, use.edge.range);
        const proxies = index.proxiesOfDb.get(use.target.id) ?? [];
        const related: Related[] = [
          { range: use.target.idRange, message: `The database ${use.target.id}.` },
          ...proxies.map((p) => ({ range: p.idRange, message: `Proxy ${p.id} already fronts ${use.target.id}; connect to its endpoint.` })),
          ...owner.related,
        ];
        ctx.report({
          range: use.edge.range,
          message: `${use.fn.id} connects to ${use.target.id} directly. Under load every concurrent execution opens its own database connections and can exhaust max_connections; ${proxies.length > 0 ? `use the endpoint of ${proxies[0]!.id}` : 'put an RDS Proxy in front of the database'} (or cap ReservedConcurrentExecutions at ${RDS_PROXY_QUOTAS.directConnectionMaxConcurrency} or less).`,
          related,
          resource: owner.resource,
        });
      }
    }
  },
};

/** True when every known ReservedConcurrentExecutions of the function is small enough to go without a proxy. */
function fewConnections(t: Template, fn: FunctionView): boolean {
  const reserved = resolveNumbers(t, get(fn.props, 'ReservedConcurrentExecutions'));
  return reserved.length > 0 && reserved.every((c) => c.value <= RDS_PROXY_QUOTAS.directConnectionMaxConcurrency);
}
