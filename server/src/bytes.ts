/**
 * How a byte count reads everywhere Lambda Lens shows one: CodeLens, rule messages, the CLI, the
 * breakdown, the explorer and invoke. Binary units, as Lambda's quotas are written (250 MB is
 * 262,144,000 bytes), so a limit and a measured size read alike.
 */

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;
const STEP = 1024;

/**
 * `87 B`, `312 KB`, `12.4 MB`, `6 MB`, `1.5 GB`: kilobytes whole; larger units with one decimal,
 * dropped when it is zero (so a quota reads `250 MB`, as AWS writes it).
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < STEP) return `${Number.isFinite(bytes) ? Math.round(bytes) : 0} B`;
  let value = bytes / STEP;
  let unit = 0;
  // Decide the unit on the rounded value: 1,048,575 bytes reads `1 MB`, not `1,024 KB`.
  while (unit < UNITS.length - 1 && roundFor(unit, value) >= STEP) {
    value /= STEP;
    unit++;
  }
  return `${formatCount(roundFor(unit, value))} ${UNITS[unit]}`;
}

/**
 * A count as `toLocaleString('en-US')` writes it (`262,144,000`; `12.4`). Whole numbers and the one
 * decimal of sizes are written here: the first `toLocaleString` of a process loads the locale data,
 * a cost that rule descriptions and quota texts paid at every start.
 */
export function formatCount(n: number): string {
  const whole = Math.trunc(n);
  // -0 and numbers beyond exact integers (or with more decimals) are left to the locale format.
  if (!Number.isSafeInteger(whole) || Object.is(n, -0) || Math.round(n * 10) / 10 !== n) return n.toLocaleString('en-US');
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = n === whole ? '' : String(n).slice(String(n).indexOf('.'));
  return `${n < 0 ? '-' : ''}${digits}${fraction}`;
}

function roundFor(unit: number, value: number): number {
  return unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
}
