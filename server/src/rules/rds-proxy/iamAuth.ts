import { get } from '../../template/ast';
import type { Template, Resource } from '../../template/model';
import { authEntries, DB_PROXY, endToEndIam } from '../../template/rds';
import type { ProxyAuth } from '../../template/rds';
import { resolveStrings } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import { relatedFor } from '../helpers';
import { scalarText, setKeyEdit } from '../mapEdits';
import type { Fix, RuleContext, Rule, TextEdit } from '../types';
import { RDS_PROXY_SETUP_URL } from './urls';

/** rds-proxy/iam-auth: clients authenticate to the proxy with IAM, over TLS. */
export const iamAuth: Rule = {
  meta: {
    id: 'rds-proxy/iam-auth',
    severity: 'warning',
    description: 'An RDS Proxy should require IAM authentication (IAMAuth REQUIRED), which needs RequireTLS true and rds-db:connect for its clients.',
    docs: {
      bad: 'Proxy:\n  Type: AWS::RDS::DBProxy\n  Properties:\n    EngineFamily: POSTGRESQL\n    Auth:\n      - AuthScheme: SECRETS\n        SecretArn: !Ref DbSecret\n        IAMAuth: DISABLED',
      good: 'Proxy:\n  Type: AWS::RDS::DBProxy\n  Properties:\n    EngineFamily: POSTGRESQL\n    RequireTLS: true\n    Auth:\n      - AuthScheme: SECRETS\n        SecretArn: !Ref DbSecret\n        IAMAuth: REQUIRED',
      url: RDS_PROXY_SETUP_URL,
    },
    fixable: true,
  },
  check(ctx) {
    const t = ctx.template;
    for (const proxy of t.ofType(DB_PROXY)) {
      const required: Candidate[] = [];
      for (const auth of authEntries(proxy)) {
        const node = get(auth.entry, 'IAMAuth');
        const values = resolveStrings(t, node);
        if (!node) notRequired(ctx, auth, undefined);
        for (const c of values) {
          if (c.value === 'REQUIRED') required.push(c);
          else notRequired(ctx, auth, c);
        }
      }
      const iamClients = required[0] ?? (endToEndIam(t, proxy) ? resolveStrings(t, get(proxy.properties, 'DefaultAuthScheme'))[0] : undefined);
      if (iamClients) checkTls(ctx, proxy, iamClients);
    }
  },
};

function notRequired(ctx: RuleContext, auth: ProxyAuth, c: (Candidate & { value: string }) | undefined): void {
  const t = ctx.template;
  const set: TextEdit = c ? { range: c.at, newText: scalarText(t, 'REQUIRED') } : setKeyEdit(t, auth.entry, 'IAMAuth', 'REQUIRED');
  const fix: Fix = { title: 'Set IAMAuth to REQUIRED (and RequireTLS to true)', edits: [set, ...tlsEdits(t, auth.proxy)] };
  ctx.report({
    range: c?.at ?? auth.entry.range,
    message: c
      ? `Proxy ${auth.proxy.id} has IAMAuth ${c.value}: clients log in with the database password. Set IAMAuth to REQUIRED so clients authenticate with IAM (rds-db:connect) and the credentials stay in Secrets Manager.`
      : `This Auth entry of proxy ${auth.proxy.id} has no IAMAuth, so it defaults to DISABLED and clients log in with the database password. Set IAMAuth: REQUIRED so clients authenticate with IAM (rds-db:connect).`,
    related: c ? relatedFor(undefined, c) : [],
    fixes: [fix],
  });
}

/** IAM authentication to the proxy only works over TLS. */
function checkTls(ctx: RuleContext, proxy: Resource, iam: Candidate): void {
  const t = ctx.template;
  const node = get(proxy.properties, 'RequireTLS');
  const values = resolveStrings(t, node);
  if (node && values.length === 0) return;
  const off = values.find((c) => c.value.toLowerCase() !== 'true');
  if (node && !off) return;
  ctx.report({
    range: off?.at ?? iam.at,
    severity: 'error',
    message: off
      ? `Proxy ${proxy.id} requires IAM authentication but RequireTLS is ${off.value}; IAM authentication needs TLS, so clients cannot connect. Set RequireTLS to true.`
      : `Proxy ${proxy.id} requires IAM authentication but does not set RequireTLS (default false); IAM authentication needs TLS, so clients cannot connect. Add RequireTLS: true.`,
    related: off ? [...relatedFor(undefined, off), { range: iam.at, message: 'IAM authentication is required here.' }] : [{ range: proxy.idRange, message: `Proxy ${proxy.id}.` }],
    fixes: [{ title: 'Set RequireTLS to true', edits: tlsEdits(t, proxy) }],
  });
}

/** The edit turning RequireTLS on, when the proxy does not already have it. */
function tlsEdits(t: Template, proxy: Resource): TextEdit[] {
  const values = resolveStrings(t, get(proxy.properties, 'RequireTLS'));
  if (values.length > 0 && values.every((c) => c.value.toLowerCase() === 'true')) return [];
  const off = values.find((c) => c.value.toLowerCase() !== 'true');
  if (off) return [{ range: off.at, newText: 'true' }];
  return proxy.properties ? [setKeyEdit(t, proxy.properties, 'RequireTLS', true)] : [];
}
