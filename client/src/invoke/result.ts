/**
 * How an invocation's outcome is shown: a one-line summary (the notification), the same figures as
 * comment lines on top of the result document, then the response payload, pretty-printed when it is JSON.
 */
import type { InvokeOutcome } from './invoke';

/** The figures of an outcome, in the order shown. */
export function summaryParts(o: InvokeOutcome): string[] {
  const parts: string[] = [];
  const status = o.invocationType === 'Event' ? `${o.statusCode} Accepted (queued for asynchronous invocation)`
    : o.invocationType === 'DryRun' ? `${o.statusCode} Dry run: parameters and permissions are valid`
    : o.functionError ? `${o.statusCode} Function error (${o.functionError})`
    : `${o.statusCode} OK`;
  parts.push(`Status: ${status}`);
  if (o.functionError) parts.push(`Error: ${o.errorType ?? 'unknown type'}${o.errorMessage ? `: ${o.errorMessage}` : ''}`);
  const r = o.report;
  if (r) {
    parts.push(`Duration: ${r.durationMs} ms`, `Billed Duration: ${r.billedDurationMs} ms`, `Memory: ${r.maxMemoryUsedMb} MB used of ${r.memorySizeMb} MB`);
    if (r.initDurationMs !== undefined) parts.push(`Init Duration: ${r.initDurationMs} ms (cold start)`);
  } else if (o.invocationType === 'RequestResponse') {
    parts.push(`Round trip: ${Math.round(o.elapsedMs)} ms (no REPORT line in the log tail)`);
  }
  if (o.executedVersion) parts.push(`Version: ${o.executedVersion}`);
  return parts;
}

/** One line for a notification. */
export function summaryLine(o: InvokeOutcome): string {
  const head = `${o.functionName}${o.qualifier !== '$LATEST' ? `:${o.qualifier}` : ''}`;
  return `${head} · ${summaryParts(o).join(' · ')}`;
}

/** The read-only result document (JSON with comments): summary lines, then the payload. */
export function resultDocument(o: InvokeOutcome): string {
  const header = [`// ${o.functionName} (${o.qualifier}, ${o.invocationType})`, ...summaryParts(o).map((p) => `// ${p}`)];
  let body: string;
  if (o.payload === '') body = o.invocationType === 'RequestResponse' ? '// (empty response)' : '// (no response payload for this invocation type)';
  else {
    try {
      body = JSON.stringify(JSON.parse(o.payload), null, 2);
    } catch {
      body = o.payload;
    }
  }
  return `${header.join('\n')}\n${body}\n`;
}

/** What the log output channel gets for one invocation. */
export function logText(o: InvokeOutcome, at: Date): string {
  const title = `[${at.toISOString()}] ${o.functionName} (${o.qualifier}, ${o.invocationType})`;
  const log = o.log ? o.log.trimEnd() : o.invocationType === 'RequestResponse' ? '(no log returned)' : '(logs are only returned for RequestResponse; see CloudWatch Logs)';
  return `${title}\n${log}\n`;
}

/** Marks a shown result as stale: the last invoke of the same target failed, so it is not current. */
export function staleDocument(previous: string, reason: string, at: Date): string {
  const body = previous.replace(/^\/\/ STALE: .*\n/, '');
  return `// STALE: the invoke at ${at.toISOString()} failed (${reason.replace(/\n/g, ' ')}); below is the previous result.\n${body}`;
}
