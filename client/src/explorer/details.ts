/** The lazily loaded children of a function's detail groups and of the Account node. */
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { arnResourceName, layerVersionLabel } from '../../../server/src/arn';
import { QUOTAS } from '../../../server/src/quotas';
import { getAccountSummary, getFunctionUrl, listAliases, listEventSourceMappings, listVersions, type FunctionDetails, type FunctionSummary } from '../../../server/src/aws/lambdaApi';
import { formatCount } from './filter';
import { formatBytes } from '../../../server/src/bytes';
import type { DetailGroup, DetailNode } from './nodes';

const row = (parent: string, label: string, description: string, tooltip?: string): DetailNode => ({
  kind: 'detail',
  id: `${parent}/${label}`,
  label,
  description,
  ...(tooltip ? { tooltip } : {}),
});

/** Rows for the Configuration group, from GetFunction. */
export function configurationRows(parent: string, d: FunctionDetails): DetailNode[] {
  const c: FunctionConfiguration = d.configuration;
  const rows: Array<[string, string | undefined]> = [
    ['Runtime', c.Runtime ?? (c.PackageType === 'Image' ? 'container image' : undefined)],
    ['Handler', c.Handler],
    ['Memory', c.MemorySize !== undefined ? `${c.MemorySize} MB` : undefined],
    ['Timeout', c.Timeout !== undefined ? `${c.Timeout} s` : undefined],
    ['Ephemeral storage', c.EphemeralStorage?.Size !== undefined ? `${c.EphemeralStorage.Size} MB` : undefined],
    ['Architectures', c.Architectures?.join(', ')],
    ['Package type', c.PackageType],
    ['Code size', c.CodeSize !== undefined ? formatBytes(c.CodeSize) : undefined],
    ['Reserved concurrency', d.reservedConcurrency !== undefined ? formatCount(d.reservedConcurrency) : 'not reserved'],
    ['State', c.State ? `${c.State}${c.StateReason ? ` (${c.StateReason})` : ''}` : undefined],
    ['Last update', c.LastUpdateStatus],
    ['Role', c.Role],
    ['Tracing', c.TracingConfig?.Mode],
    ['Log group', c.LoggingConfig?.LogGroup],
    ['Last modified', c.LastModified],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '').map(([k, v]) => row(parent, k, v));
}

/** Rows for the groups that list things; `details` is read only by the configuration group. */
export async function groupRows(client: LambdaClient, parent: string, fn: FunctionSummary, group: Exclude<DetailGroup, 'configuration'>, signal?: AbortSignal): Promise<DetailNode[]> {
  switch (group) {
    case 'functionUrl': {
      const url = await getFunctionUrl(client, fn.name, signal);
      if (!url) return [noneRow(parent)];
      const open = url.authType === 'NONE';
      return [{ ...row(parent, url.url, open ? 'auth NONE · public' : `auth ${url.authType}`), url }];
    }
    case 'aliases': {
      const { items, truncated } = await listAliases(client, fn.name, signal);
      if (!items.length) return [noneRow(parent)];
      return withTruncation(parent, items.map((a) => row(parent, a.name, `→ ${a.version}`, a.description || undefined)), truncated);
    }
    case 'versions': {
      const { items, truncated } = await listVersions(client, fn.name, signal);
      return withTruncation(parent, items.map((v) => row(parent, v.version, v.description || v.lastModified || '')), truncated);
    }
    case 'eventSources': {
      const { items, truncated } = await listEventSourceMappings(client, fn.name, signal);
      if (!items.length) return [noneRow(parent)];
      return withTruncation(
        parent,
        items.map((m) => row(parent, arnResourceName(m.source) ?? m.source, `${m.state}${m.batchSize !== undefined ? ` · batch ${m.batchSize}` : ''}`, `${m.source}\n${m.uuid}`)),
        truncated,
      );
    }
    case 'layers':
      return fn.layers.map((l) => row(parent, layerVersionLabel(l.arn), formatBytes(l.codeSizeBytes), l.arn));
    case 'environment':
      // Names only: values may be secrets and are never fetched into the tree.
      return fn.environmentNames.map((n) => row(parent, n, ''));
  }
}

/** The one row of an empty group, so an expanded group never shows nothing. */
function noneRow(parent: string): DetailNode {
  return row(parent, 'none', '');
}

function withTruncation(parent: string, rows: DetailNode[], truncated: boolean): DetailNode[] {
  return truncated ? [...rows, row(parent, '…', 'more not shown; see the AWS console')] : rows;
}

/** Rows of the Account node, from GetAccountSettings. */
export async function accountRows(client: LambdaClient, parent: string, signal?: AbortSignal): Promise<DetailNode[]> {
  const a = await getAccountSummary(client, signal);
  const limit = a.codeStorageLimitBytes ?? QUOTAS.codeStorageBytes;
  const used = a.codeStorageUsedBytes ?? 0;
  const rows: DetailNode[] = [];
  if (a.concurrencyLimit !== undefined) rows.push(row(parent, 'Concurrency limit', formatCount(a.concurrencyLimit)));
  if (a.unreservedConcurrency !== undefined) rows.push(row(parent, 'Unreserved concurrency', formatCount(a.unreservedConcurrency)));
  rows.push(row(parent, 'Code storage', `${formatBytes(used)} of ${formatBytes(limit)} (${((used / limit) * 100).toFixed(1)}%)`));
  if (a.functionCount !== undefined) rows.push(row(parent, 'Functions', formatCount(a.functionCount)));
  return rows;
}
