/** How sizes read in the CodeLens, the rule's messages, the CLI and the breakdown view. */
import { formatBytes } from '../bytes';
import { QUOTAS } from '../quotas';
import type { Basis, LocatedMeasurement, MeasuredSize } from './types';

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

type Measured = MeasuredSize;

/** What each basis measured, as the lens, the CLI and the breakdown name it. */
export const BASIS_LABEL: Readonly<Record<Basis, string>> = {
  'sam-build': 'sam build output',
  esbuild: 'esbuild bundle',
  'npm-production': 'source + production dependencies',
  'cdk-asset': 'CDK asset',
  folder: 'code folder',
  zip: 'zip archive',
};

/** The basis of a measurement in a few words; a partial figure says so first. */
export function basisLabel(code: LocatedMeasurement): string {
  return code.partial ? 'source only, dependencies not counted' : BASIS_LABEL[code.basis];
}

/** True when a package is at 80 % or more of the unzipped or the direct-upload limit. */
export function nearLimit(size: Measured): boolean {
  return size.totalUnzippedBytes >= WARN_SHARE * QUOTAS.unzippedPackageBytes || size.code.zippedBytes >= WARN_SHARE * QUOTAS.zippedDirectUploadBytes;
}

/** `12.4 MB zipped · 41 MB unzipped (16 % of 250 MB) · 3,412 files`: the CodeLens and CLI line. */
export function sizeSummary(size: Measured): string {
  const withLayers = size.layersUnzippedBytes > 0 ? ' with layers' : '';
  const files = size.code.files + size.layers.reduce((n, l) => n + ('problem' in l.result ? 0 : l.result.files), 0);
  return [
    `${formatBytes(size.code.zippedBytes)} zipped`,
    `${formatBytes(size.totalUnzippedBytes)} unzipped${withLayers} (${percentOf(size.totalUnzippedBytes, QUOTAS.unzippedPackageBytes)} % of ${LIMIT_TEXT.unzipped})`,
    `${files.toLocaleString('en-US')} ${files === 1 ? 'file' : 'files'}`,
  ].join(' · ');
}
