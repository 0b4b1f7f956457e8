/**
 * What the SAM translator itself checks, from its own source (server/src/data/sam-translator.json,
 * written by `npm run sam-data`, see server/src/data/README.md): the value type it requires of each
 * property of a SAM resource and of each event source, and the SAM policy templates with their
 * parameters. Loaded on first use.
 */

/** A value type as the translator's validators test it (Python `isinstance` on the parsed template). */
export type TranslatorType =
  | { readonly kind: 'string' | 'map' | 'boolean' | 'integer' | 'list' | 'any' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'listOf' | 'mapOf'; readonly item: TranslatorType }
  | { readonly kind: 'oneOf'; readonly types: readonly TranslatorType[] };

/** One property the translator reads. */
export interface TranslatorProperty {
  readonly type: TranslatorType;
  readonly required: boolean;
  /** False where an intrinsic function is not accepted (the translator needs the literal value). */
  readonly intrinsics: boolean;
}

interface TranslatorData {
  readonly source: string;
  readonly resources: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly events: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
  readonly policyTemplates: Readonly<Record<string, readonly string[]>>;
}

let data: TranslatorData | undefined;
const decoded = new Map<Readonly<Record<string, string>>, ReadonlyMap<string, TranslatorProperty>>();

function load(): TranslatorData {
  // Required in the function, not imported: the bundler evaluates the data on first use.
  return (data ??= require('../data/sam-translator.json') as TranslatorData);
}

/** Where the data comes from (translator package and version). */
export function translatorSource(): string {
  return load().source;
}

/** The properties the translator reads on a SAM resource type, or undefined for a type it has no table for. */
export function translatorProperties(resourceType: string): ReadonlyMap<string, TranslatorProperty> | undefined {
  const raw = load().resources[resourceType];
  return raw ? table(raw) : undefined;
}

/** The properties the translator reads on an event source type of a SAM resource type. */
export function translatorEventProperties(resourceType: string, eventType: string): ReadonlyMap<string, TranslatorProperty> | undefined {
  const raw = load().events[resourceType]?.[eventType];
  return raw ? table(raw) : undefined;
}

/** The parameter names of a SAM policy template, or undefined when SAM has no template of that name. */
export function policyTemplateParameters(name: string): readonly string[] | undefined {
  return Object.hasOwn(load().policyTemplates, name) ? load().policyTemplates[name] : undefined;
}

/** Every SAM policy template name, sorted. */
export function policyTemplateNames(): readonly string[] {
  return Object.keys(load().policyTemplates);
}

function table(raw: Readonly<Record<string, string>>): ReadonlyMap<string, TranslatorProperty> {
  let out = decoded.get(raw);
  if (out) return out;
  out = new Map(Object.entries(raw).map(([name, text]) => [name, decodeProperty(text)]));
  decoded.set(raw, out);
  return out;
}

/** `!=s`: required, no intrinsics, a string (grammar in scripts/samTranslatorData.ts). */
function decodeProperty(text: string): TranslatorProperty {
  const required = text.startsWith('!');
  const rest = required ? text.slice(1) : text;
  const literal = rest.startsWith('=');
  const [type, end] = parse(literal ? rest.slice(1) : rest, 0);
  if (end !== (literal ? rest.length - 1 : rest.length)) throw new Error(`sam-translator data: bad type "${text}"`);
  return { type, required, intrinsics: !literal };
}

const SIMPLE: Readonly<Record<string, TranslatorType>> = {
  s: { kind: 'string' },
  d: { kind: 'map' },
  b: { kind: 'boolean' },
  i: { kind: 'integer' },
  l: { kind: 'list' },
  '*': { kind: 'any' },
};

function parse(s: string, at: number): [TranslatorType, number] {
  const c = s[at];
  if (c === '[' || c === '{') {
    const [item, end] = parse(s, at + 1);
    return [{ kind: c === '[' ? 'listOf' : 'mapOf', item }, end];
  }
  if (c === '(') {
    const types: TranslatorType[] = [];
    let i = at + 1;
    for (;;) {
      const [t, end] = parse(s, i);
      types.push(t);
      if (s[end] === '|') i = end + 1;
      else return [{ kind: 'oneOf', types }, end + 1];
    }
  }
  if (c === 'e' && s[at + 1] === '(') {
    const close = s.indexOf(')', at);
    return [{ kind: 'enum', values: s.slice(at + 2, close).split(',') }, close + 1];
  }
  const simple = SIMPLE[c ?? ''];
  if (!simple) throw new Error(`sam-translator data: bad type "${s}"`);
  return [simple, at + 1];
}
