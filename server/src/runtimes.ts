/**
 * Lambda runtime lifecycle, from data/lambda-runtime-lifecycle.json (deprecation, create-block and
 * update-block dates per runtime identifier, and the successor to move to).
 */
import lifecycle from './data/lambda-runtime-lifecycle.json';

export interface RuntimeLifecycle {
  readonly id: string;
  readonly deprecated: string | null;
  readonly createBlock: string | null;
  readonly updateBlock: string | null;
  readonly successor: string | null;
}

export type RuntimePhase = 'supported' | 'deprecated' | 'create-blocked' | 'update-blocked';

type Row = { deprecated: string | null; 'create-block': string | null; 'update-block': string | null; successor: string | null };

const RUNTIMES: ReadonlyMap<string, RuntimeLifecycle> = new Map(
  Object.entries(lifecycle as Record<string, Row>).map(([id, r]) => [
    id,
    { id, deprecated: r.deprecated, createBlock: r['create-block'], updateBlock: r['update-block'], successor: r.successor },
  ]),
);

/** Every runtime identifier Lambda has had, sorted. */
export function runtimeIds(): string[] {
  return [...RUNTIMES.keys()].sort();
}

/** Lifecycle dates for a runtime identifier, or undefined for an unknown one. */
export function runtimeInfo(id: string): RuntimeLifecycle | undefined {
  return RUNTIMES.get(id);
}

/** The UTC day of a date, `YYYY-MM-DD`, as lifecycle dates are written. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Where a runtime stands on `today` (dates are compared as UTC days). */
export function runtimePhase(info: RuntimeLifecycle, today: Date): RuntimePhase {
  const day = utcDay(today);
  const past = (d: string | null) => d !== null && d <= day;
  if (past(info.updateBlock)) return 'update-blocked';
  if (past(info.createBlock)) return 'create-blocked';
  if (past(info.deprecated)) return 'deprecated';
  return 'supported';
}

/** Runtime family for icons and grouping: nodejs, python, java, dotnet, ruby, go, provided, other. */
export function runtimeFamily(id: string): string {
  const m = /^(nodejs|python|java|dotnet|ruby|go|provided)/.exec(id);
  return m ? m[1]! : 'other';
}

/** The known runtimes closest to a mistyped one (edit distance), best first. */
export function closestRuntimes(id: string, count = 3): string[] {
  return runtimeIds()
    .map((r) => ({ r, d: distance(id.toLowerCase(), r) }))
    .sort((a, b) => a.d - b.d || a.r.localeCompare(b.r))
    .slice(0, count)
    .map((x) => x.r);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
