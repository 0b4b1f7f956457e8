/**
 * The sample trigger-event catalogue: one JSON data file per event type (data/*.json, written from the
 * documented AWS event shapes) and the typed access to it. Events are generated, not copied: fields that
 * AWS computes (SQS md5OfBody, base64 record data, gzip-compressed CloudWatch Logs data, ids and
 * timestamps) are computed from the parameters on every call. Shared by the extension and the CLI.
 */
import { EVENT_DATA } from './data/index';
import { ENCODINGS, defaultEnv, generatedValues, placeholdersIn, substitute } from './substitute';
import type { Encoding, GenerateEnv, Json } from './substitute';

export type { GenerateEnv, Json } from './substitute';

/** A value a parameter can take. */
export type ParamValue = string | number | boolean;

/** One placeholder an event takes, with the example used when nothing better is known. */
export interface EventParam {
  readonly default: ParamValue;
  readonly description: string;
}

/** A field computed from a parameter or a part (md5 of the body, base64 of the data, ...). */
export interface DerivedField {
  readonly from: string;
  readonly encode: Encoding;
}

/** One event type of the catalogue. */
export interface EventDefinition {
  /** Kebab-case id, e.g. `sqs-receive-message`. */
  readonly id: string;
  /** The AWS service that sends it, as in its service principal (`sqs`, `cognito-idp`). */
  readonly service: string;
  readonly title: string;
  /** The AWS page documenting this event shape. */
  readonly docs: string;
  /** Parameters, including `region` and `account` when the event carries them. */
  readonly params: Readonly<Record<string, EventParam>>;
  /** Sub-documents built first and then encoded into derived fields (the CloudWatch Logs message). */
  readonly parts: Readonly<Record<string, Json>>;
  readonly derived: Readonly<Record<string, DerivedField>>;
  /** The event with `{{placeholders}}`. */
  readonly template: Json;
}

/** Parameters every event takes. */
export const COMMON_PARAMS: Readonly<Record<string, EventParam>> = {
  region: { default: 'us-east-1', description: 'AWS Region' },
  account: { default: '123456789012', description: 'AWS account id' },
};

/** A request the catalogue cannot serve: an unknown event id, parameter or value. */
export class EventCatalogueError extends Error {}

/** Every event type, sorted by id. */
export const EVENTS: readonly EventDefinition[] = EVENT_DATA.map(toDefinition).sort((a, b) => a.id.localeCompare(b.id));

const BY_ID = new Map(EVENTS.map((e) => [e.id, e]));

/** The event type with that id, if any. */
export function eventById(id: string): EventDefinition | undefined {
  return BY_ID.get(id);
}

/** `{ id, service, title }` of every event, as `events list --format json` prints it. */
export function listEvents(): Array<{ id: string; service: string; title: string }> {
  return EVENTS.map((e) => ({ id: e.id, service: e.service, title: e.title }));
}

/**
 * Generates one event. `values` override parameter defaults; strings are converted to the
 * parameter's type (so `--set size=2048` gives a number). Throws EventCatalogueError for an unknown
 * id, parameter or an unusable value, with a message saying what is accepted.
 */
