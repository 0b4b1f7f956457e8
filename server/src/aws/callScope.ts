/**
 * What one AWS operation may spend and what it did: its limits (attempt timeout, total deadline,
 * response cap, retry policy) and a record of its attempts (endpoint, status, request id). The
 * client middleware opens a scope per operation; the HTTP handler and the retry strategy read it
 * through AsyncLocalStorage, because the SDK hands neither of them the operation's context.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { QUOTAS } from '../quotas';

/**
 * Which failed attempts may be sent again: `idempotent` retries throttling, timeouts, resets and 5xx
 * (reads); `at-most-once` retries only what provably never ran: throttling and a refused connection.
 */
export type RetryPolicy = 'idempotent' | 'at-most-once';

/** Limits of one operation. */
export interface CallLimits {
  /** One attempt, from sending the request to the last byte of the response. */
  attemptTimeoutMs: number;
  /** The whole operation, retries and backoff included. */
  deadlineMs: number;
  /** Attempts including retries. */
  maxAttempts: number;
  /** Largest response body read; a larger one fails the attempt without being buffered. */
  maxResponseBytes: number;
  retry: RetryPolicy;
}

/** The biggest answer an AWS call of the extension expects: a 6 MB Invoke response plus headroom. */
export const MAX_RESPONSE_BYTES = QUOTAS.syncPayloadBytes + 1024 * 1024;

/** Limits for control-plane reads when the settings say nothing else. */
export const DEFAULT_LIMITS: CallLimits = {
  attemptTimeoutMs: 10_000,
  deadlineMs: 30_000,
  maxAttempts: 5,
  maxResponseBytes: MAX_RESPONSE_BYTES,
  retry: 'idempotent',
};

/** What one operation did, filled in as it runs. */
export interface CallRecord {
  readonly limits: CallLimits;
  readonly startedAt: number;
  /** Aborted when the deadline passes or the caller cancels. */
  readonly signal: AbortSignal;
  attempts: number;
  /** `scheme://host:port` of the last request. */
  endpoint: string | undefined;
  status: number | undefined;
  requestId: string | undefined;
}

const limitsOverride = new AsyncLocalStorage<Partial<CallLimits>>();
const current = new AsyncLocalStorage<CallRecord>();

/**
 * Runs `fn` with other limits for the AWS calls it makes (e.g. Invoke waits for the function's own
 * Timeout and never retries what may have run).
 */
export function withLimits<T>(limits: Partial<CallLimits>, fn: () => Promise<T>): Promise<T> {
  return limitsOverride.run({ ...limitsOverride.getStore(), ...limits }, fn);
}

/** The limits in force for a call made now by a client whose own limits are `base`. */
export function effectiveLimits(base: CallLimits): CallLimits {
  return { ...base, ...limitsOverride.getStore() };
}

/** Runs one operation inside its record. */
export function runInCall<T>(record: CallRecord, fn: () => Promise<T>): Promise<T> {
  return current.run(record, fn);
}

/** The record of the operation being run, if any. */
export function currentCall(): CallRecord | undefined {
  return current.getStore();
}
