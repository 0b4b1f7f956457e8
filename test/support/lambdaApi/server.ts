/**
 * A Lambda API on loopback for tests: the REST-JSON wire format of the real service, SigV4 checked
 * independently, per-region state behind one endpoint (the region comes from the credential
 * scope), pagination, handlers run in child processes, and fault injection. Tests drive the real
 * @aws-sdk/client-lambda against it over HTTP.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { ApiError, notFound } from './apiError';
import { handleCloudFormation, isCloudFormationRequest, queryAction, queryErrorXml, StackStore } from './cloudFormation';
import { Faults } from './faults';
import { markerFault, playWireFault } from './wireFaults';
import { handleLogs, isLogsRequest, LogStore } from './logs';
import { Executor } from './invoke';
import { handle, routeOf, type InvocationRecord } from './routes';
import { assumeRole, isStsRequest, type AssumedRole } from './sts';
import { verifySigV4, type ServerCredential } from './sigv4';
import { RegionStore, type FunctionConfig, type FunctionSeed } from './store';

/** Options for {@link startLambdaApi}. */
export interface LambdaApiOptions {
  accountId?: string;
  /** Keys the server accepts; default one pair `test` / `test`. */
  credentials?: ServerCredential[];
  /** Regions the server serves; any region when unset. */
  regions?: string[];
  /** Skip SigV4 checks (never in tests of signing). */
  verifySignature?: boolean;
}

/** One request as the server saw it. */
export interface RequestLogEntry {
  method: string;
  path: string;
  operation: string | undefined;
  region: string | undefined;
  functionName: string | undefined;
  accessKeyId: string | undefined;
  sessionToken: string | undefined;
  status: number;
  errorType: string | undefined;
}

/** A running loopback Lambda API. */
export interface LambdaApi {
  endpoint: string;
  port: number;
  accountId: string;
  /** Creates a function in a region (default us-east-1). */
  addFunction(seed: FunctionSeed, region?: string): FunctionConfig;
  /** The state of one region, created on first use. */
  region(name: string): RegionStore;
  /** Fault rules; `faults.add({ kind: 'throttle', region: 'eu-west-1', times: 2 })`. */
  faults: Faults;
  /** Every request seen, oldest first. */
  requests: RequestLogEntry[];
  /** Every finished invocation with its log, oldest first. */
  invocations: InvocationRecord[];
  /** Every STS AssumeRole the server granted, oldest first. */
  assumedRoles: AssumedRole[];
  /** The CloudWatch Logs of one region, created on first use. */
  logs(region: string): LogStore;
  /** The CloudFormation stacks of one region, created on first use. */
  stacks(region: string): StackStore;
  close(): Promise<void>;
}

