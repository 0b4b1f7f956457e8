/**
 * Refreshes server/src/data/sam-translator.json from the AWS SAM translator's own source (the
 * `samtranslator` package of aws/serverless-application-model, Apache-2.0):
 *   - the value checks the translator applies to every SAM resource's and event's properties (the
 *     `property_types` tables of samtranslator/model: `PropertyType(required, validator)`), which
 *     are stricter than SAM's JSON Schema in places (a number where it reads a string);
 *   - the SAM policy templates with their parameter names (policy_templates_data/policy_templates.json).
 * Usage: `npm run sam-data -- <path to the samtranslator folder> [output file]` (the folder of the
 * `aws-sam-translator` Python package works). The output is deterministic.
 *
 * Written types, one string per property:
 *   `s` string, `d` map, `b` boolean, `i` integer, `l` list, `*` anything,
 *   `[T` list of T, `{T` map of T, `(T|T)` one of, `e(A,B)` one of these strings;
 *   prefix `!` required, `=` an intrinsic function is not accepted in its place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(__dirname, '..', 'server', 'src', 'data', 'sam-translator.json');

/** Which modules hold which SAM resource type's event sources (the `event_resolver` of each). */
const EVENT_MODULES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Function': ['model/eventsources/pull.py', 'model/eventsources/push.py', 'model/eventsources/cloudwatchlogs.py', 'model/eventsources/scheduler.py'],
  'AWS::Serverless::StateMachine': ['model/stepfunctions/events.py', 'model/eventsources/scheduler.py'],
};
const RESOURCE_MODULE = 'model/sam_resources.py';

interface PyClass {
  readonly name: string;
  readonly bases: readonly string[];
  resourceType?: string;
  /** Own entries and `**Base.property_types` spreads, in order. */
  readonly entries: Array<{ key: string; type: string } | { spread: string }>;
  hasTable: boolean;
}

/** The classes of one module with their `resource_type` and `property_types` table. */
function classesOf(source: string): Map<string, PyClass> {
  const out = new Map<string, PyClass>();
  let current: PyClass | undefined;
  let inTable = false;
  for (const line of source.split('\n')) {
    const cls = /^class (\w+)(?:\(([^)]*)\))?:/.exec(line);
    if (cls) {
      current = { name: cls[1]!, bases: (cls[2] ?? '').split(',').map((b) => b.trim()).filter((b) => b && !b.includes('=')), entries: [], hasTable: false };
      out.set(current.name, current);
      inTable = false;
      continue;
    }
    if (!current) continue;
    const type = /^ {4}resource_type(?:: str)? = "([^"]+)"/.exec(line);
    if (type) current.resourceType = type[1]!;
    const table = /^ {4}property_types(?:: [^=]+)? = \{(.*)$/.exec(line);
    if (table) {
      current.hasTable = true;
      // A table written on one line: `{"SkillId": PropertyType(False, IS_STR)}`.
      if (table[1]!.trim().endsWith('}')) entriesOf(table[1]!.trim().slice(0, -1), current);
      else inTable = true;
      continue;
    }
    if (inTable) {
      if (/^ {4}\}/.test(line)) inTable = false;
      else entriesOf(line, current);
    }
  }
  return out;
}

