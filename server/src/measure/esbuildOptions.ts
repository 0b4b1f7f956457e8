/**
 * The esbuild options `sam build` uses for a function with `Metadata.BuildMethod: esbuild`, as
 * aws-lambda-builders' esbuild workflow sets them: always `bundle` and `platform: node`; `target
 * es2020`, `format cjs` and `minify` unless the template sets them; every other build property passed
 * on; a boolean property only ever switches an option on. Entry points without an extension are
 * looked up as `.ts`, then `.js`, as the workflow does.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { readJsonObject } from './safeRead';
import type { EsbuildProperties } from './types';

/** SAM's defaults for the options a template may leave out. */
export const SAM_ESBUILD_DEFAULTS = { target: 'es2020', format: 'cjs', minify: true } as const;

/** The `External` entry that makes `sam build` leave every package.json dependency out of the bundle. */
const ALL_DEPENDENCIES = './node_modules/*';

/** Where the in-memory bundle pretends to be written; `write: false` keeps anything from landing there. */
export const VIRTUAL_OUTDIR = '.lambda-lens-bundle';

/** The options, or why `sam build` would refuse the function. */
export async function esbuildOptions(codeDir: string, props: EsbuildProperties): Promise<{ options: BuildOptions } | { problem: string }> {
  if (props.entryPoints.length === 0) return { problem: 'Metadata.BuildProperties.EntryPoints is missing or empty; sam build needs the entry files to bundle' };
  const entryPoints: string[] = [];
  for (const entry of props.entryPoints) {
    const found = explicitEntry(codeDir, entry);
    if (!found) return { problem: `entry point ${entry} does not exist in ${codeDir}${extname(entry) ? '' : ' (tried .ts and .js)'}` };
    entryPoints.push(found);
  }
  const options: BuildOptions = {
    absWorkingDir: codeDir,
    entryPoints,
    bundle: true,
    platform: 'node',
    outdir: join(codeDir, VIRTUAL_OUTDIR),
    write: false,
    metafile: true,
    logLevel: 'silent',
    target: (props.target ?? SAM_ESBUILD_DEFAULTS.target).split(',').map((t) => t.trim()).filter(Boolean),
    format: (props.format ?? SAM_ESBUILD_DEFAULTS.format) as BuildOptions['format'],
    minify: props.minify ?? SAM_ESBUILD_DEFAULTS.minify,
  };
  if (props.sourcemap) options.sourcemap = true;
  const external = props.external ?? [];
  if (external.includes(ALL_DEPENDENCIES)) options.external = await dependenciesOf(codeDir);
  else if (external.length > 0) options.external = [...external];
  if (props.loader) options.loader = pairs(props.loader) as BuildOptions['loader'];
  if (props.mainFields) options.mainFields = props.mainFields.split(',').map((f) => f.trim()).filter(Boolean);
  if (props.banner) options.banner = perLanguage(props.banner);
  if (props.footer) options.footer = perLanguage(props.footer);
  if (props.outExtension) options.outExtension = pairs(props.outExtension);
  return { options };
}

function explicitEntry(codeDir: string, entry: string): string | undefined {
  if (extname(entry)) return existsSync(join(codeDir, entry)) ? entry : undefined;
  return ['.ts', '.js'].map((ext) => entry + ext).find((e) => existsSync(join(codeDir, e)));
}

/** `['.png=file', '.svg=text']` -> `{ '.png': 'file', '.svg': 'text' }`, the CLI's `--loader:.png=file`. */
function pairs(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq > 0) out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** `js=// banner` -> `{ js: '// banner' }`; text without a language is JavaScript. */
function perLanguage(value: string): Record<string, string> {
  const m = /^(js|css)=/.exec(value);
  return m ? { [m[1]!]: value.slice(m[0].length) } : { js: value };
}

/** The package.json dependencies `sam build` marks external for `External: ['./node_modules/*']`. */
async function dependenciesOf(codeDir: string): Promise<string[]> {
  const manifest = await readJsonObject<{ dependencies?: Record<string, string> }>(join(codeDir, 'package.json'));
  return Object.keys(manifest?.dependencies ?? {});
}
