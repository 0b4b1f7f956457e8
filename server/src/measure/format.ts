/** How sizes read in the CodeLens, the rule's messages, the CLI and the breakdown view. */
import { QUOTAS } from '../quotas';
import type { FunctionSize } from './types';

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

const GB = 1024 * MB;

/** A quota as AWS writes it: `10 GB`, `250 MB`, `4 KB` (whole units without a decimal). */
export function formatLimit(bytes: number): string {
  if (bytes % GB === 0) return `${bytes / GB} GB`;
  return bytes % MB === 0 ? `${bytes / MB} MB` : formatBytes(bytes);
}

/** The three package-size limits, by name, for messages. */
export const LIMIT_TEXT = {
  unzipped: formatLimit(QUOTAS.unzippedPackageBytes),
  zipped: formatLimit(QUOTAS.zippedDirectUploadBytes),
  console: formatLimit(QUOTAS.consoleEditorBytes),
} as const;

type Measured = Extract<FunctionSize, { status: 'measured' }>;

/** True when a package is at 80 % or more of the unzipped or the direct-upload limit. */
export function nearLimit(size: Measured): boolean {
  return size.totalUnzippedBytes >= WARN_SHARE * QUOTAS.unzippedPackageBytes || size.code.zippedBytes >= WARN_SHARE * QUOTAS.zippedDirectUploadBytes;
}

/** `12.4 MB zipped · 41.0 MB unzipped (16 % of 250 MB) · 3,412 files`: the CodeLens and CLI line. */
export function sizeSummary(size: Measured): string {
  const withLayers = size.layersUnzippedBytes > 0 ? ' with layers' : '';
  const files = size.code.files + size.layers.reduce((n, l) => n + ('problem' in l.result ? 0 : l.result.files), 0);
  return [
    `${formatBytes(size.code.zippedBytes)} zipped`,
    `${formatBytes(size.totalUnzippedBytes)} unzipped${withLayers} (${percentOf(size.totalUnzippedBytes, QUOTAS.unzippedPackageBytes)} % of ${LIMIT_TEXT.unzipped})`,
    `${files.toLocaleString('en-US')} ${files === 1 ? 'file' : 'files'}`,
  ].join(' · ');
}
