/**
 * `lambda-lens deployed [templates...]`: names the deployed function of every template function
 * (its stack from samconfig, cdk.out or --stack) and reports what differs from the template.
 * AWS calls go through the same session and client factory as the extension's explorer.
 */
import { basename, resolve } from 'node:path';
import { createClientFactory, type AwsClientFactory } from '../aws/clientFactory';
import { formatFailure } from '../aws/failure';
import { createSession } from '../aws/session';
import { listProfiles, sharedConfigFiles } from '../aws/sharedConfig';
import { driftLine, HIDDEN, type DriftValue } from '../deployed/drift';
import { describeLoadError, loadDeployedStack } from '../deployed/load';
import { deployedReport, type FunctionReport } from '../deployed/report';
import { findCandidates, isTemplateFileName } from './files';
import { displayPath } from './formats';
import { EXIT, parseArgs, UsageError } from './io';
import type { CliIo } from './io';

export const DEPLOYED_USAGE = `Usage: lambda-lens deployed [templates...] [options]

Names the deployed function of each template function and reports what was changed outside
CloudFormation: MemorySize, Timeout, Runtime, Handler, Architectures, EphemeralStorage, Layers,
environment variables, VpcConfig, ReservedConcurrentExecutions, and a LastModified after the
stack's last deploy. The stack is --stack, a cdk.out/<Stack>.template.json file name, or
stack_name in samconfig.toml (.yaml, .json) beside or above the template. Paths are template
files or folders to search (default: .). Credential-looking values are compared, never printed.

Options:
  --stack <name>         the stack (instead of samconfig); one template only
  --region <region>      the stack's region (default: samconfig region, the profile's, AWS_REGION)
  --profile <name>       AWS profile (default: samconfig profile, AWS_PROFILE, the environment)
  --config-env <env>     samconfig environment (default: default)
  --endpoint <url>       endpoint of every AWS service (LocalStack, moto)
  --format text|json     output format (default: text)

Exit codes: 0 no drift, 1 drift, 2 errors (no stack, no credentials, access denied, ...).
`;

/** One function in `--format json`. */
export interface JsonDeployed {
  file: string;
  resource: string;
  functionName: string;
  region: string;
  stack: string;
  drift: Array<{ property: string; template: DriftValue | null; deployed: DriftValue | null }>;
}

interface DeployedArgs {
  paths: string[];
  stack: string | undefined;
  region: string | undefined;
  profile: string | undefined;
  configEnv: string | undefined;
  endpoint: string | undefined;
  format: 'text' | 'json';
}

const last = (o: Map<string, string[]>, k: string): string | undefined => o.get(k)?.at(-1);

