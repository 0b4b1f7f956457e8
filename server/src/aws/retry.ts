/**
 * The retry strategy of every AWS client: the SDK's adaptive strategy (backoff, Retry-After, client
 * side rate limiting), asked only about failures the operation's policy allows to send again. Reads
 * retry throttling, timeouts, resets and server errors; an `at-most-once` operation (Invoke) retries
 * only throttling and a connection that was refused before anything was sent.
 */
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';
import { currentCall, type RetryPolicy } from './callScope';
import { TransportError } from './transport';

/** True when `info`'s failure may be sent again under `policy`. */
export function mayRetry(policy: RetryPolicy, info: RetryErrorInfo): boolean {
  const e = info.error as unknown;
  if (e instanceof TransportError && e.reason === 'too-large') return false;
  if (policy === 'idempotent') return true;
  if (info.errorType === 'THROTTLING') return true;
  return e instanceof TransportError && !e.sent;
}

/** Builds the strategy for a client; the policy and attempt count come from the running call. */
export function boundedRetryStrategy(maxAttempts: number): RetryStrategyV2 {
  const inner = new AdaptiveRetryStrategy(async () => currentCall()?.limits.maxAttempts ?? maxAttempts);
  return {
    acquireInitialRetryToken: (scope: string): Promise<RetryToken> => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> => {
      const policy = currentCall()?.limits.retry ?? 'idempotent';
      if (!mayRetry(policy, info)) return Promise.reject(new Error(`not retried under the ${policy} policy`));
      // The tokens come from `inner`, so they are its own standard tokens.
      return inner.refreshRetryTokenForRetry(token as StandardRetryToken, info);
    },
    recordSuccess: (token: RetryToken): void => inner.recordSuccess(token as StandardRetryToken),
  };
}