const headerMap = (req: http.IncomingMessage): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
};

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startLambdaApi(opts: LambdaApiOptions = {}): Promise<LambdaApi> {
  const accountId = opts.accountId ?? '123456789012';
  // Copied: AssumeRole adds the temporary keys it issues.
  const credentials = [...(opts.credentials ?? [{ accessKeyId: 'test', secretAccessKey: 'test' }])];
  const assumedRoles: AssumedRole[] = [];
  const verify = opts.verifySignature ?? true;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-api-'));
  const executor = new Executor(workDir);
  const stores = new Map<string, RegionStore>();
  const faults = new Faults();
  const logStores = new Map<string, LogStore>();
  const logs = (name: string): LogStore => {
    let l = logStores.get(name);
    if (!l) {
      l = new LogStore();
      logStores.set(name, l);
    }
    return l;
  };
  const stackStores = new Map<string, StackStore>();
  const stacks = (name: string): StackStore => {
    let st = stackStores.get(name);
    if (!st) {
      st = new StackStore(name, accountId);
      stackStores.set(name, st);
    }
    return st;
  };
  const requests: RequestLogEntry[] = [];
  const invocations: InvocationRecord[] = [];
  const acceptRegion = (r: string): boolean => (opts.regions ? opts.regions.includes(r) : /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r));
  const region = (name: string): RegionStore => {
    let s = stores.get(name);
    if (!s) {
      s = new RegionStore(name, accountId, workDir);
      stores.set(name, s);
    }
    return s;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const entry: RequestLogEntry = {
          method: req.method ?? 'GET',
          path: url.pathname,
          operation: undefined,
          region: undefined,
          functionName: undefined,
          accessKeyId: undefined,
          sessionToken: undefined,
          status: 0,
          errorType: undefined,
        };
        requests.push(entry);
        const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
          const data = payload == null ? Buffer.alloc(0) : Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
          entry.status = status;
          res.writeHead(status, { 'x-amzn-RequestId': crypto.randomUUID(), 'Content-Type': 'application/json', 'Content-Length': data.length, ...headers });
          res.end(data);
        };
        try {
          const code = /^\/__code\/([^/]+)\/(.+)\.zip$/.exec(url.pathname);
          if (req.method === 'GET' && code) {
            // Stands in for the presigned S3 URL of GetFunction's Code.Location.
            const fn = stores.get(code[1] ?? '')?.functions.get(decodeURIComponent(code[2] ?? ''));
            if (!fn?.zip) throw notFound('NoSuchKey');
            entry.status = 200;
            res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': fn.zip.length });
            res.end(fn.zip);
            return;
          }
          if (isCloudFormationRequest(entry.method, url.pathname, req.headers['content-type'], req.headers.authorization)) {
            const form = new URLSearchParams(body.toString('utf8'));
            entry.operation = form.get('Action') ?? undefined;
            let status = 200;
            let xml: string;
            try {
              const signer = verify ? verifySigV4(req, body, credentials, acceptRegion, 'cloudformation') : { accessKeyId: 'test', region: 'us-east-1', sessionToken: undefined };
              entry.accessKeyId = signer.accessKeyId;
              entry.region = signer.region;
              const action = queryAction(form);
              const effect = faults.apply({ service: 'cloudformation', region: signer.region, functionName: undefined, operation: action, accessKeyId: signer.accessKeyId, accountId });
              if (effect.delayMs > 0) await new Promise((r) => setTimeout(r, effect.delayMs));
              if (effect.error) throw effect.error;
              xml = handleCloudFormation(action, form, stacks(signer.region));
            } catch (e) {
              const err = e instanceof ApiError ? e : new ApiError(500, 'InternalFailure', String(e));
              status = err.status;
              entry.errorType = err.type;
              xml = queryErrorXml(err);
            }
            entry.status = status;
            res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': crypto.randomUUID() });
            res.end(xml);
            return;
          }
          if (isStsRequest(entry.method, url.pathname, req.headers['content-type'])) {
            entry.operation = 'sts:AssumeRole';
            let status = 200;
            let xml: string;
            try {
              const signer = verifySigV4(req, body, credentials, acceptRegion, 'sts');
              entry.accessKeyId = signer.accessKeyId;
              entry.region = signer.region;
              xml = assumeRole(body, signer.accessKeyId, accountId, credentials, assumedRoles);
            } catch (e) {
              // The query protocol reports errors as XML, not as Lambda's JSON.
              const err = e instanceof ApiError ? e : new ApiError(500, 'InternalFailure', String(e));
              status = err.status;
              entry.errorType = err.type;
              xml = `<ErrorResponse><Error><Type>Sender</Type><Code>${err.type}</Code><Message>${err.message.replace(/[<>&]/g, ' ')}</Message></Error></ErrorResponse>`;
            }
            entry.status = status;
            res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': crypto.randomUUID() });
            res.end(xml);
            return;
          }
          const target = req.headers['x-amz-target'];
          if (isLogsRequest(entry.method, url.pathname, typeof target === 'string' ? target : undefined)) {
            const operation = String(target).slice('Logs_20140328.'.length);
            entry.operation = operation;
            let status = 200;
            let answer: unknown;
            try {
              const signer = verify ? verifySigV4(req, body, credentials, acceptRegion, 'logs') : { accessKeyId: 'test', region: 'us-east-1', sessionToken: undefined };
              entry.accessKeyId = signer.accessKeyId;
              entry.region = signer.region;
              const effect = faults.apply({ service: 'logs', region: signer.region, functionName: undefined, operation, accessKeyId: signer.accessKeyId, accountId });
              if (effect.delayMs > 0) await new Promise((r) => setTimeout(r, effect.delayMs));
              if (effect.error) throw effect.error;
              answer = handleLogs(operation, body, logs(signer.region));
            } catch (e) {
              const err = e instanceof ApiError ? e : new ApiError(500, 'ServiceUnavailableException', String(e));
              status = err.status;
              entry.errorType = err.type;
              answer = { __type: err.type, message: err.message };
            }
            entry.status = status;
            const data = Buffer.from(JSON.stringify(answer));
            res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': data.length, 'x-amzn-RequestId': crypto.randomUUID() });
            res.end(data);
            return;
          }
          const route = routeOf(entry.method, url);
          entry.operation = route.operation;
          entry.functionName = route.functionName;
          const signer = verify
            ? verifySigV4(req, body, credentials, acceptRegion)
            : { accessKeyId: credentials[0]?.accessKeyId ?? 'test', region: 'us-east-1', sessionToken: undefined };
          entry.accessKeyId = signer.accessKeyId;
          entry.sessionToken = signer.sessionToken;
          entry.region = signer.region;
          const effect = faults.apply({ service: 'lambda', region: signer.region, functionName: route.functionName, operation: route.operation, accessKeyId: signer.accessKeyId, accountId });
          if (effect.delayMs > 0) await new Promise((r) => setTimeout(r, effect.delayMs));
          if (effect.error) throw effect.error;
          if (res.destroyed) return;
          if (effect.wire && playWireFault(effect.wire, res)) {
            entry.status = res.statusCode;
            return;
          }
          const markers = effect.wire && markerFault(effect.wire, url);
          const signingKey = credentials.find((c) => c.accessKeyId === signer.accessKeyId) ?? { accessKeyId: 'test', secretAccessKey: 'test' };
          const reply = await handle(route, markers?.url ?? url, headerMap(req), body, {
            store: region(signer.region),
            logs: logs(signer.region),
            executor,
            credentials: signingKey,
            invocations,
            host: req.headers.host ?? '127.0.0.1',
          });
          if (markers && reply.body && typeof reply.body === 'object') Object.assign(reply.body, { NextMarker: markers.nextMarker });
          send(reply.status, reply.body, reply.headers);
        } catch (e) {
          const err = e instanceof ApiError ? e : new ApiError(500, 'ServiceException', `Internal error: ${(e as Error).message}`);
          entry.errorType = err.type;
          if (!res.destroyed) send(err.status, { ...err.extra, Message: err.message }, { 'x-amzn-ErrorType': err.type, ...err.headers });
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    accountId,
    addFunction: (seed, r = 'us-east-1') => region(r).add(seed),
    region,
    faults,
    requests,
    invocations,
    assumedRoles,
    logs,
    stacks,
    close: () =>
      new Promise<void>((resolve) => {
        executor.close();
        server.close(() => {
          fs.rmSync(workDir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
