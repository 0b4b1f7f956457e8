/** Maps Lambda REST-JSON requests to operations on a region's store. */
import crypto from 'node:crypto';
import { QUOTAS } from '../../../server/src/quotas';
import { ApiError, notFound } from './apiError';
import type { Executor } from './invoke';
import type { LogStore } from './logs';
import { page, parseFunctionName, type FunctionConfig, type RegionStore } from './store';

/** Request payload limits Lambda enforces on Invoke, bytes (from the project's quota table). */
export const PAYLOAD_LIMITS = { syncBytes: QUOTAS.syncPayloadBytes, asyncBytes: QUOTAS.asyncPayloadBytes } as const;

/** A parsed request: which operation, on which function. */
export interface Route {
  operation: string;
  functionName: string | undefined;
  segments: string[];
}

/** What a handled request answers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A finished invocation, kept so tests can read Event (async) invocations' logs. */
export interface InvocationRecord {
  functionName: string;
  type: string;
  logs: string;
}

/** Everything a route handler may touch. */
export interface RouteContext {
  store: RegionStore;
  /** The region's CloudWatch Logs, where invocations write their output. */
  logs: LogStore;
  executor: Executor;
  credentials: { accessKeyId: string; secretAccessKey: string };
  invocations: InvocationRecord[];
  host: string;
}

const OPERATIONS: Array<[method: string, pattern: RegExp, operation: string]> = [
  ['GET', /^2016-08-19\/account-settings$/, 'GetAccountSettings'],
  ['GET', /^2015-03-31\/event-source-mappings$/, 'ListEventSourceMappings'],
  ['POST', /^2015-03-31\/event-source-mappings$/, 'CreateEventSourceMapping'],
  ['GET', /^2015-03-31\/functions$/, 'ListFunctions'],
  ['POST', /^2015-03-31\/functions$/, 'CreateFunction'],
  ['GET', /^2015-03-31\/functions\/[^/]+$/, 'GetFunction'],
  ['DELETE', /^2015-03-31\/functions\/[^/]+$/, 'DeleteFunction'],
  ['GET', /^2015-03-31\/functions\/[^/]+\/configuration$/, 'GetFunctionConfiguration'],
  ['PUT', /^2015-03-31\/functions\/[^/]+\/configuration$/, 'UpdateFunctionConfiguration'],
  ['GET', /^2019-09-30\/functions\/[^/]+\/concurrency$/, 'GetFunctionConcurrency'],
  ['GET', /^2015-03-31\/functions\/[^/]+\/versions$/, 'ListVersionsByFunction'],
  ['POST', /^2015-03-31\/functions\/[^/]+\/versions$/, 'PublishVersion'],
  ['GET', /^2015-03-31\/functions\/[^/]+\/aliases$/, 'ListAliases'],
  ['POST', /^2015-03-31\/functions\/[^/]+\/aliases$/, 'CreateAlias'],
  ['POST', /^2015-03-31\/functions\/[^/]+\/invocations$/, 'Invoke'],
  ['GET', /^2021-10-31\/functions\/[^/]+\/url$/, 'GetFunctionUrlConfig'],
];

/** Names the operation of a request (throws UnknownOperationException for anything else). */
export function routeOf(method: string, url: URL): Route {
  const raw = url.pathname.split('/').filter(Boolean);
  const joined = raw.join('/');
  const found = OPERATIONS.find(([m, p]) => m === method && p.test(joined));
  if (!found) throw new ApiError(404, 'UnknownOperationException', 'Unknown operation');
  const segments = raw.map(decodeURIComponent);
  let functionName = segments[1] === 'functions' && segments[2] ? segments[2] : url.searchParams.get('FunctionName') ?? undefined;
  if (functionName) functionName = safeName(functionName);
  return { operation: found[2], functionName, segments };
}

const safeName = (raw: string): string => {
  try {
    return parseFunctionName(raw).name;
  } catch {
    return raw;
  }
};

/** ListFunctions returns a subset of the configuration: no state fields. */
const listView = (c: FunctionConfig): Record<string, unknown> => {
  const { State, StateReason, StateReasonCode, LastUpdateStatus, LastUpdateStatusReason, LastUpdateStatusReasonCode, ...rest } = c;
  return rest;
};

const parseJson = (body: Buffer): Record<string, unknown> => {
  try {
    return body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(400, 'SerializationException', 'Could not parse request body');
  }
};

