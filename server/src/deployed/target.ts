/**
 * Which stack a template was deployed as, by the first of: an explicit choice (`--stack`, the
 * `lambdaLens.deployed.stacks` setting), a CDK synth output (`cdk.out/<Stack>.template.json`), or a
 * SAM configuration beside or above the template. A template reached from the configured one
 * through a nested stack (`AWS::Serverless::Application` `Location`, `AWS::CloudFormation::Stack`
 * `TemplateURL` as a local path) maps to that nested stack.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { get, str } from '../template/ast';
import { buildTemplate, type Resource } from '../template/model';
import { DEFAULT_CONFIG_ENV, foldersUp, readSamConfig, samConfigIn } from './samconfig';
import type { StackTarget } from './types';

/** An explicit stack for a template, from a flag or a setting. */
export interface ExplicitStack {
  stack: string;
  region?: string | undefined;
  source: string;
}

/** Inputs to {@link findStackTarget}. */
export interface TargetOptions {
  /** `--config-env` / `lambdaLens.deployed.configEnv`; `default` when unset. */
  configEnv?: string | undefined;
  /** An explicit stack for this template, which wins over everything found on disk. */
  explicit?: ExplicitStack | undefined;
}

/** The names SAM looks for when no `template_file` is configured. */
const DEFAULT_TEMPLATES = ['template.yaml', 'template.yml', 'template.json'];
/** Nested templates are followed this deep when looking for the one being edited. */
const MAX_NESTING = 4;
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;
const CDK_TEMPLATE = /^(.+)\.template\.json$/;

/** The stack of the template at `path`, or undefined when nothing names one. */
export async function findStackTarget(path: string, opts: TargetOptions = {}): Promise<StackTarget | undefined> {
  const file = resolve(path);
  if (opts.explicit) return { stack: opts.explicit.stack, region: opts.explicit.region, source: opts.explicit.source, nestedPath: [] };
  const cdk = CDK_TEMPLATE.exec(basename(file));
  if (cdk && basename(dirname(file)) === 'cdk.out' && !cdk[1]!.endsWith('.nested')) return { stack: cdk[1]!, region: undefined, source: 'cdk.out', nestedPath: [] };
  const env = opts.configEnv || DEFAULT_CONFIG_ENV;
  for (const dir of foldersUp(dirname(file))) {
    const configFile = await samConfigIn(dir);
    if (!configFile) continue;
    const config = await readSamConfig(configFile, env);
    if (!config.stackName) continue;
    const base = { stack: config.stackName, region: config.region, profile: config.profile, source: basename(configFile) };
    const roots = config.templateFile ? [resolveFrom(dir, config.templateFile)] : DEFAULT_TEMPLATES.map((n) => join(dir, n));
    // A config beside the template is its own, whatever the template is called.
    if (dir === dirname(file) && !config.templateFile) return { ...base, nestedPath: [] };
    for (const root of roots) {
      if (root === file) return { ...base, nestedPath: [] };
      const nested = await nestedPathTo(root, file, MAX_NESTING);
      if (nested) return { ...base, nestedPath: nested };
    }
    // The nearest configuration decides: a template it does not deploy has no known stack.
    return undefined;
  }
  return undefined;
}

function resolveFrom(dir: string, p: string): string {
  return isAbsolute(p) ? p : resolve(dir, p);
}

/** Logical ids of nested stacks leading from template `from` to file `to`, if it is one of them. */
export async function nestedPathTo(from: string, to: string, depth: number): Promise<string[] | undefined> {
  if (depth <= 0) return undefined;
  const st = await fs.stat(from).catch(() => undefined);
  if (!st?.isFile() || st.size > MAX_TEMPLATE_BYTES) return undefined;
  const t = buildTemplate(await fs.readFile(from, 'utf8'));
  for (const r of t.resources.values()) {
    const location = localNestedTemplate(r);
    if (!location) continue;
    const child = resolveFrom(dirname(from), location);
    if (child === to) return [r.id];
    const deeper = await nestedPathTo(child, to, depth - 1);
    if (deeper) return [r.id, ...deeper];
  }
  return undefined;
}

/**
 * The local path of a nested stack's template (`Location` of an AWS::Serverless::Application,
 * `TemplateURL` of an AWS::CloudFormation::Stack), relative to the parent template; undefined for
 * other resources and for templates already uploaded (an S3 or HTTPS URL).
 */
export function localNestedTemplate(r: Pick<Resource, 'type' | 'properties'>): string | undefined {
  const location = r.type === 'AWS::Serverless::Application' ? str(get(r.properties, 'Location')) : r.type === 'AWS::CloudFormation::Stack' ? str(get(r.properties, 'TemplateURL')) : undefined;
  return location && !/^(https?|s3):\/\//.test(location) ? location : undefined;
}
