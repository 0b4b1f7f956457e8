import { databases, DB_PROXY } from '../../template/rds';
import type { Rule } from '../types';
import { RDS_PROXY_SETUP_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

/** rds-proxy/no-target: a proxy without a target group in the template forwards connections nowhere. */
export const noTarget: Rule = {
  meta: {
    id: 'rds-proxy/no-target',
    severity: 'warning',
    description: 'An RDS Proxy needs an AWS::RDS::DBProxyTargetGroup naming the database it connects to.',
    docs: {
      bad: changed(PROXY_APP, ['  ProxyTargets:\n    Type: AWS::RDS::DBProxyTargetGroup\n    Properties:\n      DBProxyName: !Ref Proxy\n      TargetGroupName: default\n      DBClusterIdentifiers: [!Ref Cluster]\n', '']),
      good: PROXY_APP,
      url: RDS_PROXY_SETUP_URL,
    },
    fixable: false,
    // A target group whose proxy is unresolved silences every proxy: the check reads them all.
    reads: { types: { 'AWS::RDS::DBProxy': '*', 'AWS::RDS::DBProxyTargetGroup': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    const index = databases(t);
    // A target group whose proxy name cannot be resolved may belong to any proxy: stay silent.
    if (index.unresolvedTargetGroup) return;
    for (const proxy of t.ofType(DB_PROXY)) {
      if (index.targetGroups.has(proxy.id)) continue;
      ctx.report({
        range: proxy.idRange,
        message: `Proxy ${proxy.id} has no AWS::RDS::DBProxyTargetGroup in this template, so it has no database to forward connections to. Add a target group with DBProxyName: !Ref ${proxy.id}, TargetGroupName: default and the DB cluster or instance.`,
      });
    }
  },
};