function entriesOf(text: string, cls: PyClass): void {
  const spread = /\*\*(\w+)\.property_types/.exec(text);
  if (spread) cls.entries.push({ spread: spread[1]! });
  for (const m of text.matchAll(/"(\w+)": ((?:PropertyType|Property|PassThroughProperty|MutatedPassThroughProperty)\(.*?\))(?=,\s*(?:"|$|#)|\s*$)/g)) {
    cls.entries.push({ key: m[1]!, type: encodeProperty(m[2]!) });
  }
}

// ---- the validator expressions: a small parser for the calls the tables use ----

interface Call { readonly fn: string; readonly args: readonly Arg[] }
type Arg = Call | string | readonly string[];

function parseExpr(text: string): Call {
  let i = 0;
  const skip = () => { while (text[i] === ' ') i++; };
  const arg = (): Arg => {
    skip();
    if (text[i] === '[') {
      const end = text.indexOf(']', i);
      const items = [...text.slice(i + 1, end).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
      i = end + 1;
      return items;
    }
    const name = /^\w+/.exec(text.slice(i))![0];
    i += name.length;
    skip();
    if (text[i] !== '(') return name;
    i++;
    const args: Arg[] = [];
    for (;;) {
      skip();
      if (text[i] === ')') { i++; return { fn: name, args }; }
      args.push(arg());
      skip();
      if (text[i] === ',') i++;
    }
  };
  const c = arg();
  if (typeof c === 'string' || Array.isArray(c)) throw new Error(`not a call: ${text}`);
  return c as Call;
}

const SIMPLE: Readonly<Record<string, string>> = { IS_STR: 's', IS_DICT: 'd', IS_BOOL: 'b', IS_INT: 'i', IS_LIST: 'l' };

function encodeValidator(a: Arg | undefined): string {
  if (a === undefined) return '*';
  if (typeof a === 'string') {
    const simple = SIMPLE[a];
    if (!simple) throw new Error(`unknown validator ${a}`);
    return simple;
  }
  if (Array.isArray(a)) throw new Error('unexpected list');
  const c = a as Call;
  switch (c.fn) {
    case 'any_type':
      return '*';
    case 'list_of':
      return `[${encodeValidator(c.args[0])}`;
    case 'dict_of':
      return `{${encodeValidator(c.args[1])}`;
    case 'one_of': {
      const parts = [...new Set(c.args.map(encodeValidator))];
      return parts.length === 1 ? parts[0]! : `(${parts.join('|')})`;
    }
    case 'IS_STR_ENUM':
      return `e(${(c.args[0] as readonly string[]).join(',')})`;
    default:
      throw new Error(`unknown validator ${c.fn}`);
  }
}

function encodeProperty(text: string): string {
  const c = parseExpr(text);
  const required = c.args[0] === 'True' ? '!' : '';
  switch (c.fn) {
    case 'PassThroughProperty':
    case 'MutatedPassThroughProperty':
      return `${required}*`;
    case 'Property':
      return `${required}=${encodeValidator(c.args[1])}`;
    case 'PropertyType':
      // The third argument is supports_intrinsics (default True).
      return `${required}${c.args[2] === 'False' ? '=' : ''}${encodeValidator(c.args[1])}`;
    default:
      throw new Error(`unknown property kind ${c.fn}`);
  }
}

/** The effective table of a class: its bases' tables (when it has none of its own) and spreads resolved. */
function tableOf(cls: PyClass, classes: ReadonlyMap<string, PyClass>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!cls.hasTable) {
    for (const b of cls.bases) { const base = classes.get(b); if (base) Object.assign(out, tableOf(base, classes)); }
    return out;
  }
  for (const e of cls.entries) {
    if ('spread' in e) { const base = classes.get(e.spread); if (base) Object.assign(out, tableOf(base, classes)); }
    else out[e.key] = e.type;
  }
  return out;
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

function main(): void {
  const [root, out = OUT] = process.argv.slice(2);
  if (!root) throw new Error('usage: npm run sam-data -- <path to the samtranslator folder> [output file]');
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const version = /__version__ = "([^"]+)"/.exec(read('__init__.py'))![1]!;

  const resources: Record<string, Record<string, string>> = {};
  const resourceClasses = classesOf(read(RESOURCE_MODULE));
  for (const cls of resourceClasses.values()) {
    if (cls.resourceType?.startsWith('AWS::Serverless::') && cls.hasTable) resources[cls.resourceType] = sorted(tableOf(cls, resourceClasses));
  }

  const events: Record<string, Record<string, Record<string, string>>> = {};
  for (const [samType, modules] of Object.entries(EVENT_MODULES)) {
    const byEvent: Record<string, Record<string, string>> = {};
    for (const m of modules) {
      const classes = classesOf(read(m));
      for (const cls of classes.values()) {
        if (!cls.resourceType) continue;
        const table = tableOf(cls, classes);
        if (Object.keys(table).length > 0) byEvent[cls.resourceType] = sorted(table);
      }
    }
    events[samType] = sorted(byEvent);
  }

  const templates = (JSON.parse(read('policy_templates_data/policy_templates.json')) as { Templates: Record<string, { Parameters: Record<string, unknown> }> }).Templates;
  const policyTemplates = sorted(Object.fromEntries(Object.entries(templates).map(([name, t]) => [name, Object.keys(t.Parameters).sort()])));

  const data = { source: `aws/serverless-application-model samtranslator ${version}`, resources: sorted(resources), events: sorted(events), policyTemplates };
  writeFileSync(out, `${JSON.stringify(data)}\n`);
  process.stdout.write(`wrote ${out}: ${Object.keys(resources).length} resource types, ${Object.values(events).reduce((n, e) => n + Object.keys(e).length, 0)} event types, ${Object.keys(policyTemplates).length} policy templates\n`);
}

main();
