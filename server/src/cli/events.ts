/**
 * `lambda-lens events list|generate`: the sample-event catalogue on the command line, like
 * `sam local generate-event`, filled from a template's function when one is named.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { COMMON_PARAMS, EVENTS, EventCatalogueError, eventById, generateEvent, listEvents, pickParams } from '../events/catalogue';
import type { ParamValue } from '../events/catalogue';
import { eventContext } from '../events/context';
import { functionById, functionsOf } from '../template/functions';
import { buildTemplate } from '../template/model';
import { EXIT, parseArgs, UsageError } from './io';
import type { CliIo } from './io';

export const EVENTS_USAGE = `Usage: lambda-lens events list [--format text|json]
       lambda-lens events generate <event-id> [--template <file> --function <logicalId>] [--set key=value]...

list       the event types of the catalogue (json: [{ "id", "service", "title" }])
generate   prints one event as JSON. Values come from --set, then from the template's function
           (its bucket, queue, stream, API route, schedule, user pool), then the examples.
           --set region=... and --set account=... set the Region and account in ARNs.

Exit codes: 0 ok, 2 unknown event id or key, unreadable template, or other usage error.
`;

/** Runs `events <sub> ...` and returns the exit code. */
export async function runEvents(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout(EVENTS_USAGE);
      return EXIT.ok;
    }
    if (sub === 'list') return list(rest, io);
    if (sub === 'generate') return await generate(rest, io);
    throw new UsageError(`unknown subcommand "${sub}"`);
  } catch (e) {
    if (!(e instanceof UsageError) && !(e instanceof EventCatalogueError)) throw e;
    io.stderr(`lambda-lens events: ${e.message}\n`);
    if (e instanceof UsageError) io.stderr(`\n${EVENTS_USAGE}`);
    return EXIT.usage;
  }
}

function list(args: string[], io: CliIo): number {
  const { positional, options } = parseArgs(args, ['format']);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const format = options.get('format')?.at(-1) ?? 'text';
  if (format === 'json') {
    io.stdout(`${JSON.stringify(listEvents(), null, 2)}\n`);
    return EXIT.ok;
  }
  if (format !== 'text') throw new UsageError(`--format must be text or json, not "${format}"`);
  const idWidth = Math.max(...EVENTS.map((e) => e.id.length));
  const serviceWidth = Math.max(...EVENTS.map((e) => e.service.length));
  for (const e of EVENTS) io.stdout(`${e.id.padEnd(idWidth)}  ${e.service.padEnd(serviceWidth)}  ${e.title}\n`);
  io.stdout(`${EVENTS.length} event types\n`);
  return EXIT.ok;
}

async function generate(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['template', 'function', 'set']);
  const [id, extra] = positional;
  if (id === undefined) throw new UsageError('generate needs an event id (see `lambda-lens events list`)');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const def = eventById(id);
  if (!def) throw new EventCatalogueError(unknownId(id));
  const set = parseSets(options.get('set') ?? []);
  const templatePath = options.get('template')?.at(-1);
  const functionId = options.get('function')?.at(-1);
  let fromTemplate: Record<string, ParamValue> = {};
  if (templatePath !== undefined || functionId !== undefined) {
    if (templatePath === undefined) throw new UsageError('--function needs --template <file>');
    fromTemplate = await templateValues(resolve(io.cwd, templatePath), templatePath, functionId, set);
  }
  const event = generateEvent(id, { ...pickParams(def, fromTemplate), ...set });
  io.stdout(`${JSON.stringify(event, null, 2)}\n`);
  return EXIT.ok;
}

function unknownId(id: string): string {
  const near = EVENTS.filter((e) => e.id.startsWith(id.split('-')[0] ?? id)).map((e) => e.id);
  return `unknown event "${id}"${near.length ? `; ${near.slice(0, 6).join(', ')} exist` : ''}. Run \`lambda-lens events list\` for every id.`;
}

function parseSets(sets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${s}"`);
    // Defined, not assigned: assigning `__proto__` would set the prototype and drop the key unseen.
    Object.defineProperty(out, s.slice(0, eq), { value: s.slice(eq + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

async function templateValues(path: string, shown: string, functionId: string | undefined, set: Record<string, string>): Promise<Record<string, ParamValue>> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read template ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const t = buildTemplate(text);
  if (!t.isTemplate) throw new UsageError(`${shown} is not a SAM or CloudFormation template`);
  const functions = functionsOf(t).map((f) => f.id);
  const chosen = functionId ?? (functions.length === 1 ? functions[0] : undefined);
  if (chosen === undefined || !functionById(t, chosen)) {
    const which = functionId === undefined ? 'name one with --function' : `no function "${functionId}"`;
    throw new UsageError(`${which} in ${shown}; functions: ${functions.join(', ') || 'none'}`);
  }
  const region = set.region ?? String(COMMON_PARAMS.region!.default);
  const account = set.account ?? String(COMMON_PARAMS.account!.default);
  return eventContext(t, chosen, { region, account }).values;
}
