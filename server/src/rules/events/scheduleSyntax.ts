/**
 * EventBridge schedule expressions: `rate(N unit)`, six-field `cron(...)`, and for EventBridge
 * Scheduler `at(yyyy-mm-ddThh:mm:ss)` and IANA time zones. Pure functions: an expression in, a
 * problem with the corrected form out.
 * Source: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html (rules:
 * "If the value is equal to 1, then the unit must be singular", and plural above 1) and
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html (Scheduler takes
 * minute | minutes | hour | hours | day | days with any value: published templates deploy
 * `rate(5 minute)` there).
 */

export interface ScheduleProblem {
  /** What is wrong, in one sentence. */
  readonly problem: string;
  /** The expression as it should probably read, when that can be told. */
  readonly corrected?: string;
  /** True when `corrected` is a mechanical fix of the unit's number (pluralise / singularise). */
  readonly unitFix?: boolean;
}

/** Field order, bounds and names of the six cron fields. */
const CRON_FIELDS = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day-of-week', min: 1, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2199 },
] as const;

const UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(minutes?|mins?|m)$/i, 'minute'],
  [/^(hours?|hrs?|h)$/i, 'hour'],
  [/^(days?|d)$/i, 'day'],
];

/** The problem with a schedule expression, or undefined when it is valid. */
export function checkScheduleExpression(expr: string, scheduler: boolean): ScheduleProblem | undefined {
  const s = expr.trim();
  if (s.startsWith('rate(') && s.endsWith(')')) return checkRate(s.slice(5, -1), scheduler);
  if (s.startsWith('cron(') && s.endsWith(')')) return checkCron(s.slice(5, -1));
  if (s.startsWith('at(') && s.endsWith(')')) {
    if (!scheduler) return { problem: 'at(...) one-time schedules exist only in EventBridge Scheduler (AWS::Scheduler::Schedule / ScheduleV2); rules take rate(...) or cron(...)' };
    return checkAt(s.slice(3, -1));
  }
  return { problem: `"${expr}" is not a schedule expression; write rate(N unit), cron(minutes hours day-of-month month day-of-week year)${scheduler ? ' or at(yyyy-mm-ddThh:mm:ss)' : ''}` };
}

/** A rate; `scheduler` accepts the singular and the plural unit for any value, as Scheduler does. */
function checkRate(inner: string, scheduler: boolean): ScheduleProblem | undefined {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(inner);
  if (!m) return { problem: `rate(${inner}) needs a number and a unit, like rate(5 minutes)` };
  const [, count, unit] = m as unknown as [string, string, string];
  const n = Number(count);
  if (!/^\d+$/.test(count) || n < 1) return { problem: `the rate value "${count}" must be a whole number of at least 1` };
  const base = UNITS.find(([re]) => re.test(unit))?.[1];
  if (!base) {
    const seconds = /^s(ec(ond)?s?)?$/i.test(unit);
    return { problem: seconds ? 'schedules run at most once a minute; seconds are not a rate unit' : `"${unit}" is not a rate unit; use minute(s), hour(s) or day(s)` };
  }
  const right = n === 1 ? base : `${base}s`;
  if (unit === right || (scheduler && (unit === base || unit === `${base}s`))) return undefined;
  const corrected = `rate(${n} ${right})`;
  const why = n === 1 ? `a rate of 1 takes the singular unit "${right}"` : unit === base ? `a rate of ${n} takes the plural unit "${right}"` : `"${unit}" is not a rate unit`;
  return { problem: why, corrected, unitFix: true };
}

function checkCron(inner: string): ScheduleProblem | undefined {
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) {
    const fixed = fields.length === 5 ? withDayFix([...fields, '*']) : undefined;
    return {
      problem: `cron expressions have exactly 6 fields (minutes hours day-of-month month day-of-week year), this one has ${fields.length}`,
      ...(fixed ? { corrected: `cron(${fixed.join(' ')})` } : {}),
    };
  }
  for (let i = 0; i < 6; i++) {
    const bad = fieldProblem(fields[i]!, i);
    if (bad) return { problem: `${CRON_FIELDS[i]!.name} field "${fields[i]}": ${bad}` };
  }
  const dom = fields[2]!;
  const dow = fields[4]!;
  if ((dom === '?') === (dow === '?')) {
    const fixed = withDayFix(fields);
    return {
      problem: 'exactly one of day-of-month and day-of-week must be "?"',
      ...(fixed ? { corrected: `cron(${fixed.join(' ')})` } : {}),
    };
  }
  return undefined;
}

/** Sets `?` where it can be told which day field is meant; undefined when both are specific. */
function withDayFix(fields: string[]): string[] | undefined {
  const out = [...fields];
  const dom = out[2]!;
  const dow = out[4]!;
  if ((dom === '?') !== (dow === '?')) return out;
  if (dom === '?') out[2] = '*';
  else if (dow === '*') out[4] = '?';
  else if (dom === '*') out[2] = '?';
  else return undefined;
  return out;
}

function fieldProblem(field: string, index: number): string | undefined {
  const spec = CRON_FIELDS[index]!;
  if (field === '?') return index === 2 || index === 4 ? undefined : '"?" is only allowed in day-of-month and day-of-week';
  for (const item of field.split(',')) {
    if (index === 2 && /^(L|LW|L-\d+|\d+W)$/.test(item)) continue;
    if (index === 4 && /^(L|[A-Z0-9]+L|[A-Z0-9]+#[1-5])$/i.test(item)) {
      const v = item.replace(/(L|#[1-5])$/i, '');
      if (v === '' || value(v, spec) !== undefined) continue;
    }
    const [base, step, extra] = item.split('/');
    if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step))) return `"${item}" has an invalid step`;
    if (base === '*') continue;
    const bounds = (base ?? '').split('-');
    if (bounds.length > 2 || bounds.some((b) => value(b, spec) === undefined)) {
      return `"${item}" is outside ${spec.min}-${spec.max}${'names' in spec ? ` (or ${spec.names[0]}-${spec.names[spec.names.length - 1]})` : ''}`;
    }
  }
  return undefined;
}

function value(text: string, spec: (typeof CRON_FIELDS)[number]): number | undefined {
  if ('names' in spec) {
    const i = (spec.names as readonly string[]).indexOf(text.toUpperCase());
    if (i >= 0) return i + spec.min;
  }
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= spec.min && n <= spec.max ? n : undefined;
}

function checkAt(inner: string): ScheduleProblem | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(inner.trim());
  if (!m) return { problem: `at(${inner}) must be a local date and time, at(yyyy-mm-ddThh:mm:ss)` };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const same = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return same ? undefined : { problem: `at(${inner}) is not a real date and time` };
}

let zones: ReadonlySet<string> | undefined;
let zonesLower: ReadonlyMap<string, string> | undefined;

/** The problem with an IANA time zone name and the closest valid name, or undefined when valid. */
export function checkTimezone(name: string): { problem: string; suggestion: string | undefined } | undefined {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  zonesLower ??= new Map([...zones].map((z) => [z.toLowerCase(), z]));
  if (zones.has(name) || isLinkName(name)) return undefined;
  const exact = zonesLower.get(name.toLowerCase());
  const suggestion = exact ?? closest(name, zones);
  return { problem: `"${name}" is not an IANA time zone`, suggestion };
}

/** Older or alias IANA names (UTC, Asia/Calcutta, US/Eastern) that the runtime knows but does not list. */
function isLinkName(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function closest(name: string, candidates: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return bestScore <= Math.max(3, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
