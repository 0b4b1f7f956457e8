import { get } from '../../template/ast';
import type { MapNode } from '../../template/ast';
import type { Template, Resource } from '../../template/model';

import { executionRole, roleAllows } from '../../template/iam';
import type { ExecutionRole } from '../../template/iam';
import { authEntries, DB_PROXY, endToEndIam, proxyUses } from '../../template/rds';
import type { DatabaseUse, ProxyAuth } from '../../template/rds';
import { resolveStrings } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import { relatedFor, ownerOf } from '../helpers';
import { insertPairAfter, insertPairFirst, replaceWith } from '../edits';
import type { Fix, Related, RuleContext, Rule, TextEdit } from '../types';
import { RDS_PROXY_SETUP_URL } from './urls';
import { changed } from '../docs';
import { PROXY_APP } from './examples';

/** rds-proxy/iam-auth: clients authenticate to the proxy with IAM, over TLS. */
export const iamAuth: Rule = {
  meta: {
    id: 'rds-proxy/iam-auth',
    severity: 'warning',
    description: 'An RDS Proxy should require IAM authentication (IAMAuth REQUIRED), which needs RequireTLS true and rds-db:connect for its clients.',
    docs: {
      bad: changed(PROXY_APP, ['IAMAuth: REQUIRED', 'IAMAuth: DISABLED']),
      good: PROXY_APP,
      url: RDS_PROXY_SETUP_URL,
    },
    fixable: true,
    reads: { each: ['AWS::RDS::DBProxy'], types: { '*': '*' } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const proxy of t.ofType(DB_PROXY)) {
      const required: Candidate[] = [];
      const lacking = clientsWithoutConnect(t, proxy);
      for (const auth of authEntries(proxy)) {
        const node = get(auth.entry, 'IAMAuth');
        const values = resolveStrings(t, node);
        if (!node) notRequired(ctx, auth, undefined, lacking);
        for (const c of values) {
          if (c.value === 'REQUIRED') required.push(c);
          else notRequired(ctx, auth, c, lacking);
        }
      }
      const iamClients = required[0] ?? (endToEndIam(t, proxy) ? resolveStrings(t, get(proxy.properties, 'DefaultAuthScheme'))[0] : undefined);
      if (!iamClients) continue;
      checkTls(ctx, proxy, iamClients);
      for (const client of lacking) reportMissingConnect(ctx, proxy, iamClients, client);
    }
  },
};

interface Client {
  readonly use: DatabaseUse;
  readonly role: ExecutionRole;
}

/** Functions using the proxy whose template-defined role is known not to allow rds-db:connect on it. */
function clientsWithoutConnect(t: Template, proxy: Resource): Client[] {
  const out: Client[] = [];
  for (const use of proxyUses(t, proxy)) {
    if (!use.connects) continue;
    const role = executionRole(t, use.fn);
    if (roleAllows(t, role, 'rds-db:connect', use.target.id) === 'denied') out.push({ use, role });
  }
  return out;
}

function notRequired(ctx: RuleContext, auth: ProxyAuth, c: (Candidate & { value: string }) | undefined, lacking: readonly Client[]): void {
  const t = ctx.template;
  const set = c ? replaceWith(t, c.at, 'REQUIRED') : setKey(t, auth.entry, 'IAMAuth', 'REQUIRED');
  // Requiring IAM while a client cannot call rds-db:connect would lock that client out: no one-click fix then.
  const fixes: Fix[] = lacking.length > 0 || !set ? [] : [{ title: 'Set IAMAuth to REQUIRED (and RequireTLS to true)', edits: [set, ...tlsEdits(t, auth.proxy)] }];
  const blocked = lacking.length > 0 ? ` First allow rds-db:connect to ${[...new Set(lacking.map((l) => l.use.fn.id))].join(', ')}.` : '';
  ctx.report({
    range: c?.at ?? auth.entry.range,
    message: c
      ? `Proxy ${auth.proxy.id} has IAMAuth ${c.value}: clients log in with the database password. Set IAMAuth to REQUIRED so clients authenticate with IAM (rds-db:connect) and the credentials stay in Secrets Manager.${blocked}`
      : `This Auth entry of proxy ${auth.proxy.id} has no IAMAuth, so it defaults to DISABLED and clients log in with the database password. Set IAMAuth: REQUIRED so clients authenticate with IAM (rds-db:connect).${blocked}`,
    related: c ? relatedFor(undefined, c) : [],
    fixes,
  });
}

/** A client of an IAM-only proxy whose role cannot connect. */
function reportMissingConnect(ctx: RuleContext, proxy: Resource, iam: Candidate, client: Client): void {
  const { use, role } = client;
  const owner = ownerOf(use.fn, use.edge.range);
  const roleName = role.kind === 'role' ? `role ${role.id}` : 'the role SAM generates from its Policies';
  const related: Related[] = [{ range: iam.at, message: `${proxy.id} requires IAM authentication.` }];
  if (role.kind === 'role') related.push({ range: role.at, message: `${use.fn.id} runs with ${role.id}.` });
  const policies = use.fn.props.pairs.find((p) => p.key === 'Policies');
  if (role.kind === 'sam' && policies) related.push({ range: policies.keyRange, message: `${use.fn.id}'s policies.` });
  related.push(...owner.related);
  ctx.report({
    range: use.edge.range,
    severity: 'error',
    message: `Proxy ${proxy.id} requires IAM authentication, but ${use.fn.id} runs with ${roleName}, which is not allowed rds-db:connect on it, so every connection is refused. Allow rds-db:connect on arn:\${AWS::Partition}:rds-db:\${AWS::Region}:\${AWS::AccountId}:dbuser:<proxy resource id>/<db user>.`,
    related,
    resource: owner.resource,
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
  const node = get(proxy.properties, 'RequireTLS');
  const values = resolveStrings(t, node);
  if (values.length > 0 && values.every((c) => c.value.toLowerCase() === 'true')) return [];
  const off = values.find((c) => c.value.toLowerCase() !== 'true');
  // A new key goes first in Properties, away from the Auth entry a companion edit may insert into.
  const props = proxy.properties;
  const edit = off ? replaceWith(t, off.at, 'true') : node ? replaceWith(t, node.range, 'true') : props && (insertPairFirst(t, props, 'RequireTLS', 'true') ?? setKey(t, props, 'RequireTLS', 'true'));
  return edit ? [edit] : [];
}

/** Adds `key: value` after the last entry of a map (in the map's own style). */
function setKey(t: Template, map: MapNode, key: string, value: string): TextEdit | undefined {
  const last = map.pairs[map.pairs.length - 1];
  return last ? insertPairAfter(t, last, key, value) : undefined;
}
