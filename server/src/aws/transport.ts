/**
 * The HTTP handler every AWS client of Lambda Lens uses: the SDK's NodeHttpHandler, with one attempt
 * timeout that covers the whole response (the SDK's own stops counting once headers arrive, so a
 * body that stalls would wait forever), a cap on the response body (checked while reading, so an
 * oversized answer is never buffered), and failures named for what they are.
 */
import type { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest } from '@smithy/core/transport';
import type { HttpHandlerOptions, HttpResponse } from '@smithy/types';
import { currentCall, DEFAULT_LIMITS, type CallLimits } from './callScope';

/** How a request failed below the AWS protocol. */
export type TransportReason = 'timeout' | 'reset' | 'refused' | 'unreachable' | 'too-large';

/** A transport failure; `sent` is false only when the request provably never reached the server. */
export class TransportError extends Error {
  constructor(
    readonly reason: TransportReason,
    message: string,
    readonly sent: boolean,
    /** Node's code, kept so the SDK's own retry classification still sees a timeout or reset. */
    readonly code: string | undefined,
  ) {
    super(message);
    // The SDK treats `TimeoutError` as transient; the other names only inform.
    this.name = reason === 'timeout' ? 'TimeoutError' : reason === 'too-large' ? 'ResponseTooLargeError' : 'NetworkError';
  }
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Names a Node socket error; anything unknown is passed on unchanged. */
export function transportErrorOf(e: unknown, endpoint: string): unknown {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return e;
  if (code === 'ECONNREFUSED') return new TransportError('refused', `Connection refused by ${endpoint}: nothing listens there.`, false, code);
  if (NOT_SENT.has(code)) return new TransportError('unreachable', `Cannot reach ${endpoint} (${code}).`, false, code);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new TransportError('reset', `The connection to ${endpoint} was reset before the answer was complete.`, true, code);
  if (code === 'ETIMEDOUT') return new TransportError('timeout', `Connecting to ${endpoint} timed out.`, false, code);
  return e;
}

const endpointOf = (r: HttpRequest): string => `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}`;

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

/** An HttpHandler bounding each attempt by the limits of the operation it belongs to. */
export class BoundedHttpHandler {
  private readonly inner: NodeHttpHandler;

  constructor(private readonly base: CallLimits = DEFAULT_LIMITS) {
    this.inner = new NodeHttpHandler({ connectionTimeout: Math.min(base.attemptTimeoutMs, 5_000) });
  }

  /** Sends one attempt and reads its whole body within the attempt timeout. */
  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const call = currentCall();
    const limits = call?.limits ?? this.base;
    const endpoint = endpointOf(request);
    if (call) {
      call.attempts++;
      call.endpoint = endpoint;
    }
    const ac = new AbortController();
    const outer = [options.abortSignal as AbortSignal | undefined, call?.signal].filter((s): s is AbortSignal => s !== undefined);
    const onAbort = (): void => ac.abort();
    for (const s of outer) {
      if (s.aborted) ac.abort();
      else s.addEventListener('abort', onAbort, { once: true });
    }
    let timedOut = false;
    let phase = 'no response';
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, limits.attemptTimeoutMs);
    try {
      const { response } = await this.inner.handle(request, { abortSignal: ac.signal });
      phase = `HTTP ${response.statusCode} headers, then the body stopped`;
      if (call) {
        call.status = response.statusCode;
        call.requestId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'] ?? call.requestId;
      }
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      if (declared > limits.maxResponseBytes) {
        (response.body as Readable | undefined)?.destroy?.();
        throw tooLarge(endpoint, limits.maxResponseBytes, declared);
      }
      response.body = await readCapped(response.body as Readable | undefined, limits.maxResponseBytes, ac.signal, endpoint);
      return { response };
    } catch (e) {
      if (timedOut) {
        throw new TransportError('timeout', `No complete answer from ${endpoint} within ${seconds(limits.attemptTimeoutMs)} (${phase}).`, true, 'ETIMEDOUT');
      }
      throw transportErrorOf(e, endpoint);
    } finally {
      clearTimeout(timer);
      for (const s of outer) s.removeEventListener('abort', onAbort);
    }
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): ReturnType<NodeHttpHandler['httpHandlerConfigs']> {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}

function tooLarge(endpoint: string, max: number, seen: number): TransportError {
  return new TransportError('too-large', `The answer from ${endpoint} is larger than ${Math.round(max / (1024 * 1024))} MB (${seen > max ? `${seen} bytes or more` : 'too large'}); it was not read.`, true, undefined);
}

/** Reads a response body, failing as soon as it passes `max` bytes or the signal aborts. */
function readCapped(body: Readable | undefined, max: number, signal: AbortSignal, endpoint: string): Promise<Uint8Array> {
  if (!body || typeof body.on !== 'function') return Promise.resolve(body instanceof Uint8Array ? body : new Uint8Array());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (f: () => void): void => {
      body.off('data', onData).off('end', onEnd).off('error', onError);
      signal.removeEventListener('abort', onAbort);
      f();
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > max) {
        body.destroy();
        done(() => reject(tooLarge(endpoint, max, size)));
      } else chunks.push(c);
    };
    const onEnd = (): void => done(() => resolve(Buffer.concat(chunks)));
    const onError = (e: unknown): void => done(() => reject(e));
    const onAbort = (): void => {
      body.destroy();
      done(() => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })));
    };
    body.on('data', onData).on('end', onEnd).on('error', onError);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
