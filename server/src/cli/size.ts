/** `lambda-lens size [template...]`: what each function's deployment package weighs, for people and CI. */
import { formatBytes } from '../bytes';
import { basisLabel, nearLimit, sizeSummary } from '../measure/format';
import { PackageSizeService } from '../measure/service';
import { measureTemplate } from '../measure/template';
import type { Basis, FunctionSize } from '../measure/types';
import { QUOTAS } from '../quotas';
import { codeBoundary, findCandidates, loadTemplates } from './files';
import { displayPath } from './formats';
import { EXIT, parseArgs, UsageError } from './io';
import type { CliIo } from './io';

export const SIZE_USAGE = `Usage: lambda-lens size [paths...] [--format text|json]

Predicts the deployment package of every function in SAM / CloudFormation templates and CDK cloud
assemblies (cdk.out), plus template-defined layers, and says what it measured (the basis):
  sam-build       the .aws-sam/build output, when newer than the source
  esbuild         BuildMethod esbuild: bundled in memory with the project's own esbuild
  npm-production  Node.js: the source without node_modules plus the production dependencies
  cdk-asset       the asset folder or .zip a CDK cloud assembly names
  folder / zip    the code folder or archive as it is (dependencies of other runtimes not counted)
Paths are template files or folders to search (default: .). Code must lie inside the current
folder (or, for a template outside it, inside the folder given on the command line).

Options:
  --format text|json    output format (default: text)

Exit codes: 0 every package within Lambda's limits, 1 a package above ${formatBytes(QUOTAS.unzippedPackageBytes)} unzipped, 2 usage error or unreadable path.
`;

/** One function in `--format json`. Sizes and basis are null when the code is not measured (see `note`). */
export interface JsonSize {
  file: string;
  resource: string;
  /** What was measured; see the usage text. */
  basis: Basis | null;
  /** True when the figure leaves out dependencies a build adds: not the deployed size. */
  partial: boolean;
  codePath: string | null;
  files: number | null;
  unzippedBytes: number | null;
  zippedBytes: number | null;
  layersUnzippedBytes: number | null;
  externalLayers: string[];
  largest: Array<{ path: string; bytes: number }>;
  /** For a bundle: the packages and source files that weigh most in its output. */
  modules: Array<{ name: string; bytes: number; importedBy?: string }>;
  /** Files left out (unreadable, special, links out of the code folder). */
  skipped: number;
  /** For `too-large`: the unzipped bytes seen before giving up. */
  atLeastBytes?: number;
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
      if (template.isTemplate) results.push({ path, sizes: await measureTemplate(service, path, template, codeBoundary(io.cwd, positional, path)) });
    }
  } finally {
    service.dispose();
  }
  if (format === 'json') io.stdout(`${JSON.stringify(toJson(io.cwd, results), null, 2)}\n`);
  else io.stdout(formatText(io.cwd, results));
  if (state.unreadable) return EXIT.usage;
  const over = results.some((r) => r.sizes.some((s) => overLimit(s)));
  return over ? EXIT.findings : EXIT.ok;
}

function toJson(cwd: string, results: readonly FileSizes[]): JsonSize[] {
  return results.flatMap((r) =>
    r.sizes.map((s): JsonSize => {
      const file = displayPath(cwd, r.path);
      if (s.status !== 'measured') {
        return {
          file, resource: s.id, basis: null, partial: false, codePath: s.path ? displayPath(cwd, s.path) : null, files: null, unzippedBytes: null, zippedBytes: null,
          layersUnzippedBytes: null, externalLayers: [], largest: [], modules: [], skipped: 0, ...(s.atLeastBytes !== undefined ? { atLeastBytes: s.atLeastBytes } : {}), note: s.reason,
        };
      }
      return {
        file,
        resource: s.id,
        basis: s.code.basis,
        partial: s.code.partial === true,
        codePath: displayPath(cwd, s.code.path),
        files: s.code.files,
        unzippedBytes: s.code.unzippedBytes,
        zippedBytes: s.code.zippedBytes,
        layersUnzippedBytes: s.layersUnzippedBytes,
        externalLayers: [...s.externalLayers],
        largest: s.code.largestFiles.map((e) => ({ path: e.path, bytes: e.bytes })),
        modules: (s.code.modules ?? []).map((m) => ({ name: m.name, bytes: m.bytes, ...(m.importedBy ? { importedBy: m.importedBy } : {}) })),
        skipped: s.code.skippedCount,
        ...(s.code.note ? { note: s.code.note } : {}),
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
      const mark = overLimit(s) ? '✖ ' : nearLimit(s) ? '⚠ ' : '';
      const pad = `  ${' '.repeat(width)}  `;
      lines.push(`  ${name}  ${mark}${sizeSummary(s)}  (${basisLabel(s.code)}: ${displayPath(cwd, s.code.path)})`);
      if (s.code.note) lines.push(`${pad}${s.code.note}`);
      const heaviest = (s.code.modules ?? []).slice(0, 3).map((m) => `${m.name} ${formatBytes(m.bytes)}`).join(', ');
      if (heaviest) lines.push(`${pad}heaviest: ${heaviest}`);
      const largest = s.code.largestFolders.slice(0, 3).map((e) => `${e.path}/ ${formatBytes(e.bytes)}`).join(', ');
      if (largest) lines.push(`${pad}largest: ${largest}`);
      for (const l of s.layers) {
        lines.push(`${pad}layer ${l.id}: ${'problem' in l.result ? `not measured: ${l.result.problem}` : `${formatBytes(l.result.unzippedBytes)} unzipped`}`);
      }
      if (s.externalLayers.length > 0) lines.push(`${pad}not counted: ${s.externalLayers.join(', ')}`);
      if (s.code.skippedCount > 0) {
        const more = s.code.skippedCount - s.code.skipped.length;
        lines.push(`${pad}not counted: ${s.code.skipped.map((u) => `${u.path} (${u.reason})`).join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`);
      }
    }
  }
  if (results.length === 0) lines.push('No templates found.');
  return `${lines.join('\n')}\n`;
}

/** Above the unzipped quota, measured or known to be at least that large. */
function overLimit(s: FunctionSize): boolean {
  if (s.status === 'measured') return s.totalUnzippedBytes > QUOTAS.unzippedPackageBytes;
  return s.status === 'too-large' && (s.atLeastBytes ?? 0) > QUOTAS.unzippedPackageBytes;
}
