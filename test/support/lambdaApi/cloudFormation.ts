/**
 * CloudFormation on the same loopback endpoint, in the query protocol the SDK speaks to it
 * (`POST /`, `application/x-www-form-urlencoded`, `Action=...&Version=2010-05-15`, SigV4 scoped to
 * `cloudformation`) with XML answers and XML errors: DescribeStacks, ListStackResources paged by an
 * opaque NextToken, and DescribeStackEvents (newest first). Stacks are seeded by tests; their
 * functions live in the Lambda store of the same region, so a test edits them "by hand" there.
 */
import crypto from 'node:crypto';
import { ApiError } from './apiError';

/** One resource of a seeded stack. */
export interface StackResourceSeed {
  logicalId: string;
  type: string;
  physicalId: string;
  /** When its status last changed; the stack's completion time when unset. */
  updatedAt?: Date;
}

/** A stack as a test seeds it. */
export interface StackSeed {
  name: string;
  parameters?: Record<string, string>;
  resources: StackResourceSeed[];
  status?: string;
  createdAt?: Date;
  updatedAt?: Date;
  /** When the last operation completed (its `*_COMPLETE` event); now when unset. */
  completedAt?: Date;
  /** Page size of ListStackResources (CloudFormation's is 100); small values exercise paging. */
  pageSize?: number;
  /** Parameters shown as `****` (NoEcho). */
  noEcho?: string[];
}

/** A stored stack. */
export interface StoredStack extends StackSeed {
  id: string;
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

const esc = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const iso = (d: Date): string => d.toISOString();
const el = (name: string, value: string | undefined): string => (value === undefined ? '' : `<${name}>${esc(value)}</${name}>`);
const members = (items: readonly string[]): string => items.map((i) => `<member>${i}</member>`).join('');

/** True for a query-protocol request whose signature is scoped to CloudFormation. */
export function isCloudFormationRequest(method: string, pathname: string, contentType: string | undefined, authorization: string | undefined): boolean {
  return method === 'POST' && pathname === '/' && (contentType ?? '').startsWith('application/x-www-form-urlencoded') && /\/cloudformation\/aws4_request/.test(authorization ?? '');
}

/** The stacks of one region. */
export class StackStore {
  readonly stacks = new Map<string, StoredStack>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  /** Adds (or replaces) a stack; answers its ARN. */
  add(seed: StackSeed): StoredStack {
    const id = `arn:aws:cloudformation:${this.region}:${this.accountId}:stack/${seed.name}/${crypto.randomUUID()}`;
    const stack: StoredStack = { ...seed, id };
    this.stacks.set(seed.name, stack);
    return stack;
  }

  /** A stack by name or ARN. */
  find(nameOrId: string): StoredStack | undefined {
    return this.stacks.get(nameOrId) ?? [...this.stacks.values()].find((s) => s.id === nameOrId);
  }
}

/** The query-protocol XML error CloudFormation answers with. */
export function queryErrorXml(err: ApiError): string {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${esc(err.type)}</Code><Message>${esc(err.message)}</Message></Error><RequestId>${crypto.randomUUID()}</RequestId></ErrorResponse>`;
}

function wrap(action: string, result: string): string {
  return `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${crypto.randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
}

const missing = (name: string): ApiError => new ApiError(400, 'ValidationError', `Stack with id ${name} does not exist`);

/** The form's Action, checked against the API version. */
export function queryAction(form: URLSearchParams): string {
  if (form.get('Version') !== '2010-05-15') throw new ApiError(400, 'InvalidAction', `Could not find operation ${form.get('Action')} for version ${form.get('Version')}`);
  return form.get('Action') ?? '';
}

/** Answers one CloudFormation operation with its XML. */
export function handleCloudFormation(action: string, form: URLSearchParams, store: StackStore): string {
  const name = form.get('StackName') ?? '';
  const stack = store.find(name);
  switch (action) {
    case 'DescribeStacks': {
      if (!stack) throw missing(name);
      const params = Object.entries(stack.parameters ?? {}).map(([k, v]) => `${el('ParameterKey', k)}${el('ParameterValue', stack.noEcho?.includes(k) ? '****' : v)}`);
      const created = stack.createdAt ?? new Date();
      const body = [
        el('StackName', stack.name),
        el('StackId', stack.id),
        el('CreationTime', iso(created)),
        el('LastUpdatedTime', stack.updatedAt ? iso(stack.updatedAt) : undefined),
        el('StackStatus', stack.status ?? 'CREATE_COMPLETE'),
        `<Parameters>${members(params)}</Parameters>`,
      ].join('');
      return wrap(action, `<Stacks><member>${body}</member></Stacks>`);
    }
    case 'ListStackResources': {
      if (!stack) throw missing(name);
      const size = stack.pageSize ?? 100;
      const token = form.get('NextToken');
      const start = token ? Number(Buffer.from(token, 'base64url').toString().split(':')[0]) : 0;
      if (!Number.isInteger(start) || start < 0 || start > stack.resources.length) throw new ApiError(400, 'ValidationError', 'Invalid NextToken');
      const slice = stack.resources.slice(start, start + size);
      const done = stack.completedAt ?? new Date();
      const items = slice.map((r) =>
        [el('LogicalResourceId', r.logicalId), el('PhysicalResourceId', r.physicalId), el('ResourceType', r.type), el('LastUpdatedTimestamp', iso(r.updatedAt ?? done)), el('ResourceStatus', 'CREATE_COMPLETE')].join(''),
      );
      const next = start + size < stack.resources.length ? Buffer.from(`${start + size}:${crypto.randomBytes(4).toString('hex')}`).toString('base64url') : undefined;
      return wrap(action, `<StackResourceSummaries>${members(items)}</StackResourceSummaries>${el('NextToken', next)}`);
    }
    case 'DescribeStackEvents': {
      if (!stack) throw missing(name);
      const status = stack.status ?? 'CREATE_COMPLETE';
      const done = stack.completedAt ?? new Date();
      const started = stack.updatedAt ?? stack.createdAt ?? new Date(done.getTime() - 60_000);
      const event = (logicalId: string, physicalId: string, type: string, at: Date, s: string): string =>
        [el('StackId', stack.id), el('EventId', crypto.randomUUID()), el('StackName', stack.name), el('LogicalResourceId', logicalId), el('PhysicalResourceId', physicalId), el('ResourceType', type), el('Timestamp', iso(at)), el('ResourceStatus', s)].join('');
      const inProgress = status.replace(/_COMPLETE$/, '_IN_PROGRESS');
      const events = [
        event(stack.name, stack.id, 'AWS::CloudFormation::Stack', done, status),
        ...stack.resources.map((r) => event(r.logicalId, r.physicalId, r.type, r.updatedAt ?? done, 'CREATE_COMPLETE')),
        event(stack.name, stack.id, 'AWS::CloudFormation::Stack', started, inProgress),
      ];
      return wrap(action, `<StackEvents>${members(events)}</StackEvents>`);
    }
    default:
      throw new ApiError(400, 'InvalidAction', `Operation ${action} is not served by this test server`);
  }
}
