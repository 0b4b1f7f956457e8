/**
 * CloudWatch Logs on the same loopback endpoint, in the JSON protocol the SDK speaks to it
 * (`POST /`, `X-Amz-Target: Logs_20140328.<Operation>`, `application/x-amz-json-1.1`): log groups
 * and streams per region, FilterLogEvents paged by an opaque token, and the `__type` JSON errors.
 * Invoke appends each invocation's output here, so tests read back what a function printed.
 */
import crypto from 'node:crypto';
import { ApiError } from './apiError';

/** One stored log event. */
export interface LogEvent {
  logStreamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
  eventId: string;
}

/** True for a request that goes to CloudWatch Logs. */
export function isLogsRequest(method: string, pathname: string, target: string | undefined): boolean {
  return method === 'POST' && pathname === '/' && (target ?? '').startsWith('Logs_20140328.');
}

/** The log groups of one region. */
export class LogStore {
  /** group -> events in time order. */
  readonly groups = new Map<string, LogEvent[]>();

  /** Appends lines (one event each) to a stream of a group, creating both as needed. */
  append(group: string, stream: string, lines: string[], at = Date.now()): void {
    const events = this.groups.get(group) ?? [];
    this.groups.set(group, events);
    for (const message of lines) {
      if (message === '') continue;
      events.push({ logStreamName: stream, timestamp: at, ingestionTime: at, message, eventId: crypto.randomBytes(12).toString('hex') });
    }
  }
}

const PAGE = 50;

/** `"quoted term"` and bare terms must all occur in the message (the subset tests use). */
function matches(pattern: string, message: string): boolean {
  const terms = [...pattern.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return terms.every((t) => message.includes(t));
}

/** Answers one CloudWatch Logs operation. */
export function handleLogs(operation: string, body: Buffer, store: LogStore): unknown {
  let input: Record<string, unknown>;
  try {
    input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(400, 'SerializationException', 'Could not parse request body');
  }
  switch (operation) {
    case 'FilterLogEvents': {
      const group = String(input.logGroupName ?? '');
      const events = store.groups.get(group);
      if (!events) throw new ApiError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
      const start = typeof input.startTime === 'number' ? input.startTime : 0;
      const end = typeof input.endTime === 'number' ? input.endTime : Number.POSITIVE_INFINITY;
      const pattern = typeof input.filterPattern === 'string' ? input.filterPattern : '';
      const limit = Math.min(typeof input.limit === 'number' ? input.limit : 10_000, 10_000);
      const all = events.filter((e) => e.timestamp >= start && e.timestamp <= end && matches(pattern, e.message));
      let from = 0;
      if (typeof input.nextToken === 'string') {
        from = Number(Buffer.from(input.nextToken, 'base64url').toString().split(':')[0]);
        if (!Number.isInteger(from) || from < 0 || from > all.length) throw new ApiError(400, 'InvalidParameterException', 'The specified nextToken is invalid.');
      }
      const size = Math.min(limit, PAGE);
      const slice = all.slice(from, from + size);
      const next = from + size < all.length ? Buffer.from(`${from + size}:${crypto.randomBytes(4).toString('hex')}`).toString('base64url') : undefined;
      return { events: slice, searchedLogStreams: [], ...(next ? { nextToken: next } : {}) };
    }
    default:
      throw new ApiError(400, 'UnknownOperationException', `Operation ${operation} is not served by this test server`);
  }
}
