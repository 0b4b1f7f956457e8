/**
 * SAM CLI configuration files: `samconfig.toml`, `samconfig.yaml` / `.yml` or `samconfig.json`,
 * read the way `sam deploy` reads them: `[<env>.deploy.parameters]` first, then
 * `[<env>.global.parameters]`, with `default` as the environment.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** The file names SAM CLI reads, in the order it prefers them. */
export const SAMCONFIG_NAMES: readonly string[] = ['samconfig.toml', 'samconfig.yaml', 'samconfig.yml', 'samconfig.json'];

/** The default config environment of `sam deploy`. */
export const DEFAULT_CONFIG_ENV = 'default';

/** What one environment of a samconfig file says about deploying. */
export interface SamConfig {
  /** Absolute path of the file. */
  file: string;
  env: string;
  stackName: string | undefined;
  region: string | undefined;
  profile: string | undefined;
  /** `template_file`, as written (relative to the file's folder). */
  templateFile: string | undefined;
}

/** Raised when a samconfig file cannot be parsed: its path and the parser's reason. */
export class SamConfigError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file} cannot be read: ${reason}`);
    this.name = 'SamConfigError';
  }
}

/** Folders searched above a template at most (a template deep inside a monorepo still finds its config). */
const MAX_LEVELS = 12;
/** samconfig files are a few hundred bytes; a huge one is not a SAM config. */
const MAX_BYTES = 1024 * 1024;

type Table = Record<string, unknown>;
const table = (v: unknown): Table | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Parses a samconfig file's text; throws {@link SamConfigError} on a syntax error. */
export function parseSamConfig(file: string, source: string, env = DEFAULT_CONFIG_ENV): SamConfig {
  let doc: unknown;
  try {
    const name = basename(file);
    doc = name.endsWith('.toml') ? parseToml(source) : name.endsWith('.json') ? JSON.parse(source) : parseYaml(source, { maxAliasCount: 100 });
  } catch (e) {
    throw new SamConfigError(file, (e as Error).message.split('\n')[0] ?? String(e));
  }
  const envTable = table(table(doc)?.[env]);
  const pick = (key: string): string | undefined =>
    text(table(table(envTable?.deploy)?.parameters)?.[key]) ?? text(table(table(envTable?.global)?.parameters)?.[key]);
  return { file, env, stackName: pick('stack_name'), region: pick('region'), profile: pick('profile'), templateFile: pick('template_file') ?? pick('template') };
}

/** The samconfig file of a folder, if it has one (the first of {@link SAMCONFIG_NAMES}). */
export async function samConfigIn(dir: string): Promise<string | undefined> {
  for (const name of SAMCONFIG_NAMES) {
    const path = join(dir, name);
    const st = await fs.stat(path).catch(() => undefined);
    if (st?.isFile()) return path;
  }
  return undefined;
}

/** Reads and parses one samconfig file. */
export async function readSamConfig(file: string, env = DEFAULT_CONFIG_ENV): Promise<SamConfig> {
  const st = await fs.stat(file);
  if (st.size > MAX_BYTES) throw new SamConfigError(file, `it is ${st.size} bytes, larger than any SAM configuration`);
  return parseSamConfig(file, await fs.readFile(file, 'utf8'), env);
}

/** Folders from `dir` up to the file-system root (at most {@link MAX_LEVELS}). */
export function foldersUp(dir: string): string[] {
  const out: string[] = [];
  let cur = dir;
  for (let i = 0; i < MAX_LEVELS; i++) {
    out.push(cur);
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return out;
}
