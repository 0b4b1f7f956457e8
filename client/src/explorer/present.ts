/**
 * How each explorer node looks: label, description, Markdown tooltip, icon, context value and click
 * command, as plain data. The tree provider turns it into a TreeItem; tests read it directly.
 */
import { layerVersionLabel } from '../../../server/src/arn';
import { formatBytes } from '../../../server/src/bytes';
import { QUOTAS } from '../../../server/src/quotas';
import { runtimeFamily, runtimeInfo, runtimePhase } from '../../../server/src/runtimes';
import type { FunctionDetails, FunctionSummary } from '../../../server/src/aws/lambdaApi';
import { LAMBDA_REGIONS } from '../../../server/src/aws/regions';
import { DETAIL_GROUPS, type ExplorerNode } from './nodes';

/** A TreeItem's content, free of `vscode`. */
export interface ItemView {
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: { id: string; color?: string } | undefined;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command: { command: string; title: string; arguments: unknown[] } | undefined;
  /** A badge for the item (deprecated runtime). */
  badge: { text: string; tooltip: string } | undefined;
}

/** What the presenter needs from the model for nodes whose look depends on state. */
export interface PresentContext {
  regionDescription(region: string): string;
  isFiltered(region: string): boolean;
  regionCount: number;
  details(fn: Pick<FunctionSummary, 'arn'>): FunctionDetails | undefined;
  today: Date;
  /** The function of an open template a deployed function is, when its stack is known. */
  templateFunction(region: string, name: string): { logicalId: string; uri: string } | undefined;
}

const FAMILY_ICONS: Record<string, { id: string; color?: string }> = {
  nodejs: { id: 'symbol-event', color: 'charts.green' },
  python: { id: 'symbol-namespace', color: 'charts.blue' },
  java: { id: 'coffee', color: 'charts.orange' },
  dotnet: { id: 'symbol-class', color: 'charts.purple' },
  ruby: { id: 'ruby', color: 'charts.red' },
  go: { id: 'symbol-interface', color: 'charts.blue' },
  provided: { id: 'terminal', color: 'charts.yellow' },
  image: { id: 'package' },
  other: { id: 'symbol-function' },
};

/** The icon of a function: one per runtime family; container images have their own. */
export function runtimeIcon(fn: FunctionSummary): { id: string; color?: string } {
  if (!fn.runtime) return FAMILY_ICONS[fn.packageType === 'Image' ? 'image' : 'other'] ?? { id: 'symbol-function' };
  return FAMILY_ICONS[runtimeFamily(fn.runtime)] ?? { id: 'symbol-function' };
}

/** A warning when the runtime is deprecated (or blocked) on `today`, per the lifecycle data. */
export function deprecation(runtime: string | undefined, today: Date): string | undefined {
  const info = runtime ? runtimeInfo(runtime) : undefined;
  if (!info) return undefined;
  const phase = runtimePhase(info, today);
  if (phase === 'supported') return undefined;
  const move = info.successor ? ` Move to ${info.successor}.` : '';
  const blocked =
    phase === 'update-blocked'
      ? ` Updates are blocked since ${info.updateBlock}.`
      : phase === 'create-blocked'
        ? ` New functions are blocked since ${info.createBlock}${info.updateBlock ? `; updates from ${info.updateBlock}` : ''}.`
        : info.updateBlock
          ? ` Updates will be blocked from ${info.updateBlock}.`
          : '';
  return `Runtime ${runtime} is deprecated since ${info.deprecated}.${blocked}${move}`;
}

const md = (s: string): string => s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');

/** `nodejs20.x · 512 MB · 30 s` */
export function functionDescription(fn: FunctionSummary): string {
  return [fn.runtime ?? (fn.packageType === 'Image' ? 'image' : '—'), `${fn.memoryMb} MB`, `${fn.timeoutSec} s`].join(' · ');
}

/** The Markdown tooltip of a function; `details` (GetFunction) adds state and reserved concurrency. */
export function functionTooltip(fn: FunctionSummary, details: FunctionDetails | undefined, today: Date): string {
  const zipLimit = QUOTAS.zippedDirectUploadBytes;
  const rows: Array<[string, string]> = [
    ['Last modified', fn.lastModified ? md(fn.lastModified) : 'unknown'],
    [
      'Code size',
      fn.packageType === 'Image'
        ? 'container image (size not reported)'
        : `${formatBytes(fn.codeSizeBytes)} of ${formatBytes(zipLimit)} zipped (${Math.round((fn.codeSizeBytes / zipLimit) * 100)}%); unzipped limit ${formatBytes(QUOTAS.unzippedPackageBytes)} with layers`,
    ],
    ['Package type', fn.packageType],
    ['Architectures', fn.architectures.join(', ')],
    [
      'VPC',
      fn.vpc
        ? `${fn.vpc.vpcId ? md(fn.vpc.vpcId) : 'yes'} · ${fn.vpc.subnetCount} subnet${fn.vpc.subnetCount === 1 ? '' : 's'} · ${fn.vpc.securityGroupCount} security group${fn.vpc.securityGroupCount === 1 ? '' : 's'}`
        : 'none',
    ],
    ['Layers', fn.layers.length ? `${fn.layers.length}: ${fn.layers.map((l) => md(layerVersionLabel(l.arn))).join(', ')}` : 'none'],
    [
      'Reserved concurrency',
      details ? (details.reservedConcurrency !== undefined ? String(details.reservedConcurrency) : 'not reserved') : '…',
    ],
    ['State', details ? md(`${details.configuration.State ?? 'unknown'}${details.configuration.StateReason ? ` (${details.configuration.StateReason})` : ''}`) : '…'],
  ];
  const warning = deprecation(fn.runtime, today);
  return [
    `**${md(fn.name)}** · ${md(functionDescription(fn))}`,
    '',
    `\`${fn.arn}\``,
    '',
    ...(warning ? [`$(warning) ${md(warning)}`, ''] : []),
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ].join('\n');
}