/** Handles one request already verified and routed. */
export async function handle(route: Route, url: URL, headers: Record<string, string | undefined>, body: Buffer, ctx: RouteContext): Promise<Reply> {
  const q = url.searchParams;
  const { store } = ctx;
  const name = route.segments[2] ?? '';
  switch (route.operation) {
    case 'GetAccountSettings':
      return { status: 200, body: store.accountSettings() };
    case 'ListEventSourceMappings': {
      let items = store.mappings;
      const fnName = q.get('FunctionName');
      if (fnName) {
        const arn = store.resolve(fnName).fn.config.FunctionArn;
        items = items.filter((e) => e.FunctionArn === arn);
      }
      const source = q.get('EventSourceArn');
      if (source) items = items.filter((e) => e.EventSourceArn === source);
      const { slice, next } = page(items, q);
      return { status: 200, body: { EventSourceMappings: slice, ...(next ? { NextMarker: next } : {}) } };
    }
    case 'CreateEventSourceMapping': {
      const b = parseJson(body);
      const { fn } = store.resolve(String(b.FunctionName ?? ''));
      const e = {
        UUID: crypto.randomUUID(),
        BatchSize: b.BatchSize ?? 10,
        EventSourceArn: b.EventSourceArn as string | undefined,
        FunctionArn: fn.config.FunctionArn,
        LastModified: Date.now() / 1000,
        State: b.Enabled === false ? 'Disabled' : 'Enabled',
        StateTransitionReason: 'USER_INITIATED',
        StartingPosition: b.StartingPosition,
      };
      store.mappings.push(e);
      return { status: 202, body: e };
    }
    case 'ListFunctions': {
      const { slice, next } = page(store.list(), q);
      return { status: 200, body: { Functions: slice.map(listView), ...(next ? { NextMarker: next } : {}) } };
    }
    case 'CreateFunction': {
      const b = parseJson(body);
      const code = b.Code as { ZipFile?: string } | undefined;
      if (!b.FunctionName || !b.Role || !code) throw new ApiError(400, 'ValidationException', '1 validation error detected: FunctionName, Role and Code are required');
      if (code.ZipFile === undefined) throw new ApiError(400, 'InvalidParameterValueException', 'Only Code.ZipFile is supported by this server');
      const { Code, Publish, ...rest } = b;
      return { status: 201, body: store.add({ ...rest, FunctionName: String(b.FunctionName), zip: Buffer.from(code.ZipFile, 'base64') }) };
    }
    case 'GetFunction': {
      const { fn, cfg } = store.resolve(name, q.get('Qualifier'));
      return {
        status: 200,
        body: {
          Configuration: cfg,
          Code: { RepositoryType: 'S3', Location: `http://${ctx.host}/__code/${store.region}/${encodeURIComponent(cfg.FunctionName)}.zip` },
          Tags: fn.tags,
          ...(fn.reservedConcurrency !== undefined ? { Concurrency: { ReservedConcurrentExecutions: fn.reservedConcurrency } } : {}),
        },
      };
    }
    case 'DeleteFunction':
      store.delete(store.resolve(name).fn.config.FunctionName);
      return { status: 204, body: null };
    case 'GetFunctionConfiguration':
      return { status: 200, body: store.resolve(name, q.get('Qualifier')).cfg };
    case 'UpdateFunctionConfiguration': {
      const { fn } = store.resolve(name);
      const { FunctionName, RevisionId, ...changes } = parseJson(body);
      Object.assign(fn.config, changes, { LastModified: new Date().toISOString().replace('Z', '+0000'), RevisionId: crypto.randomUUID() });
      store.changed();
      return { status: 200, body: fn.config };
    }
    case 'GetFunctionConcurrency': {
      const { fn } = store.resolve(name);
      return { status: 200, body: fn.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: fn.reservedConcurrency } : {} };
    }
    case 'ListVersionsByFunction': {
      const { fn } = store.resolve(name);
      const { slice, next } = page([fn.config, ...fn.versions.values()], q);
      return { status: 200, body: { Versions: slice, ...(next ? { NextMarker: next } : {}) } };
    }
    case 'PublishVersion': {
      const { fn } = store.resolve(name);
      const d = parseJson(body).Description;
      return { status: 201, body: store.publish(fn, typeof d === 'string' ? d : undefined) };
    }
    case 'ListAliases': {
      const { fn } = store.resolve(name);
      let all = [...fn.aliases.values()];
      const v = q.get('FunctionVersion');
      if (v) all = all.filter((a) => a.FunctionVersion === v);
      const { slice, next } = page(all, q);
      return { status: 200, body: { Aliases: slice, ...(next ? { NextMarker: next } : {}) } };
    }
    case 'CreateAlias': {
      const { fn } = store.resolve(name);
      const b = parseJson(body);
      const version = String(b.FunctionVersion ?? '');
      const aliasName = String(b.Name ?? '');
      if (version !== '$LATEST' && !fn.versions.has(version)) throw notFound(`Function not found: ${store.arn(fn.config.FunctionName, version)}`);
      if (fn.aliases.has(aliasName)) {
        throw new ApiError(409, 'ResourceConflictException', `Alias already exists: ${store.arn(fn.config.FunctionName, aliasName)}`, { Type: 'User' });
      }
      const alias = {
        AliasArn: store.arn(fn.config.FunctionName, aliasName),
        Name: aliasName,
        FunctionVersion: version,
        Description: typeof b.Description === 'string' ? b.Description : '',
        RevisionId: crypto.randomUUID(),
      };
      fn.aliases.set(aliasName, alias);
      return { status: 201, body: alias };
    }
    case 'Invoke':
      return invoke(name, q, headers, body, ctx);
    case 'GetFunctionUrlConfig': {
      const { fn } = store.resolve(name, q.get('Qualifier'));
      if (!fn.urlAuthType) throw notFound('The resource you requested does not exist.');
      const id = Buffer.from(fn.config.FunctionName).toString('hex').slice(0, 32).padEnd(32, '0');
      return {
        status: 200,
        body: { FunctionUrl: `https://${id}.lambda-url.${store.region}.on.aws/`, FunctionArn: fn.config.FunctionArn, AuthType: fn.urlAuthType, CreationTime: fn.config.LastModified, LastModifiedTime: fn.config.LastModified, InvokeMode: 'BUFFERED' },
      };
    }
    default:
      throw new ApiError(404, 'UnknownOperationException', 'Unknown operation');
  }
}

