/** `lambda-lens check [paths...]`: validates templates for CI, with text, JSON or SARIF output. */
import { resolve } from 'node:path';
import type { Template } from '../template/model';
import { isRefusal } from '../template/parse';
import { validate } from '../rules/engine';
import { RULES } from '../rules/index';
import type { RuleLevel, ValidationOptions } from '../rules/types';
import { QUOTAS } from '../quotas';
import { PackageSizeService } from '../measure/service';
import type { Boundary } from '../measure/service';
import { measureTemplate } from '../measure/template';
import { codeBoundary, findCandidates, loadTemplates } from './files';
import { displayPath, formatSarif, formatText, toJsonFindings } from './formats';
import type { FileResult } from './formats';
import { EXIT, parseArgs, UsageError } from './io';
import type { CliIo } from './io';

export const CHECK_USAGE = `Usage: lambda-lens check [paths...] [options]

Validates SAM / CloudFormation templates. Paths are files or folders (default: .); folders are
searched for *.yaml, *.yml, *.json and *.template files that are templates, skipping node_modules,
.git, .aws-sam and cdk.out.

Options:
  --format text|json|sarif     output format (default: text)
  --rule <id>=<level|off>      set a rule's level: error, warning, information or off (repeatable)
  --account-concurrency <n>    account concurrency limit for limits/reserved-concurrency (default: ${QUOTAS.defaultAccountConcurrency})

Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage error or unreadable path.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
const LEVELS: readonly string[] = ['off', 'error', 'warning', 'information'];

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCheckArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`lambda-lens check: ${e.message}\n\n${CHECK_USAGE}`);
    return EXIT.usage;
  }
  if (parsed.help) {
    io.stdout(CHECK_USAGE);
    return EXIT.ok;
  }
  let files: string[];
  try {
    files = await findCandidates(io.cwd, parsed.paths);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`lambda-lens check: ${e.message}\n`);
    return EXIT.usage;
  }
  const explicit = new Set(parsed.paths.map((p) => resolve(io.cwd, p)));
  const results: FileResult[] = [];
  const state = { unreadable: false };
  let templates = 0;
  // Idle measurement workers do not keep the process alive; dispose stops them at the end.
  const service = new PackageSizeService();
  try {
    for await (const { path, template } of loadTemplates(io, 'check', files, state)) {
      if (!template.isTemplate && !template.problems.some(isRefusal)) {
        if (explicit.has(path)) io.stderr(`lambda-lens check: ${displayPath(io.cwd, path)} is not a CloudFormation or SAM template; skipped.\n`);
        continue;
      }
      templates++;
      const options: ValidationOptions = { ...parsed.options, templatePath: path, ...(await packageSizes(service, path, template, parsed.options, codeBoundary(io.cwd, parsed.paths, path))) };
      const diagnostics = validate(template, options, (rule, error) => {
        io.stderr(`lambda-lens check: rule ${rule} failed on ${displayPath(io.cwd, path)}: ${(error as Error).message}\n`);
      });
      results.push({ path, template, diagnostics });
    }
  } finally {
    service.dispose();
  }

  if (parsed.format === 'json') io.stdout(`${JSON.stringify(toJsonFindings(io.cwd, results), null, 2)}\n`);
  else if (parsed.format === 'sarif') io.stdout(formatSarif(io.cwd, results));
  else io.stdout(formatText(io.cwd, results, templates));

  if (state.unreadable) return EXIT.usage;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
}

/** Measures local packages for limits/package-size, unless that rule is turned off. */
async function packageSizes(service: PackageSizeService, path: string, template: Template, options: ValidationOptions, boundary: Boundary): Promise<Pick<ValidationOptions, 'packageSizes'>> {
  if (options.ruleLevels['limits/package-size'] === 'off' || !template.isTemplate) return {};
  const byId = new Map((await measureTemplate(service, path, template, boundary)).map((s) => [s.id, s]));
  return { packageSizes: { get: (id) => byId.get(id) } };
}

interface CheckArgs {
  readonly help: boolean;
  readonly paths: string[];
  readonly format: (typeof FORMATS)[number];
  readonly options: ValidationOptions;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const { positional, options } = parseArgs(args, ['format', 'rule', 'account-concurrency'], ['help']);
  const format = options.get('format')?.at(-1) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use text, json or sarif`);
  const known = new Set(RULES.map((r) => r.meta.id));
  const ruleLevels: Record<string, RuleLevel> = {};
  for (const spec of options.get('rule') ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m) throw new UsageError(`--rule takes <id>=<level>, got "${spec}"`);
    const [, id, level] = m as unknown as [string, string, string];
    if (!known.has(id)) throw new UsageError(`unknown rule "${id}"; run \`lambda-lens rules\` to list them`);
    if (!LEVELS.includes(level)) throw new UsageError(`unknown level "${level}" for ${id}; use error, warning, information or off`);
    ruleLevels[id] = level as RuleLevel;
  }
  const concurrency = options.get('account-concurrency')?.at(-1);
  const accountConcurrencyLimit = concurrency === undefined ? QUOTAS.defaultAccountConcurrency : Number(concurrency);
  if (!Number.isInteger(accountConcurrencyLimit) || accountConcurrencyLimit < 1) {
    throw new UsageError(`--account-concurrency takes a positive whole number, got "${concurrency}"`);
  }
  return {
    help: options.has('help'),
    paths: positional.length > 0 ? positional : ['.'],
    format: format as CheckArgs['format'],
    options: { accountConcurrencyLimit, today: new Date(), ruleLevels, reportSyntax: true },
  };
}
