/**
 * The one place Lambda clients are made. A factory is built per session and handed to features;
 * tests hand in one pointed at the loopback server through `endpoint`.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsSession } from './session';

/** Client settings, read from `lambdaLens.*`. */
export interface LambdaClientSettings {
  /** Overrides the Lambda endpoint URL (LocalStack, tests); empty for AWS. */
  endpoint: string | undefined;
  /** Per-request timeout, ms. */
  requestTimeoutMs: number;
  /** Attempts per call including retries (adaptive retry with backoff). */
  maxAttempts: number;
}

/** Default client settings. */
export const DEFAULT_CLIENT_SETTINGS: LambdaClientSettings = { endpoint: undefined, requestTimeoutMs: 10_000, maxAttempts: 5 };

/** Makes (and reuses, per region) Lambda clients for one session. */
export interface LambdaClientFactory {
  readonly session: AwsSession;
  readonly settings: LambdaClientSettings;
  /** The client for a region; the same instance for repeated calls. */
  createLambdaClient(region: string): LambdaClient;
  /** Closes every client's sockets. */
  dispose(): void;
}

/** Builds the factory for a session. */
export function createLambdaClientFactory(session: AwsSession, settings: Partial<LambdaClientSettings> = {}): LambdaClientFactory {
  const s: LambdaClientSettings = { ...DEFAULT_CLIENT_SETTINGS, ...settings };
  const clients = new Map<string, LambdaClient>();
  return {
    session,
    settings: s,
    createLambdaClient(region) {
      let c = clients.get(region);
      if (!c) {
        c = new LambdaClient({
          region,
          credentials: session.credentials,
          ...(s.endpoint ? { endpoint: s.endpoint } : {}),
          retryMode: 'adaptive',
          maxAttempts: s.maxAttempts,
          requestHandler: { requestTimeout: s.requestTimeoutMs, throwOnRequestTimeout: true, connectionTimeout: Math.min(s.requestTimeoutMs, 5_000) },
        });
        clients.set(region, c);
      }
      return c;
    },
    dispose() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
