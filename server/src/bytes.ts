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
  return `${roundFor(unit, value).toLocaleString('en-US', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${UNITS[unit]}`;
}

function roundFor(unit: number, value: number): number {
  return unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
}
