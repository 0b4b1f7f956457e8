/** `lambda-lens size [template...]`: what each function's deployment package weighs, for people and CI. */
import { formatBytes, nearLimit, sizeSummary } from '../measure/format';
import { PackageSizeService } from '../measure/service';
import { measureTemplate } from '../measure/template';
import type { FunctionSize } from '../measure/types';
import { QUOTAS } from '../quotas';
import { findCandidates, loadTemplates } from './files';
import { displayPath } from './formats';
import { EXIT, parseArgs, UsageError } from './io';
import type { CliIo } from './io';

export const SIZE_USAGE = `Usage: lambda-lens size [paths...] [--format text|json]

Measures the deployment package of every function in SAM / CloudFormation templates: the local
CodeUri / Code folder or .zip (or the newer .aws-sam/build output), plus template-defined layers.
Paths are template files or folders to search (default: .).

Options:
  --format text|json    output format (default: text)

Exit codes: 0 every package within Lambda's limits, 1 a package above ${formatBytes(QUOTAS.unzippedPackageBytes)} unzipped, 2 usage error or unreadable path.
`;

/** One function in `--format json`. Sizes are null when the code is not measurable locally (see `note`). */
export interface JsonSize {
  file: string;
  resource: string;
  codePath: string | null;
  files: number | null;
  unzippedBytes: number | null;
  zippedBytes: number | null;
  layersUnzippedBytes: number | null;
  externalLayers: string[];
  largest: Array<{ path: string; bytes: number }>;
  note?: string;
}

interface FileSizes {
  readonly path: string;
  readonly sizes: FunctionSize[];
}

export async function runSize(args: string[], io: CliIo): Promise<number> {
  let positional: string[];
  let format: string;
  try {
    const parsed = parseArgs(args, ['format'], ['help']);
    if (parsed.options.has('help')) {
      io.stdout(SIZE_USAGE);
      return EXIT.ok;
    }
    format = parsed.options.get('format')?.at(-1) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}"; use text or json`);
    positional = parsed.positional.length > 0 ? parsed.positional : ['.'];
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`lambda-lens size: ${e.message}\n\n${SIZE_USAGE}`);
    return EXIT.usage;
  }
  let files: string[];
  try {
    files = await findCandidates(io.cwd, positional);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`lambda-lens size: ${e.message}\n`);
    return EXIT.usage;
  }
  const service = new PackageSizeService();
  const results: FileSizes[] = [];
  const state = { unreadable: false };
  try {
    for await (const { path, template } of loadTemplates(io, 'size', files, state)) {
      if (template.isTemplate) results.push({ path, sizes: await measureTemplate(service, path, template) });
    }
  } finally {
    service.dispose();
  }
  if (format === 'json') io.stdout(`${JSON.stringify(toJson(io.cwd, results), null, 2)}\n`);
  else io.stdout(formatText(io.cwd, results));
  if (state.unreadable) return EXIT.usage;
  const over = results.some((r) => r.sizes.some((s) => s.status === 'measured' && s.totalUnzippedBytes > QUOTAS.unzippedPackageBytes));
  return over ? EXIT.findings : EXIT.ok;
}

function toJson(cwd: string, results: readonly FileSizes[]): JsonSize[] {
  return results.flatMap((r) =>
    r.sizes.map((s): JsonSize => {
      const file = displayPath(cwd, r.path);
      if (s.status !== 'measured') {
        return { file, resource: s.id, codePath: s.path ? displayPath(cwd, s.path) : null, files: null, unzippedBytes: null, zippedBytes: null, layersUnzippedBytes: null, externalLayers: [], largest: [], note: s.reason };
      }
      return {
        file,
        resource: s.id,
        codePath: displayPath(cwd, s.code.path),
        files: s.code.files,
        unzippedBytes: s.code.unzippedBytes,
        zippedBytes: s.code.zippedBytes,
        layersUnzippedBytes: s.layersUnzippedBytes,
        externalLayers: [...s.externalLayers],
        largest: s.code.largestFiles.map((e) => ({ path: e.path, bytes: e.bytes })),
      };
    }),
  );
}

function formatText(cwd: string, results: readonly FileSizes[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(displayPath(cwd, r.path));
    if (r.sizes.length === 0) lines.push('  no functions');
    const width = Math.max(0, ...r.sizes.map((s) => s.id.length));
    for (const s of r.sizes) {
      const name = s.id.padEnd(width);
      if (s.status !== 'measured') {
        lines.push(`  ${name}  not measured: ${s.reason}`);
        continue;
      }
      const mark = s.totalUnzippedBytes > QUOTAS.unzippedPackageBytes ? '✖ ' : nearLimit(s) ? '⚠ ' : '';
      const built = s.code.source === 'build' ? ', sam build output' : '';
      lines.push(`  ${name}  ${mark}${sizeSummary(s)}  (${displayPath(cwd, s.code.path)}${built})`);
      const largest = s.code.largestFolders.slice(0, 3).map((e) => `${e.path}/ ${formatBytes(e.bytes)}`).join(', ');
      if (largest) lines.push(`  ${' '.repeat(width)}  largest: ${largest}`);
      for (const l of s.layers) {
        lines.push(`  ${' '.repeat(width)}  layer ${l.id}: ${'problem' in l.result ? `not measured: ${l.result.problem}` : `${formatBytes(l.result.unzippedBytes)} unzipped`}`);
      }
      if (s.externalLayers.length > 0) lines.push(`  ${' '.repeat(width)}  not counted: ${s.externalLayers.join(', ')}`);
      if (s.code.unreadable.length > 0) lines.push(`  ${' '.repeat(width)}  unreadable, not counted: ${s.code.unreadable.map((u) => `${u.path} (${u.reason})`).join(', ')}`);
    }
  }
  if (results.length === 0) lines.push('No templates found.');
  return `${lines.join('\n')}\n`;
}