const regionName = (id: string): string => {
  const name = LAMBDA_REGIONS.find((r) => r.id === id)?.name;
  return name ? ` (${name})` : '';
};

const none = { description: '', tooltip: '', icon: undefined, command: undefined, badge: undefined } as const;

/** The look of any node. */
export function present(node: ExplorerNode, ctx: PresentContext): ItemView {
  switch (node.kind) {
    case 'region':
      return {
        ...none,
        label: node.region,
        description: ctx.regionDescription(node.region),
        tooltip: `Lambda functions in **${node.region}**${regionName(node.region)}`,
        icon: { id: 'globe' },
        contextValue: ctx.isFiltered(node.region) ? 'region.filtered' : 'region',
        collapsible: ctx.regionCount === 1 ? 'expanded' : 'collapsed',
      };
    case 'account':
      return { ...none, label: 'Account', tooltip: `Account settings in ${node.region}: concurrency and code storage`, icon: { id: 'account' }, contextValue: 'account', collapsible: 'collapsed' };
    case 'function': {
      const warning = deprecation(node.fn.runtime, ctx.today);
      const inTemplate = ctx.templateFunction(node.region, node.fn.name);
      const where = inTemplate ? `\n\n$(file-code) ${md(inTemplate.logicalId)} in ${md(decodeURIComponent(inTemplate.uri.split('/').slice(-2).join('/')))}` : '';
      return {
        label: node.fn.name,
        description: inTemplate ? `${inTemplate.logicalId} · ${functionDescription(node.fn)}` : functionDescription(node.fn),
        tooltip: functionTooltip(node.fn, ctx.details(node.fn), ctx.today) + where,
        icon: runtimeIcon(node.fn),
        // The invoke feature adds its item action with `viewItem =~ /^function/`; `.template` offers "Open in Template".
        contextValue: `function${warning ? '.deprecated' : ''}${inTemplate ? '.template' : ''}`,
        collapsible: 'collapsed',
        command: undefined,
        badge: warning ? { text: '!', tooltip: warning } : undefined,
      };
    }
    case 'loadMore':
      return {
        ...none,
        label: 'Load more…',
        tooltip: 'Show the next 50 functions',
        icon: { id: 'ellipsis' },
        contextValue: 'loadMore',
        collapsible: 'none',
        command: { command: 'lambdaLens.loadMore', title: 'Load more', arguments: [node] },
      };
    case 'detailGroup': {
      const label = DETAIL_GROUPS.find((g) => g.group === node.group)?.label ?? node.group;
      const count = node.group === 'layers' ? node.fn.layers.length : node.group === 'environment' ? node.fn.environmentNames.length : undefined;
      return {
        ...none,
        label,
        description: count === undefined ? '' : String(count),
        icon: { id: node.group === 'configuration' ? 'settings-gear' : node.group === 'functionUrl' ? 'link' : node.group === 'environment' ? 'symbol-variable' : node.group === 'layers' ? 'layers' : 'list-tree' },
        contextValue: `detailGroup.${node.group}`,
        collapsible: count === 0 ? 'none' : 'collapsed',
      };
    }
    case 'detail':
      if (node.url) {
        const open = node.url.authType === 'NONE';
        return {
          ...none,
          label: node.label,
          description: node.description,
          tooltip: open
            ? `$(warning) **Public URL**: auth type NONE, so anyone on the internet can call ${md(node.url.url)} without signing the request.`
            : `${md(node.url.url)}\n\nAuth type ${md(node.url.authType)}: callers sign requests with IAM credentials.`,
          icon: open ? { id: 'warning', color: 'list.warningForeground' } : { id: 'link' },
          contextValue: 'functionUrl',
          collapsible: 'none',
        };
      }
      return { ...none, label: node.label, description: node.description, tooltip: node.tooltip ? md(node.tooltip) : '', contextValue: 'detail', collapsible: 'none' };
    case 'error': {
      const a = node.error.action;
      return {
        label: node.error.summary,
        description: a?.shellCommand ?? a?.label ?? '',
        tooltip: `**${md(node.error.summary)}**\n\n${md(node.error.detail)}`,
        icon: { id: node.error.kind === 'sso-expired' || node.error.kind === 'expired-token' ? 'key' : 'error', color: 'errorForeground' },
        contextValue: `error.${node.error.kind}`,
        collapsible: 'none',
        command: a?.shellCommand
          ? { command: 'lambdaLens.runInTerminal', title: a.label, arguments: [a.shellCommand] }
          : a?.command
            ? { command: a.command, title: a.label, arguments: [] }
            : undefined,
        badge: undefined,
      };
    }
    case 'message':
      return { ...none, label: node.label, icon: { id: 'info' }, contextValue: 'message', collapsible: 'none' };
  }
}
