/** How sizes read in the CodeLens, the rule's messages, the CLI and the breakdown view. */
import { QUOTAS } from '../quotas';

const MB = 1024 * 1024;
const KB = 1024;

/**
 * `12.4 MB`, `312 KB`, `87 B`. Megabytes are 1,048,576 bytes, as in Lambda's quotas (250 MB is
 * 262,144,000 bytes).
 */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB).toLocaleString('en-US')} KB`;
  return `${bytes} B`;
}

/** Whole-number percentage of a limit. */
export function percentOf(bytes: number, limit: number): number {
  return Math.round((bytes / limit) * 100);
}

/** Share of a limit from which the CodeLens shows a warning sign. */
export const WARN_SHARE = 0.8;

/** The three package-size limits, by name, for messages. */
export const LIMIT_TEXT = {
  unzipped: formatBytes(QUOTAS.unzippedPackageBytes),
  zipped: formatBytes(QUOTAS.zippedDirectUploadBytes),
  console: formatBytes(QUOTAS.consoleEditorBytes),
} as const;
