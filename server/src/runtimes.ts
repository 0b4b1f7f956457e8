/**
 * Lambda runtime lifecycle, from data/lambda-runtime-lifecycle.json (deprecation, create-block and
 * update-block dates per runtime identifier, and the successor to move to), taken from cfn-lint's
 * runtime data on the date it records; `npm run refresh:runtimes` takes it again. Runtime ids are
 * also read by family and version, so an id newer than the data can be told from a typo.
 */
import lifecycle from './data/lambda-runtime-lifecycle.json';
import { editDistance } from './names';
import { SNAPSTART_RUNTIMES } from './quotas';

export interface RuntimeLifecycle {
  readonly id: string;
  readonly deprecated: string | null;
  readonly createBlock: string | null;
  readonly updateBlock: string | null;
  readonly successor: string | null;
}

export type RuntimePhase = 'supported' | 'deprecated' | 'create-blocked' | 'update-blocked';

type Row = { deprecated: string | null; 'create-block': string | null; 'update-block': string | null; successor: string | null };

/** Where the lifecycle data comes from and the day it was taken (yyyy-mm-dd). */
export const RUNTIME_DATA = { source: lifecycle.source, retrieved: lifecycle.retrieved, refresh: 'npm run refresh:runtimes' } as const;

const RUNTIMES: ReadonlyMap<string, RuntimeLifecycle> = new Map(
  Object.entries(lifecycle.runtimes as Record<string, Row>).map(([id, r]) => [
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

/** A runtime id read by its family's naming scheme: `java21.al2023` -> java, variant .al2023, [21]. */
export interface RuntimeVersion {
  readonly family: string;
  /** A suffix that makes a separate line of runtimes (`.al2023` for Java), '' for none. */
  readonly variant: string;
  readonly version: readonly number[];
}

/** The naming scheme of each runtime family Lambda keeps adding versions to. */
const NAMING: ReadonlyArray<readonly [RegExp, string]> = [
  [/^nodejs(\d+)\.x$/, 'nodejs'],
  [/^python(\d+)\.(\d+)$/, 'python'],
  [/^java(\d+)(\.al2023)?$/, 'java'],
  [/^dotnet(\d+)$/, 'dotnet'],
  [/^ruby(\d+)\.(\d+)$/, 'ruby'],
  [/^provided\.al(\d{4})$/, 'provided'],
];

/** The family, variant and version of a runtime id that follows a family's naming, else undefined. */
export function runtimeVersion(id: string): RuntimeVersion | undefined {
  for (const [re, family] of NAMING) {
    const m = re.exec(id);
    if (!m) continue;
    const variant = m.slice(1).find((g) => g?.startsWith('.')) ?? '';
    return { family, variant, version: m.slice(1).filter((g) => g !== undefined && !g.startsWith('.')).map(Number) };
  }
  return undefined;
}

/** Compares versions part by part: negative when `a` is older. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * True when `id` follows a family's naming with a version newer than every runtime of that family
 * (and variant) in the data: most likely a runtime released after the data was taken.
 */
export function newerThanData(id: string): boolean {
  const v = runtimeVersion(id);
  if (!v || RUNTIMES.has(id)) return false;
  const known = runtimeIds().map(runtimeVersion).filter((k): k is RuntimeVersion => k?.family === v.family && k.variant === v.variant);
  return known.every((k) => compareVersions(v.version, k.version) > 0);
}

/** The known runtimes closest to a mistyped one (edit distance), best first. */
export function closestRuntimes(id: string, count = 3): string[] {
  return runtimeIds()
    .map((r) => ({ r, d: editDistance(id.toLowerCase(), r) }))
    .sort((a, b) => a.d - b.d || a.r.localeCompare(b.r))
    .slice(0, count)
    .map((x) => x.r);
}


const SNAPSTART_FAMILIES: Readonly<Record<string, string>> = { java: 'Java', python: 'Python', dotnet: '.NET' };

/** Whether SnapStart supports a runtime id: its family and a version from SNAPSTART_RUNTIMES on. */
export function snapStartSupports(id: string): boolean {
  const v = runtimeVersion(id);
  const minimums: Readonly<Record<string, readonly number[]>> = SNAPSTART_RUNTIMES.minimumVersions;
  const min = v && !v.variant ? minimums[v.family] : undefined;
  return min !== undefined && compareVersions(v!.version, min) >= 0;
}

/** The runtimes SnapStart supports, for messages: "Java 11, Python 3.12 and .NET 8 or later". */
export function snapStartRuntimesText(): string {
  const parts = Object.entries(SNAPSTART_RUNTIMES.minimumVersions).map(([family, v]) => `${SNAPSTART_FAMILIES[family] ?? family} ${v.join('.')}`);
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} or later`;
}
