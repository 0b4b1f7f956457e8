/**
 * The bundle-size breakdown as plain rows (no `vscode` here, so it is tested directly): the function's
 * largest folders and files with sizes and shares, its layers, the external layers not counted, and
 * what could not be read. Each row that is a place on disk carries the path "Reveal in Explorer" opens.
 */
import { join } from 'node:path';
import { formatBytes, sizeSummary } from '../../../server/src/measure/format';
import type { CodeMeasurement, SizeEntry } from '../../../server/src/measure/types';
import type { BundleSizeArgs } from '../../../server/src/protocol';

export interface BreakdownRow {
  /** `separator` rows head a section; `entry` rows are folders, files, layers or notes. */
  readonly kind: 'separator' | 'entry';
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Absolute path to reveal, when the row is a place on disk. */
  readonly reveal?: string;
}

/** Title of the breakdown: the function and its one-line summary. */
export function breakdownTitle(args: BundleSizeArgs): string {
  return `${args.functionId}: ${sizeSummary(args.size)}`;
}

/** The rows of a function's breakdown, in display order. */
export function breakdownRows(args: BundleSizeArgs): BreakdownRow[] {
  const { size } = args;
  const rows: BreakdownRow[] = [];
  const code = size.code;
  const where = code.source === 'build' ? 'sam build output' : code.kind === 'zip' ? 'zip archive' : 'code folder';
  rows.push({ kind: 'separator', label: `Function code (${where})` });
  rows.push({ kind: 'entry', label: `$(package) ${code.path}`, description: `${formatBytes(code.unzippedBytes)} unzipped · ${formatBytes(code.zippedBytes)} zipped · ${code.files.toLocaleString('en-US')} files`, reveal: code.path });
  rows.push(...entries(code, code.largestFolders, 'folder', size.totalUnzippedBytes));
  rows.push(...entries(code, code.largestFiles, 'file', size.totalUnzippedBytes));
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
  const skipped = [...code.unreadable.map((u) => ({ path: u.path, why: u.reason })), ...code.loops.map((p) => ({ path: p, why: 'links to a folder already counted; followed once' }))];
  if (skipped.length > 0) {
    rows.push({ kind: 'separator', label: 'Not counted' });
    for (const s of skipped) rows.push({ kind: 'entry', label: `$(warning) ${s.path}`, description: s.why, ...(code.kind === 'folder' ? { reveal: join(code.path, s.path) } : {}) });
  }
  return rows;
}

function entries(code: CodeMeasurement, list: readonly SizeEntry[], what: 'folder' | 'file', total: number): BreakdownRow[] {
  return list.map((e) => ({
    kind: 'entry',
    label: `${what === 'folder' ? '$(folder)' : '$(file)'} ${e.path}${what === 'folder' ? '/' : ''}`,
    description: `${formatBytes(e.bytes)} · ${share(e.bytes, total)}`,
    // Entries inside an archive cannot be revealed: the archive itself is.
    reveal: code.kind === 'folder' ? join(code.path, e.path) : code.path,
  }));
}

/** `12 %` of the unzipped total, `<1 %` for small shares. */
function share(bytes: number, total: number): string {
  if (total <= 0) return '0 %';
  const pct = (bytes / total) * 100;
  return pct > 0 && pct < 1 ? '<1 %' : `${Math.round(pct)} %`;
}
