/**
 * Tailing a log group: polls FilterLogEvents every few seconds from the newest line seen, hands on
 * only lines not shown before, and reports its state (tailing, failing, stopped). Free of `vscode`.
 */
import type { LogLine, LogRead } from '../../../server/src/aws/logsApi';

/** What a tail is doing, for the status bar. */
export type TailState = { kind: 'tailing'; lines: number } | { kind: 'failing'; reason: string } | { kind: 'stopped' };

/** How far back a new tail starts, ms: the last minute, so a fresh invoke's lines are there at once. */
export const TAIL_LOOKBACK_MS = 60_000;

/** Polls one log group until stopped. */
export class LogTail {
  private timer: NodeJS.Timeout | undefined;
  private since: number;
  /** Ids of the lines at `since`, which the next poll returns again. */
  private edge = new Set<string>();
  private count = 0;
  private stopped = false;
  private readonly ac = new AbortController();

  constructor(
    private readonly read: (since: number, signal: AbortSignal) => Promise<LogRead>,
    private readonly onLines: (lines: LogLine[]) => void,
    private readonly onState: (state: TailState) => void,
    private readonly intervalMs = 2_000,
    now: number = Date.now(),
  ) {
    this.since = now - TAIL_LOOKBACK_MS;
  }

  /** Starts polling at once. */
  start(): void {
    void this.poll();
  }

  /** Stops polling; a poll in flight is cancelled. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ac.abort();
    this.onState({ kind: 'stopped' });
  }

  /** One poll; exposed so tests drive it without timers. */
  async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const r = await this.read(this.since, this.ac.signal);
      if (this.stopped) return;
      const fresh = r.lines.filter((l) => !this.edge.has(l.id));
      for (const l of fresh) {
        if (l.timestamp > this.since) {
          this.since = l.timestamp;
          this.edge = new Set();
        }
        if (l.timestamp === this.since) this.edge.add(l.id);
      }
      this.count += fresh.length;
      if (fresh.length) this.onLines(fresh);
      this.onState(r.groupExists ? { kind: 'tailing', lines: this.count } : { kind: 'failing', reason: 'the log group does not exist yet' });
    } catch (e) {
      if (this.stopped) return;
      this.onState({ kind: 'failing', reason: e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e) });
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }
}
