/**
 * The one place AWS clients are made, for every service (Lambda, CloudWatch Logs, and any client
 * added later: `factory.client(CloudFormationClient, region)`). Each client gets the session's
 * credentials, the endpoint override, the bounded HTTP handler, the retry strategy and one
 * middleware that runs each operation inside its limits: a total deadline with retries inside it,
 * failures described and reported to `onFailure` (the extension's log). Free of `vscode`: the
 * extension and the CLI share it; tests point it at the loopback server through `endpoint`.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, InitializeHandlerOptions, InitializeMiddleware, MetadataBearer, RetryStrategyV2 } from '@smithy/types';
import { DEFAULT_LIMITS, effectiveLimits, runInCall, type CallLimits, type CallRecord } from './callScope';
import { describeFailure, type AwsCallFailure } from './failure';
import { boundedRetryStrategy } from './retry';
import type { AwsCredentialIdentityProvider, AwsSession } from './session';
import { BoundedHttpHandler } from './transport';

/** Client settings, read from `lambdaLens.*` (or CLI flags). */
export interface AwsClientSettings {
  /** Overrides every service's endpoint URL (LocalStack, moto, tests); empty for AWS. */
  endpoint: string | undefined;
  /** One attempt, response body included, ms. */
  requestTimeoutMs: number;
  /** Attempts per operation including retries. */
  maxAttempts: number;
  /** Total time of one operation, retries included, ms; default three attempt timeouts. */
  deadlineMs?: number;
  /** Largest response body read, bytes. */
  maxResponseBytes?: number;
}

/** Default client settings. */
export const DEFAULT_CLIENT_SETTINGS: AwsClientSettings = { endpoint: undefined, requestTimeoutMs: DEFAULT_LIMITS.attemptTimeoutMs, maxAttempts: DEFAULT_LIMITS.maxAttempts };

/** The configuration every SDK v3 client constructor accepts that the factory sets. */
export interface BaseClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
  retryStrategy: RetryStrategyV2;
  requestHandler: BoundedHttpHandler;
}

/** An SDK v3 client, as far as the factory needs it. */
export interface SdkClient {
  readonly middlewareStack: { add(middleware: InitializeMiddleware<object, MetadataBearer>, options: InitializeHandlerOptions & { name: string; priority: 'high' | 'normal' | 'low' }): void };
  destroy(): void;
}

/** An SDK v3 client class. */
export type SdkClientClass<C extends SdkClient> = new (config: BaseClientConfig) => C;

/** Makes (and reuses, per service and region) clients for one session. */
export interface AwsClientFactory {
  readonly session: AwsSession;
  readonly settings: AwsClientSettings;
  /** The limits each operation gets unless a caller narrows them with `withLimits`. */
  readonly limits: CallLimits;
  /** The client of a service for a region; the same instance for repeated calls. */
  client<C extends SdkClient>(ctor: SdkClientClass<C>, region: string): C;
  /** Shorthand for `client(LambdaClient, region)`. */
  createLambdaClient(region: string): LambdaClient;
  /** Closes every client's sockets. */
  dispose(): void;
}

/** Hooks of a factory. */
export interface FactoryHooks {
  /** Called once per failed operation, after retries, with facts safe to log. */
  onFailure?: (failure: AwsCallFailure) => void;
}

/** The limits for a factory's settings. */
export function limitsOf(s: AwsClientSettings): CallLimits {
  return {
    attemptTimeoutMs: s.requestTimeoutMs,
    deadlineMs: s.deadlineMs ?? s.requestTimeoutMs * 3,
    maxAttempts: s.maxAttempts,
    maxResponseBytes: s.maxResponseBytes ?? DEFAULT_LIMITS.maxResponseBytes,
    retry: 'idempotent',
  };
}

/** The middleware that runs one operation inside its limits and describes its failure. */
function boundedCall(base: CallLimits, region: string, fallbackEndpoint: string, hooks: FactoryHooks): InitializeMiddleware<object, MetadataBearer> {
  return (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) => async (args: InitializeHandlerArguments<object>) => {
          const limits = effectiveLimits(base);
          const ac = new AbortController();
          const record: CallRecord = { limits, startedAt: Date.now(), signal: ac.signal, attempts: 0, endpoint: undefined, status: undefined, requestId: undefined };
          let deadlineHit = false;
          let timer: NodeJS.Timeout | undefined;
          const deadline = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              deadlineHit = true;
              ac.abort();
              reject(new Error('deadline'));
            }, limits.deadlineMs);
          });
          try {
            return await runInCall(record, () => Promise.race([next(args), deadline]));
          } catch (e) {
            const failure = describeFailure(e, {
              service: (context.clientName ?? 'AWS').replace(/Client$/, ''),
              operation: (context.commandName ?? 'call').replace(/Command$/, ''),
              region,
              endpoint: record.endpoint ?? fallbackEndpoint,
              attempts: record.attempts,
              elapsedMs: Date.now() - record.startedAt,
              status: record.status,
              requestId: record.requestId,
              deadlineMs: limits.deadlineMs,
              deadlineHit,
            });
            if (!(e instanceof Error && e.name === 'AbortError' && !deadlineHit)) hooks.onFailure?.(failure.$call);
            throw failure;
          } finally {
            clearTimeout(timer);
          }
        };
}

/** Builds the factory for a session. */
export function createClientFactory(session: AwsSession, settings: Partial<AwsClientSettings> = {}, hooks: FactoryHooks = {}): AwsClientFactory {
  const s: AwsClientSettings = { ...DEFAULT_CLIENT_SETTINGS, ...settings };
  const limits = limitsOf(s);
  const clients = new Map<string, SdkClient>();
  const factory: AwsClientFactory = {
    session,
    settings: s,
    limits,
    client<C extends SdkClient>(ctor: SdkClientClass<C>, region: string): C {
      const key = `${ctor.name}/${region}`;
      let c = clients.get(key) as C | undefined;
      if (!c) {
        c = new ctor({
          region,
          credentials: session.credentials,
          ...(s.endpoint ? { endpoint: s.endpoint } : {}),
          maxAttempts: s.maxAttempts,
          retryStrategy: boundedRetryStrategy(s.maxAttempts),
          requestHandler: new BoundedHttpHandler(limits),
        });
        c.middlewareStack.add(boundedCall(limits, region, s.endpoint || 'AWS', hooks), { step: 'initialize', priority: 'high', name: 'lambdaLensBoundedCall' });
        clients.set(key, c);
      }
      return c;
    },
    createLambdaClient: (region) => factory.client(LambdaClient, region),
    dispose() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
  return factory;
}
