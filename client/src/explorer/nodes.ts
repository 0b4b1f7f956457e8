/**
 * The explorer's tree as plain data. One provider turns these into TreeItems; the model and tests
 * work with them directly. Ids include the session label so a profile switch never reuses a node.
 */
import type { ClassifiedError } from '../../../server/src/aws/errors';
import type { FunctionSummary } from '../../../server/src/aws/lambdaApi';

/** Lazily loaded groups under a function. */
export type DetailGroup = 'configuration' | 'functionUrl' | 'aliases' | 'versions' | 'eventSources' | 'layers' | 'environment';

/** A region: its functions, paged, plus the Account node. */
export interface RegionNode {
  kind: 'region';
  id: string;
  region: string;
}

/** GetAccountSettings of a region. */
export interface AccountNode {
  kind: 'account';
  id: string;
  region: string;
}

/** One deployed function. */
export interface FunctionNode {
  kind: 'function';
  id: string;
  region: string;
  fn: FunctionSummary;
}

/** "Load more": shows the next page of a region. */
export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  region: string;
}

/** A lazily loaded group of details under a function. */
export interface DetailGroupNode {
  kind: 'detailGroup';
  id: string;
  region: string;
  fn: FunctionSummary;
  group: DetailGroup;
}

/** One line of detail (a setting, an alias, a version, a mapping, a layer, an env var name). */
export interface DetailNode {
  kind: 'detail';
  id: string;
  label: string;
  description: string;
  /** Extra text for the tooltip. */
  tooltip?: string;
  /** A function URL row: the URL (copied by its inline action) and whether anyone may call it. */
  url?: { url: string; authType: string };
}

/** Something went wrong where this node stands (a region, a group). */
export interface ErrorNode {
  kind: 'error';
  id: string;
  region: string | undefined;
  error: ClassifiedError;
}

/** A note such as "No functions" or "No function matches". */
export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
}

/** Any node of the explorer tree. */
export type ExplorerNode = RegionNode | AccountNode | FunctionNode | LoadMoreNode | DetailGroupNode | DetailNode | ErrorNode | MessageNode;

/** The order and labels of a function's detail groups. */
export const DETAIL_GROUPS: ReadonlyArray<{ group: DetailGroup; label: string }> = [
  { group: 'configuration', label: 'Configuration' },
  { group: 'functionUrl', label: 'Function URL' },
  { group: 'aliases', label: 'Aliases' },
  { group: 'versions', label: 'Versions' },
  { group: 'eventSources', label: 'Event source mappings' },
  { group: 'layers', label: 'Layers' },
  { group: 'environment', label: 'Environment variables' },
];

/** What item actions (copy, console, invoke) need to know about a function. */
export interface FunctionTarget {
  region: string;
  name: string;
  arn: string;
}

/**
 * The function an item command was run on. Context-menu commands receive the node; this is the one
 * place that reads it, so actions added later (invoke) take a FunctionTarget and stay tree-agnostic.
 */
export function functionTargetOf(arg: unknown): FunctionTarget | undefined {
  const n = arg as Partial<FunctionNode> | undefined;
  if (n?.kind !== 'function' || !n.fn || !n.region) return undefined;
  return { region: n.region, name: n.fn.name, arn: n.fn.arn };
}