export function generateEvent(id: string, values: Readonly<Record<string, ParamValue>> = {}, env: GenerateEnv = defaultEnv()): Json {
  const def = eventById(id);
  if (!def) throw new EventCatalogueError(`unknown event "${id}"${suggest(id, EVENTS.map((e) => e.id))}. Run \`lambda-lens events list\` for the ids.`);
  const params = resolveParams(def, values);
  const gen = generatedValues(env);
  const base = (name: string): Json | undefined => params[name] ?? gen.fixed[name] ?? gen.fresh[name]?.();
  const parts: Record<string, Json> = {};
  for (const [name, part] of Object.entries(def.parts)) parts[name] = substitute(part, base);
  const derived: Record<string, Json> = {};
  for (const [name, d] of Object.entries(def.derived)) {
    const source = parts[d.from] ?? params[d.from];
    if (source === undefined) throw new Error(`event ${def.id}: derived field ${name} reads unknown ${d.from}`);
    try {
      derived[name] = ENCODINGS[d.encode](source);
    } catch (e) {
      throw new EventCatalogueError(`${d.from} for ${def.id} cannot be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return substitute(def.template, (name) => derived[name] ?? parts[name] ?? base(name));
}

/**
 * The subset of `values` that `def` takes: context filling knows region, account, bucket, queue and
 * more, and each event keeps only the names it has.
 */
export function pickParams(def: EventDefinition, values: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(values)) if (Object.hasOwn(def.params, k)) out[k] = v;
  return out;
}

/** The parameter values for one generation: defaults overridden by `values`, each of the right type. */
export function resolveParams(def: EventDefinition, values: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, p] of Object.entries(def.params)) out[name] = p.default;
  for (const [name, raw] of Object.entries(values)) {
    // Own keys only: `constructor`, `toString` or `__proto__` are no parameters of any event.
    const p = Object.hasOwn(def.params, name) ? def.params[name] : undefined;
    if (!p) {
      const why = Object.hasOwn(def.derived, name) ? ` (it is computed from ${def.derived[name]!.from})` : '';
      throw new EventCatalogueError(
        `unknown key "${name}" for ${def.id}${why}. Keys: ${Object.keys(def.params).join(', ')}.`,
      );
    }
    out[name] = coerce(def.id, name, p.default, raw);
  }
  return out;
}

function coerce(id: string, name: string, like: ParamValue, raw: ParamValue): ParamValue {
  if (typeof like === 'number' && typeof raw !== 'number') {
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) throw new EventCatalogueError(`${name} for ${id} must be a number, got "${String(raw)}".`);
    return n;
  }
  if (typeof like === 'boolean' && typeof raw !== 'boolean') {
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new EventCatalogueError(`${name} for ${id} must be true or false, got "${String(raw)}".`);
  }
  return typeof like === 'string' ? String(raw) : raw;
}

function suggest(wrong: string, known: readonly string[]): string {
  const near = known.filter((k) => k.includes(wrong) || wrong.includes(k.split('-')[0] ?? k)).slice(0, 5);
  return near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
}

/** Checks one data file and gives it its type; a malformed file is a build-time mistake, so it throws. */
function toDefinition(raw: unknown): EventDefinition {
  const o = raw as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : '(no id)';
  const fail = (why: string): never => {
    throw new Error(`sample event data ${id}: ${why}`);
  };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail('id must be kebab case');
  for (const k of ['service', 'title', 'docs'] as const) if (typeof o[k] !== 'string') fail(`${k} must be a string`);
  if (typeof o.params !== 'object' || o.params === null) fail('params must be an object');
  const derived = (o.derived ?? {}) as Record<string, DerivedField>;
  for (const [name, d] of Object.entries(derived)) if (!(d.encode in ENCODINGS)) fail(`derived ${name} has unknown encoding ${d.encode}`);
  const template = o.event as Json;
  if (template === undefined) fail('event is missing');
  const parts = (o.parts ?? {}) as Record<string, Json>;
  const used = placeholdersIn([template, ...Object.values(parts)]);
  // region and account are parameters of the events that carry them, and only of those.
  const params: Record<string, EventParam> = {};
  for (const [name, p] of Object.entries(COMMON_PARAMS)) if (used.has(name)) params[name] = p;
  Object.assign(params, o.params as Record<string, EventParam>);
  const known = new Set([...Object.keys(params), ...Object.keys(parts), ...Object.keys(derived)]);
  for (const name of used) {
    if (!name.startsWith('$') && !known.has(name)) fail(`placeholder {{${name}}} is not a parameter, part or derived field`);
  }
  return { id, service: o.service as string, title: o.title as string, docs: o.docs as string, params, parts, derived, template };
}