function parseDeployedArgs(args: string[]): DeployedArgs | 'help' {
  const { positional, options } = parseArgs(args, ['stack', 'region', 'profile', 'config-env', 'endpoint', 'format'], ['help']);
  if (options.has('help')) return 'help';
  const format = last(options, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}"; use text or json`);
  const endpoint = last(options, 'endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) throw new UsageError(`--endpoint takes a URL such as http://localhost:4566, got "${endpoint}"`);
  const region = last(options, 'region');
  if (region !== undefined && !/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/.test(region)) throw new UsageError(`--region takes a region id such as us-east-1, got "${region}"`);
  return {
    paths: positional.length ? positional : ['.'],
    stack: last(options, 'stack'),
    region,
    profile: last(options, 'profile'),
    configEnv: last(options, 'config-env'),
    endpoint,
    format,
  };
}

/** Runs the command; `env` supplies credentials (process.env from the shell). */
export async function runDeployed(args: string[], io: CliIo): Promise<number> {
  let parsed: DeployedArgs | 'help';
  let files: string[];
  try {
    parsed = parseDeployedArgs(args);
    if (parsed === 'help') {
      io.stdout(DEPLOYED_USAGE);
      return EXIT.ok;
    }
    files = await templateFiles(io.cwd, parsed.paths);
    if (parsed.stack && files.length > 1) throw new UsageError(`--stack names one stack, but ${files.length} templates were found; name the template too`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`lambda-lens deployed: ${e.message}\n\n${DEPLOYED_USAGE}`);
    return EXIT.usage;
  }
  const a = parsed;
  const env = io.env ?? process.env;
  const known = new Set(listProfiles(sharedConfigFiles(env)).map((p) => p.name));
  // samconfig's profile counts when the shared files have it; otherwise the environment's credentials do.
  const profileOf = (configured: string | undefined): string | undefined => a.profile ?? (configured && known.has(configured) ? configured : undefined);
  const factories = new Map<string, AwsClientFactory>();
  const factoryFor = (profile: string | undefined): AwsClientFactory => {
    const key = profile ?? '';
    let f = factories.get(key);
    if (!f) {
      const session = createSession({ profile, env, stsEndpoint: a.endpoint });
      f = createClientFactory(session, { endpoint: a.endpoint }, { onFailure: (failure) => failure.code !== 'ResourceNotFoundException' && io.stderr(`lambda-lens deployed: ${formatFailure(failure)}\n`) });
      factories.set(key, f);
    }
    return f;
  };
  try {
    const report = await deployedReport(files, {
      target: { configEnv: a.configEnv, explicit: a.stack ? { stack: a.stack, region: a.region, source: '--stack' } : undefined, region: a.region },
      explicit: new Set(a.paths.map((p) => resolve(io.cwd, p))),
      defaultRegion: (t) => factoryFor(profileOf(t.profile)).session.defaultRegion,
      load: async (t, region) => {
        const factory = factoryFor(profileOf(t.profile));
        if (factory.session.source.type === 'none') {
          throw new Error('No AWS credentials: no profile is selected and the environment has none. Pass --profile <name>, set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
        }
        try {
          return await loadDeployedStack(factory, t.stack, region);
        } catch (e) {
          throw new Error(`Stack ${t.stack} (${t.source}) in ${region}: ${describeLoadError(e, factory, region)}`);
        }
      },
    });
    for (const p of report.problems) io.stderr(`lambda-lens deployed: ${displayPath(io.cwd, p.file)}: ${p.message}\n`);
    if (a.format === 'json') io.stdout(`${JSON.stringify(report.functions.map((r) => toJson(io.cwd, r)), null, 2)}\n`);
    else io.stdout(formatDeployedText(io.cwd, report.functions));
    if (report.problems.some((p) => p.error)) return EXIT.usage;
    return report.functions.some((r) => r.drift.length > 0) ? EXIT.findings : EXIT.ok;
  } finally {
    for (const f of factories.values()) f.dispose();
  }
}

/** The templates to compare: files as named, folders searched for template-named files. */
async function templateFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const explicit = paths.map((p) => resolve(cwd, p));
  const found = await findCandidates(cwd, paths);
  // A folder search keeps template-named files; a file named on the command line is always kept.
  const keep = found.filter((f) => explicit.includes(f) || isTemplateFileName(basename(f)));
  if (keep.length === 0) throw new UsageError(`no template found in ${paths.join(', ')}; name the template file`);
  return keep;
}

const masked = (v: DriftValue | null, secret: boolean): DriftValue | null => (secret && v !== null ? HIDDEN : v);

/** The JSON shape of one function. */
export function toJson(cwd: string, r: FunctionReport): JsonDeployed {
  return {
    file: displayPath(cwd, r.file),
    resource: r.resource,
    functionName: r.functionName,
    region: r.region,
    stack: r.stack,
    drift: r.drift.map((d) => ({ property: d.property, template: masked(d.template, d.secret), deployed: masked(d.deployed, d.secret) })),
  };
}

function formatDeployedText(cwd: string, reports: readonly FunctionReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const head = `${displayPath(cwd, r.file)}  ${r.resource} -> ${r.functionName} (stack ${r.stack}, ${r.region})`;
    if (r.drift.length === 0) {
      lines.push(`${head}: no drift`);
      continue;
    }
    lines.push(head);
    for (const d of r.drift) {
      const at = r.template.lines.positionAt(d.range.start);
      lines.push(`  ${displayPath(cwd, r.file)}:${at.line + 1}:${at.character + 1}  ${driftLine(d)}`);
    }
  }
  const drifted = reports.filter((r) => r.drift.length > 0).length;
  lines.push(`${reports.length} function${reports.length === 1 ? '' : 's'}, ${drifted} with drift.`);
  return `${lines.join('\n')}\n`;
}
