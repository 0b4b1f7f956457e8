import { get } from '../../template/ast';
import { databases, DB_PROXY, enginesOf, familyForEngine, isEngineFamily } from '../../template/rds';
import { resolveStrings } from '../../template/resolve';
import { relatedFor } from '../helpers';
import type { Rule } from '../types';
import { RDS_PROXY_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

/** rds-proxy/engine-family: a proxy's EngineFamily must match the engine of every database it targets. */
export const engineFamily: Rule = {
  meta: {
    id: 'rds-proxy/engine-family',
    severity: 'error',
    description: 'An RDS Proxy EngineFamily must match the Engine of its target databases (MYSQL, POSTGRESQL or SQLSERVER).',
    docs: {
      bad: changed(PROXY_APP, ['EngineFamily: POSTGRESQL', 'EngineFamily: MYSQL   # the cluster runs aurora-postgresql']),
      good: PROXY_APP,
      url: RDS_PROXY_URL,
    },
    fixable: false,
    reads: { each: ['AWS::RDS::DBProxy'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    const index = databases(t);
    for (const proxy of t.ofType(DB_PROXY)) {
      const targets = index.targets.get(proxy.id) ?? [];
      if (targets.length === 0) continue;
      for (const family of resolveStrings(t, get(proxy.properties, 'EngineFamily'))) {
        // A value outside the three families is a schema error CloudFormation reports itself.
        if (!isEngineFamily(family.value)) continue;
        for (const target of targets) {
          for (const engine of enginesOf(t, target.db)) {
            const needed = familyForEngine(engine.value);
            if (needed === family.value) continue;
            const what = needed
              ? `needs EngineFamily ${needed}`
              : 'cannot be used behind an RDS Proxy (only MySQL, MariaDB, PostgreSQL, SQL Server and Aurora are supported)';
            ctx.report({
              range: family.at,
              message: `Proxy ${proxy.id} has EngineFamily ${family.value}, but its target ${target.db.id} runs ${engine.value}, which ${what}. ${needed ? `Set EngineFamily to ${needed} or target a ${family.value} database.` : 'Remove the target or connect to the database directly.'}`,
              related: [
                ...relatedFor(undefined, family),
                { range: engine.at, message: `${target.db.id} runs ${engine.value}.` },
                { range: target.entry.range, message: `${target.targetGroup.id} targets ${target.db.id}.` },
              ],
            });
          }
        }
      }
    }
  },
};
