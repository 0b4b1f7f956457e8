/**
 * Bundle-size code lenses: on each function's logical id line, what its package weighs zipped and
 * unzipped against Lambda's limits, "measuring..." until the first measurement arrives, or why it
 * cannot be measured. Clicking opens the client's breakdown.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import { formatBytes, nearLimit, sizeSummary } from '../measure/format';
import { locateFunctions } from '../measure/locate';
import type { FunctionSize } from '../measure/types';
import { SHOW_BUNDLE_SIZE_COMMAND } from '../protocol';
import type { BundleSizeArgs } from '../protocol';
import type { Template } from '../template/model';
import { toLspRange } from './convert';
import { PackageSizes } from './packageSizes';

/** The title shown for a function: the summary, a pending note, or why it is not measured. */
export function lensTitle(size: FunctionSize | undefined): string {
  if (!size) return 'measuring...';
  if (size.status !== 'measured') return `Package size: ${size.reason}`;
  const unreadable = size.code.unreadable.length;
  const note = unreadable > 0 ? ` · ${unreadable} unreadable` : '';
  return `${nearLimit(size) ? '⚠ ' : ''}${sizeSummary(size)}${note}`;
}

/** Code lenses for a template's functions; starts measuring them when needed. */
export function codeLenses(sizes: PackageSizes, uri: string, template: Template): CodeLens[] {
  if (!template.isTemplate || !PackageSizes.templateDir(uri)) return [];
  sizes.track(uri, template);
  return locateFunctions(template).map((lf) => {
    const size = sizes.get(uri, lf.spec.id);
    const range = toLspRange(template, lf.view.resource.idRange);
    const title = lensTitle(size);
    if (size?.status !== 'measured') return { range, command: { title, command: '' } };
    const args: BundleSizeArgs = { functionId: lf.spec.id, uri, size };
    const tooltip = `${formatBytes(size.code.unzippedBytes)} of code in ${size.code.path}; click for the largest folders and files`;
    return { range, command: { title, command: SHOW_BUNDLE_SIZE_COMMAND, arguments: [args], tooltip } };
  });
}
