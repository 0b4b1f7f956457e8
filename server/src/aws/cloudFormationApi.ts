/**
 * Typed CloudFormation reads for the deployed view of a template: one stack's parameters and
 * times, its resources (ListStackResources, paged with the same bounded paging as the Lambda
 * listings) and when its last operation completed. Plain data, never SDK shapes.
 */
import { DescribeStackEventsCommand, DescribeStacksCommand, ListStackResourcesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { MarkerGuard } from './paging';

/** What DescribeStacks tells of one stack. */
export interface StackSummary {
  name: string;
  /** The stack ARN. */
  id: string;
  status: string;
  /** Parameter values as deployed (`ResolvedValue` for SSM parameter types); NoEcho ones left out. */
  parameters: Record<string, string>;
  createdAt: number | undefined;
  updatedAt: number | undefined;
}

/** One resource of a stack. */
export interface StackResource {
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  updatedAt: number | undefined;
}

/** Raised when the stack named does not exist in the region. */
export class StackNotFoundError extends Error {
  constructor(
    readonly stackName: string,
    readonly region: string,
  ) {
    super(`Stack "${stackName}" does not exist in ${region}.`);
    this.name = 'StackNotFoundError';
  }
}

/** What CloudFormation shows in place of a NoEcho parameter's value. */
const MASKED = '****';
/** Pages of stack events read to find the last completed operation: it is nearly always on the first. */
const MAX_EVENT_PAGES = 5;
/** Pages of ListStackResources: 100 a page, far past CloudFormation's 500 resources a stack. */
const MAX_RESOURCE_PAGES = 50;

const time = (d: Date | undefined): number | undefined => (d ? d.getTime() : undefined);

/** CloudFormation answers a missing stack with a 400 ValidationError naming it. */
function isMissingStack(e: unknown): boolean {
  const err = e as { name?: unknown; message?: unknown };
  return err.name === 'ValidationError' && typeof err.message === 'string' && /does not exist/.test(err.message);
}

/** DescribeStacks of one stack (by name or ARN); a missing stack is a {@link StackNotFoundError}. */
export async function describeStack(client: CloudFormationClient, stack: string, region: string, signal?: AbortSignal): Promise<StackSummary> {
  let out;
  try {
    out = await client.send(new DescribeStacksCommand({ StackName: stack }), { abortSignal: signal });
  } catch (e) {
    if (isMissingStack(e)) throw new StackNotFoundError(stack, region);
    throw e;
  }
  const s = out.Stacks?.[0];
  if (!s) throw new StackNotFoundError(stack, region);
  const parameters: Record<string, string> = {};
  for (const p of s.Parameters ?? []) {
    const value = p.ResolvedValue ?? p.ParameterValue;
    if (p.ParameterKey && value !== undefined && value !== MASKED) parameters[p.ParameterKey] = value;
  }
  return { name: s.StackName ?? stack, id: s.StackId ?? stack, status: s.StackStatus ?? '', parameters, createdAt: time(s.CreationTime), updatedAt: time(s.LastUpdatedTime) };
}

/** Every resource of a stack, all pages. */
export async function listStackResources(client: CloudFormationClient, stack: string, signal?: AbortSignal): Promise<StackResource[]> {
  const guard = new MarkerGuard('ListStackResources', MAX_RESOURCE_PAGES);
  const out: StackResource[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListStackResourcesCommand({ StackName: stack, NextToken: token }), { abortSignal: signal });
    for (const r of page.StackResourceSummaries ?? []) {
      out.push({ logicalId: r.LogicalResourceId ?? '', physicalId: r.PhysicalResourceId ?? '', type: r.ResourceType ?? '', status: r.ResourceStatus ?? '', updatedAt: time(r.LastUpdatedTimestamp) });
    }
    token = guard.next(page.NextToken || undefined);
  } while (token);
  return out;
}

/** Statuses that end a stack operation which changed its resources. */
const COMPLETED = /^(CREATE|UPDATE|UPDATE_ROLLBACK|IMPORT|IMPORT_ROLLBACK|ROLLBACK)_COMPLETE$/;

/**
 * When the stack's last operation completed (its own `*_COMPLETE` event), epoch ms; undefined when
 * the events do not say. A function changed after this was changed outside CloudFormation.
 */
export async function lastCompletedAt(client: CloudFormationClient, stack: StackSummary, signal?: AbortSignal): Promise<number | undefined> {
  const guard = new MarkerGuard('DescribeStackEvents', MAX_EVENT_PAGES);
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new DescribeStackEventsCommand({ StackName: stack.id, NextToken: token }), { abortSignal: signal });
      // Newest first: the first completion of the stack itself is the last operation's end.
      const done = (page.StackEvents ?? []).find((e) => e.ResourceType === 'AWS::CloudFormation::Stack' && e.PhysicalResourceId === stack.id && COMPLETED.test(e.ResourceStatus ?? ''));
      if (done?.Timestamp) return done.Timestamp.getTime();
      token = guard.next(page.NextToken || undefined);
    } while (token);
  } catch (e) {
    // The page cap only means no completion was found in the recent events.
    if ((e as Error).name === 'PagingError') return undefined;
    throw e;
  }
  return undefined;
}
