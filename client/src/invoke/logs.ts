/**
 * The log tail Lambda returns with `LogType: Tail` (the last 4 KB, base64) and the REPORT line in it:
 * `REPORT RequestId: ... Duration: 12.34 ms Billed Duration: 13 ms Memory Size: 128 MB
 * Max Memory Used: 70 MB Init Duration: 150.12 ms`.
 */

/** The figures of a REPORT line. */
export interface Report {
  requestId: string | undefined;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on a cold start only. */
  initDurationMs: number | undefined;
  /** Set when the runtime reports a timeout or crash on the REPORT line. */
  status: string | undefined;
}

/** Decodes `LogResult`; empty when absent. */
export function decodeLogResult(logResult: string | undefined): string {
  return logResult ? Buffer.from(logResult, 'base64').toString('utf8') : '';
}

const FIELD = (name: string): RegExp => new RegExp(`${name}:\\s*([0-9.]+)`);

/** The last REPORT line of a log, parsed; undefined when there is none (the tail was cut before it). */
export function parseReport(log: string): Report | undefined {
  const line = log
    .split('\n')
    .filter((l) => l.startsWith('REPORT '))
    .at(-1);
  if (!line) return undefined;
  const num = (name: string): number | undefined => {
    const m = FIELD(name).exec(line);
    return m ? Number(m[1]) : undefined;
  };
  const duration = num('(?<!Billed |Init |Restore )Duration');
  if (duration === undefined) return undefined;
  return {
    requestId: /RequestId:\s*(\S+)/.exec(line)?.[1],
    durationMs: duration,
    billedDurationMs: num('Billed Duration') ?? Math.ceil(duration),
    memorySizeMb: num('Memory Size') ?? 0,
    maxMemoryUsedMb: num('Max Memory Used') ?? 0,
    initDurationMs: num('Init Duration'),
    status: /Status:\s*(\S+)/.exec(line)?.[1],
  };
}
