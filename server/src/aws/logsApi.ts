/**
 * Typed CloudWatch Logs reads for a function's log group: FilterLogEvents paged by time, with the
 * same bounded paging as the Lambda listings, returning compact plain events.
 */
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { MarkerGuard } from './paging';

/** One log line as the views show it. */
export interface LogLine {
  timestamp: number;
  message: string;
  stream: string;
  id: string;
}

/** What to read. */
export interface LogQuery {
  logGroup: string;
  /** Epoch ms, inclusive. */
  startTime: number;
  endTime?: number;
  /** A CloudWatch Logs filter pattern, e.g. `"<request id>"`. */
  filterPattern?: string;
  /** Most lines returned; the newest ones are kept when there are more. */
  maxLines: number;
}

/** The lines read, oldest first; `truncated` when more matched than `maxLines`. */
export interface LogRead {
  lines: LogLine[];
  truncated: boolean;
  /** False when the log group does not exist (yet): the function never ran, or logs elsewhere. */
  groupExists: boolean;
}

/** Pages one read may take: 100 pages of up to 10,000 events is far past any view's `maxLines`. */
const MAX_LOG_PAGES = 100;

/** Reads the events of a log group in a time range, every page until the range or the cap ends. */
export async function readLogs(client: CloudWatchLogsClient, q: LogQuery, signal?: AbortSignal): Promise<LogRead> {
  const guard = new MarkerGuard('FilterLogEvents', MAX_LOG_PAGES);
  const lines: LogLine[] = [];
  let truncated = false;
  let token: string | undefined;
  try {
    do {
      const out = await client.send(
        new FilterLogEventsCommand({ logGroupName: q.logGroup, startTime: q.startTime, endTime: q.endTime, filterPattern: q.filterPattern || undefined, nextToken: token }),
        { abortSignal: signal },
      );
      for (const e of out.events ?? []) lines.push({ timestamp: e.timestamp ?? 0, message: (e.message ?? '').replace(/\r/g, '\n').trimEnd(), stream: e.logStreamName ?? '', id: e.eventId ?? '' });
      if (lines.length > q.maxLines) {
        truncated = true;
        lines.splice(0, lines.length - q.maxLines);
      }
      token = guard.next(out.nextToken);
    } while (token);
  } catch (e) {
    if ((e as { name?: unknown }).name === 'ResourceNotFoundException') return { lines: [], truncated: false, groupExists: false };
    throw e;
  }
  lines.sort((a, b) => a.timestamp - b.timestamp);
  return { lines, truncated, groupExists: true };
}

/** `2026-01-02 03:04:05.678  message` */
export function formatLogLine(l: LogLine): string {
  const t = new Date(l.timestamp).toISOString().replace('T', ' ').replace('Z', '');
  return `${t}  ${l.message}`;
}
