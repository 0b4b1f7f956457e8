/**
 * The bundle-size breakdown as plain rows (no `vscode` here, so it is tested directly): what was
 * measured and how, the heaviest modules of a bundle (package, share, where it is imported), the
 * largest folders and files with sizes and shares, its layers, the external layers not counted, and
 * what was not counted. Each row that is a place on disk carries the path "Reveal in Explorer" opens.
 */
import { join } from 'node:path';
import { formatBytes } from '../../../server/src/bytes';
import { basisLabel, sizeSummary } from '../../../server/src/measure/format';
import type { CodeMeasurement, MeasuredSize, SizeEntry } from '../../../server/src/measure/types';

export interface BreakdownRow {
  /** `separator` rows head a section; `entry` rows are folders, files, layers or notes. */
  readonly kind: 'separator' | 'entry';
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Absolute path to reveal, when the row is a place on disk. */
  readonly reveal?: string;
}

/** Title of the breakdown: the function, the basis and its one-line summary. */
export function breakdownTitle(size: MeasuredSize): string {
  return `${size.id} (${basisLabel(size.code)}): ${sizeSummary(size)}`;
}

/** The rows of a function's breakdown, in display order. */
export function breakdownRows(size: MeasuredSize): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  const code = size.code;
  rows.push({ kind: 'separator', label: `Function code (${basisLabel(code)})` });
  rows.push({
    kind: 'entry',
    label: `$(package) ${code.path}`,
    description: `${formatBytes(code.unzippedBytes)} unzipped · ${formatBytes(code.zippedBytes)} zipped · ${code.files.toLocaleString('en-US')} ${code.files === 1 ? 'file' : 'files'}`,
    ...(code.note ? { detail: code.note } : {}),
    reveal: code.path,
  });
  rows.push(...entries(code, code.largestFolders, 'folder', size.totalUnzippedBytes));
  rows.push(...entries(code, code.largestFiles, 'file', size.totalUnzippedBytes));
  if (code.modules && code.modules.length > 0) rows.push({ kind: 'separator', label: 'Heaviest modules in the bundle' });
  for (const m of code.modules ?? []) {
    rows.push({
      kind: 'entry',
      label: `${m.importedBy ? '$(library)' : '$(file-code)'} ${m.name}`,
      description: `${formatBytes(m.bytes)} · ${share(m.bytes, code.unzippedBytes)} of the bundle`,
      ...(m.importedBy ? { detail: `imported by ${m.importedBy}` } : {}),
      reveal: m.file,
    });
  }
  if (size.layers.length > 0 || size.externalLayers.length > 0) rows.push({ kind: 'separator', label: 'Layers' });
  for (const layer of size.layers) {
    if ('problem' in layer.result) {
      rows.push({ kind: 'entry', label: `$(layers) ${layer.id}`, description: 'not measured', detail: layer.result.problem });
      continue;
    }
    rows.push({
      kind: 'entry',
      label: `$(layers) ${layer.id}`,
      description: `${formatBytes(layer.result.unzippedBytes)} unzipped · ${share(layer.result.unzippedBytes, size.totalUnzippedBytes)}`,
      detail: layer.result.path,
      reveal: layer.result.path,
    });
  }
  for (const name of size.externalLayers) rows.push({ kind: 'entry', label: `$(cloud) ${name}`, description: 'external layer: not counted' });
  if (code.skippedCount > 0) {
    rows.push({ kind: 'separator', label: 'Not counted' });
    for (const s of code.skipped) rows.push({ kind: 'entry', label: `$(warning) ${s.path}`, description: s.reason, ...(code.kind === 'folder' ? { reveal: join(code.path, s.path) } : {}) });
    const more = code.skippedCount - code.skipped.length;
    if (more > 0) rows.push({ kind: 'entry', label: `$(warning) ${more.toLocaleString('en-US')} more`, description: 'not listed' });
  }
  return rows;
}

function entries(code: CodeMeasurement, list: readonly SizeEntry[], what: 'folder' | 'file', total: number): BreakdownRow[] {
  return list.map((e): BreakdownRow => ({
    kind: 'entry',
    label: `${what === 'folder' ? '$(folder)' : '$(file)'} ${e.path}${what === 'folder' ? '/' : ''}`,
    description: `${formatBytes(e.bytes)} · ${share(e.bytes, total)}`,
    // Entries inside an archive or an in-memory bundle cannot be revealed: the archive or code folder is.
    reveal: code.kind === 'folder' ? join(code.path, e.path) : code.path,
  }));
}

/** `12 %` of the unzipped total, `<1 %` for small shares. */
function share(bytes: number, total: number): string {
  if (total <= 0) return '0 %';
  const pct = (bytes / total) * 100;
  return pct > 0 && pct < 1 ? '<1 %' : `${Math.round(pct)} %`;
}