async function invoke(name: string, q: URLSearchParams, headers: Record<string, string | undefined>, body: Buffer, ctx: RouteContext): Promise<Reply> {
  const { fn, cfg, version } = ctx.store.resolve(name, q.get('Qualifier'));
  const type = headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
    throw new ApiError(
      400,
      'ValidationException',
      `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  }
  const limit = type === 'Event' ? PAYLOAD_LIMITS.asyncBytes : PAYLOAD_LIMITS.syncBytes;
  if (body.length > limit) {
    throw new ApiError(413, 'RequestTooLargeException', `${body.length} byte payload is too large for the ${type} invocation type (limit ${limit} bytes)`, { Type: 'User' });
  }
  let event: unknown = {};
  if (body.length) {
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new ApiError(
        400,
        'InvalidRequestContentException',
        `Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`,
        { Type: 'User' },
      );
    }
  }
  const replyHeaders: Record<string, string> = { 'X-Amz-Executed-Version': version };
  if (type === 'DryRun') return { status: 204, body: null, headers: replyHeaders };
  if (!fn.codeDir || !cfg.Handler) {
    throw new ApiError(400, 'InvalidParameterValueException', `Function ${cfg.FunctionName} has no code this server can run`, { Type: 'User' });
  }
  const contextHeader = headers['x-amz-client-context'];
  let clientContext: unknown;
  if (contextHeader) {
    try {
      clientContext = JSON.parse(Buffer.from(contextHeader, 'base64').toString('utf8'));
    } catch {
      throw new ApiError(400, 'InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.', { Type: 'User' });
    }
  }
  const run = ctx.executor.run(
    {
      functionName: cfg.FunctionName,
      functionArn: ctx.store.arn(cfg.FunctionName),
      version,
      handler: cfg.Handler,
      memorySize: cfg.MemorySize,
      timeoutSeconds: cfg.Timeout,
      codeDir: fn.codeDir,
      region: ctx.store.region,
      environment: cfg.Environment?.Variables ?? {},
      credentials: ctx.credentials,
    },
    event,
    clientContext,
  );
  const record = (logs: string): void => {
    ctx.invocations.push({ functionName: cfg.FunctionName, type, logs });
    const group = (cfg.LoggingConfig as { LogGroup?: string } | undefined)?.LogGroup || `/aws/lambda/${cfg.FunctionName}`;
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    ctx.logs.append(group, `${day}/[${version}]${crypto.randomBytes(16).toString('hex')}`, logs.split('\n'));
  };
  if (type === 'Event') {
    void run.then((r) => record(r.logs));
    return { status: 202, body: null, headers: replyHeaders };
  }
  const r = await run;
  record(r.logs);
  // As on AWS, the response's request id is the invocation's, the one its log lines carry.
  const requestId = /^START RequestId: (\S+)/.exec(r.logs)?.[1];
  if (requestId) replyHeaders['x-amzn-RequestId'] = requestId;
  if (headers['x-amz-log-type'] === 'Tail') {
    const b = Buffer.from(r.logs);
    replyHeaders['X-Amz-Log-Result'] = b.subarray(Math.max(0, b.length - 4096)).toString('base64');
  }
  let error = r.error;
  let payload = Buffer.from(r.resultJson ?? 'null');
  if (!error && payload.length > PAYLOAD_LIMITS.syncBytes) {
    error = {
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size exceeded maximum allowed payload size (${PAYLOAD_LIMITS.syncBytes} bytes).`,
    };
  }
  if (error) {
    replyHeaders['X-Amz-Function-Error'] = 'Unhandled';
    payload = Buffer.from(JSON.stringify(error));
  }
  return { status: 200, body: payload, headers: replyHeaders };
}
