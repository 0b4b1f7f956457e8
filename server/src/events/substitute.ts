/**
 * The placeholder engine behind the sample-event catalogue. Data files hold JSON with `{{name}}`
 * placeholders; a string that is exactly one placeholder takes the value with its own type (a number
 * stays a number, a part stays an object), a placeholder inside longer text is written as text.
 * Names starting with `$` are generated per call (ids, timestamps) so two invocations never share a
 * message id and every timestamp is "now".
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

/** A JSON value as the catalogue handles it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Where generated ids and times come from; tests pass fixed ones. */
export interface GenerateEnv {
  now: Date;
  /** Returns `n` random bytes. */
  randomBytes: (n: number) => Buffer;
}

/** The real clock and crypto-strength randomness. */
export function defaultEnv(): GenerateEnv {
  return { now: new Date(), randomBytes: (n) => crypto.randomBytes(n) };
}

const PLACEHOLDER = /\{\{(\$?[A-Za-z][A-Za-z0-9]*)\}\}/g;
const WHOLE = /^\{\{(\$?[A-Za-z][A-Za-z0-9]*)\}\}$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function uuid(env: GenerateEnv): string {
  const b = env.randomBytes(16);
  // RFC 4122 version 4 / variant bits, so the ids look exactly like the ones AWS sends.
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Values of the generated placeholders. `$uuid` and `$hex` are fresh at every occurrence; the rest are
 * fixed for one generated event, so a request id repeated in headers and context matches.
 */
export function generatedValues(env: GenerateEnv): { fixed: Record<string, Json>; fresh: Record<string, () => Json> } {
  const d = env.now;
  const ms = d.getTime();
  const iso = d.toISOString();
  return {
    fixed: {
      $requestId: uuid(env),
      $now: iso,
      $nowIsoSeconds: `${iso.slice(0, 19)}Z`,
      $nowMs: ms,
      // SQS message attributes carry epoch milliseconds as text.
      $nowMsText: String(ms),
      $nowSeconds: Math.floor(ms / 1000),
      $nowEpoch: ms / 1000,
      $nowClf: `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`,
      $nowHttp: d.toUTCString(),
      $today: iso.slice(0, 10),
    },
    fresh: {
      $uuid: () => uuid(env),
      $hex: () => env.randomBytes(16).toString('hex'),
    },
  };
}

/** Looks a placeholder up; undefined when nothing of that name exists. */
export type Lookup = (name: string) => Json | undefined;

/** Replaces every placeholder in `value` (deeply, keys included). Unknown names throw. */
export function substitute(value: Json, lookup: Lookup): Json {
  if (typeof value === 'string') return substituteString(value, lookup);
  if (Array.isArray(value)) return value.map((v) => substitute(v, lookup));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[String(substituteString(k, lookup))] = substitute(v, lookup);
    return out;
  }
  return value;
}

function substituteString(s: string, lookup: Lookup): Json {
  const whole = WHOLE.exec(s);
  if (whole) return need(whole[1]!, lookup);
  return s.replace(PLACEHOLDER, (_m, name: string) => {
    const v = need(name, lookup);
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

function need(name: string, lookup: Lookup): Json {
  const v = lookup(name);
  if (v === undefined) throw new Error(`sample event placeholder {{${name}}} has no value`);
  return v;
}

/** Every placeholder name used in `value` (keys included). */
export function placeholdersIn(value: Json, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(PLACEHOLDER)) into.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholdersIn(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      placeholdersIn(k, into);
      placeholdersIn(v, into);
    }
  }
  return into;
}

/** How a derived field is computed from its source value. */
export type Encoding = 'md5' | 'base64' | 'json' | 'parse-json' | 'base64-json' | 'gzip-base64-json' | 's3-key' | 'length';

/** The encodings, each a pure function of the source value. */
export const ENCODINGS: Readonly<Record<Encoding, (v: Json) => Json>> = {
  md5: (v) => crypto.createHash('md5').update(text(v), 'utf8').digest('hex'),
  base64: (v) => Buffer.from(text(v), 'utf8').toString('base64'),
  json: (v) => JSON.stringify(v),
  // A parameter given as JSON text that the event carries as an object (EventBridge `detail`).
  'parse-json': (v) => (typeof v === 'string' ? (JSON.parse(v) as Json) : v),
  'base64-json': (v) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64'),
  // CloudWatch Logs subscriptions deliver the JSON message gzip-compressed, then base64-encoded.
  'gzip-base64-json': (v) => zlib.gzipSync(Buffer.from(JSON.stringify(v), 'utf8')).toString('base64'),
  // S3 notifications carry the key URL-encoded with spaces as '+', path separators kept.
  's3-key': (v) =>
    text(v)
      .split('/')
      .map((seg) => encodeURIComponent(seg).replace(/%20/g, '+'))
      .join('/'),
  length: (v) => Buffer.byteLength(text(v), 'utf8'),
};

function text(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
