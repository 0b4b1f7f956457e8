/**
 * What an AWS operation's failure was, as plain facts for the log and for error messages: service,
 * operation, region, endpoint, HTTP status, error code, request id, attempts and time spent. Never
 * credentials or payloads. Answers that are not AWS errors (an HTML 404 page, a proxy's text) are
 * turned into one readable error instead of the SDK's deserialization message.
 */
import { TransportError, type TransportReason } from './transport';

/** The facts of one failed operation. */
export interface AwsCallFailure {
  service: string;
  operation: string;
  region: string;
  /** `scheme://host:port`, or `AWS` when no request was made (e.g. credentials failed first). */
  endpoint: string;
  status: number | undefined;
  /** The AWS error code (`TooManyRequestsException`), or what failed below it (`timeout`, `reset`, `HTTP 404`). */
  code: string;
  requestId: string | undefined;
  attempts: number;
  elapsedMs: number;
  /** Why it failed, in one line. */
  message: string;
  /** Set for transport failures and deadlines. */
  reason: TransportReason | 'deadline' | 'bad-response' | 'not-implemented' | undefined;
}

/** An error whose AWS call facts are attached (as `$call`, not enumerable). */
export type WithCall = Error & { $call: AwsCallFailure };

/** The facts attached to an error by the client middleware, if any. */
export function callFailureOf(e: unknown): AwsCallFailure | undefined {
  return typeof e === 'object' && e !== null && '$call' in e ? (e as WithCall).$call : undefined;
}

interface SdkErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string>; body?: unknown };
  $fault?: unknown;
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

/** The context the middleware knows when an operation fails. */
export interface FailureContext {
  service: string;
  operation: string;
  region: string;
  endpoint: string;
  attempts: number;
  elapsedMs: number;
  status: number | undefined;
  requestId: string | undefined;
  deadlineMs: number;
  deadlineHit: boolean;
}

const isNotImplementedCode = (code: string): boolean => /^(UnknownOperationException|NotImplemented|InvalidAction|UnsupportedOperation)/.test(code);

/** Turns an operation's error into the one the caller sees, with its facts attached. */
export function describeFailure(error: unknown, ctx: FailureContext): WithCall {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode ?? ctx.status;
  const requestId = e.$metadata?.requestId ?? ctx.requestId;
  const base = { service: ctx.service, operation: ctx.operation, region: ctx.region, endpoint: ctx.endpoint, status, requestId, attempts: ctx.attempts, elapsedMs: ctx.elapsedMs };
  let out: Error;
  let facts: AwsCallFailure;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (ctx.deadlineHit) {
    out = Object.assign(new Error(`No answer from ${ctx.operation} at ${ctx.endpoint} within ${seconds(ctx.deadlineMs)} (${ctx.attempts} attempt${ctx.attempts === 1 ? '' : 's'}).`), { name: 'TimeoutError' });
    facts = { ...base, code: 'deadline', message: out.message, reason: 'deadline' };
  } else if (error instanceof TransportError) {
    out = error;
    facts = { ...base, code: error.reason, message, reason: error.reason };
  } else if (e.$response && (name === 'SyntaxError' || /Deserialization error/.test(message))) {
    const type = e.$response.headers?.['content-type'] ?? 'no content type';
    const summary = `HTTP ${status ?? '?'} from ${ctx.operation} at ${ctx.endpoint}`;
    const notImplemented = status === 404 || status === 405 || status === 501;
    out = Object.assign(new Error(`${summary}: the answer (${type}) is not an AWS response.`), {
      name: notImplemented ? 'NotImplemented' : 'UnexpectedResponse',
      $metadata: { httpStatusCode: status, requestId },
    });
    facts = { ...base, code: `HTTP ${status ?? '?'}`, message: out.message, reason: notImplemented ? 'not-implemented' : 'bad-response' };
  } else {
    out = error instanceof Error ? error : new Error(message);
    const code = typeof e.code === 'string' && e.code ? e.code : name;
    const notImplemented = isNotImplementedCode(code) || (status === 501 && e.$fault !== undefined);
    facts = { ...base, code, message, reason: notImplemented ? 'not-implemented' : undefined };
  }
  Object.defineProperty(out, '$call', { value: facts, enumerable: false, configurable: true });
  return out as WithCall;
}

/** One log line for a failure: every fact, no secrets, no payloads. */
export function formatFailure(f: AwsCallFailure): string {
  const parts = [
    `${f.service}.${f.operation} failed in ${f.region} at ${f.endpoint}`,
    `status=${f.status ?? '-'}`,
    `code=${f.code}`,
    `requestId=${f.requestId ?? '-'}`,
    `attempts=${f.attempts}`,
    `elapsed=${Math.round(f.elapsedMs)}ms`,
  ];
  return `${parts.join(' ')}: ${f.message.split('\n')[0]}`;
}
