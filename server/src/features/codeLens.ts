/**
 * Bundle-size code lenses: on each function's logical id line, what was measured (esbuild bundle,
 * source + production dependencies, sam build output, ...) and what the package weighs zipped and
 * unzipped against Lambda's limits; "measuring..." until the first measurement arrives, or why it
 * cannot be measured. A lens carries ids only: clicking it asks the server for the breakdown.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import { formatBytes } from '../bytes';
import { basisLabel, nearLimit, sizeSummary } from '../measure/format';
import { locateFunctions } from '../measure/locate';
import type { FunctionSize } from '../measure/types';
import { SHOW_BUNDLE_SIZE_COMMAND } from '../protocol';
import type { BundleSizeArgs } from '../protocol';
import type { Template } from '../template/model';
import { toLspRange } from './convert';
import { PackageSizes } from './packageSizes';

/** The title shown for a function: basis and summary, a pending note, or why it is not measured. */
export function lensTitle(size: FunctionSize | undefined): string {
  if (!size) return 'measuring...';
  if (size.status !== 'measured') return `Package size: ${size.reason}`;
  const skipped = size.code.skippedCount;
  const note = skipped > 0 ? ` · ${skipped.toLocaleString('en-US')} not counted` : '';
  return `${nearLimit(size) ? '⚠ ' : ''}${basisLabel(size.code)} · ${sizeSummary(size)}${note}`;
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
    const args: BundleSizeArgs = { functionId: lf.spec.id, uri };
    const what = size.code.kind === 'bundle' ? 'the heaviest modules' : 'the largest folders and files';
    const tooltip = `${formatBytes(size.code.unzippedBytes)} measured from ${size.code.path}${size.code.note ? ` (${size.code.note})` : ''}; click for ${what}`;
    return { range, command: { title, command: SHOW_BUNDLE_SIZE_COMMAND, arguments: [args], tooltip } };
  });
}
