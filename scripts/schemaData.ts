/**
 * Refreshes the resource schema data the server ships (server/src/data/schema-shapes.json and
 * schema-docs.json) from AWS's own specifications:
 *   - CloudFormation: the database of `@aws-cdk/aws-service-spec` (devDependency; the CloudFormation
 *     registry schemas as AWS CDK imports them): types, properties, enums, required, attributes, docs.
 *   - SAM: the AWS SAM project's JSON Schema (`schema_source/sam.schema.json`), path given as the first
 *     argument (default: the copy in ../shared/data). Its pass-through properties take the type of the
 *     CloudFormation property they are passed to, as the schema names it.
 * Usage: `npm run schema-data [-- <path to sam.schema.json>]`. The output is deterministic.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');
const SPEC_PKG = join(ROOT, 'node_modules', '@aws-cdk', 'aws-service-spec');
const OUT_SHAPES = join(ROOT, 'server', 'src', 'data', 'schema-shapes.json');
const OUT_DOCS = join(ROOT, 'server', 'src', 'data', 'schema-docs.json');
/** Longest documentation text kept per item: its first sentence, cut at a word boundary beyond this. */
const DOC_MAX = 240;

// ---- the CDK database, as it is stored (tskb entities) ----
interface CdkType {
  type: string;
  allowedValues?: Array<string | number>;
  element?: CdkType;
  types?: CdkType[];
  reference?: { $ref: string };
}
interface CdkProperty { type: CdkType; required?: boolean; documentation?: string; deprecated?: string }
interface CdkResource {
  $id: string;
  cloudFormationType: string;
  documentation?: string;
  properties: Record<string, CdkProperty>;
  attributes: Record<string, { type: CdkType; documentation?: string }>;
}
interface CdkTypeDef { $id: string; name: string; documentation?: string; properties: Record<string, CdkProperty> }

// ---- what we write ----
interface Def { n: string; p: Record<string, string>; r?: string[]; x?: 1 }
interface ResourceShape { p: Record<string, string>; r?: string[]; a: Record<string, string>; x?: 1; g?: string }
interface DocEntry { d?: string; p?: Record<string, string> }

const defs: Def[] = [];
const defDocs: DocEntry[] = [];
const enums: Array<Array<string | number>> = [];
const enumIndex = new Map<string, number>();

function enumRef(values: Array<string | number>): number {
  const key = JSON.stringify(values);
  let i = enumIndex.get(key);
  if (i === undefined) {
    i = enums.length;
    enums.push(values);
    enumIndex.set(key, i);
  }
  return i;
}

/**
 * The first sentence of a documentation text (hovers link to the full page), cut at a word boundary
 * when longer than DOC_MAX. Keeping one sentence keeps the shipped docs file a few megabytes.
 */
function shortDoc(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // Links become their text: hovers link the type's documentation page, and URLs would double the file.
  const plain = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const para = plain.trim().split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s+[A-Z(`*]|$)/.exec(para)?.[0] ?? para;
  if (sentence.length <= DOC_MAX) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', DOC_MAX))} …`;
}

// ---------------- CloudFormation ----------------
function loadCdk() {
  const db = JSON.parse(gunzipSync(readFileSync(join(SPEC_PKG, 'db.json.gz'))).toString('utf8')) as {
    schema: {
      resource: { entities: CdkResource[] };
      typeDefinition: { entities: CdkTypeDef[] };
    };
  };
  const version = (JSON.parse(readFileSync(join(SPEC_PKG, 'package.json'), 'utf8')) as { version: string }).version;
  return { db: db.schema, version };
}

const cdkDefIndex = new Map<string, number>();

function cdkType(t: CdkType, typeDefs: Map<string, CdkTypeDef>): string {
  switch (t.type) {
    case 'string':
      return t.allowedValues?.length ? `s~${enumRef(t.allowedValues)}` : 's';
    case 'integer':
      return t.allowedValues?.length ? `i~${enumRef(t.allowedValues)}` : 'i';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'json':
      return 'j';
    case 'date-time':
      return 'd';
    case 'tag':
      return 't';
    case 'null':
      return '0';
    case 'array':
      return `[${cdkType(t.element!, typeDefs)}`;
    case 'map':
      return `{${cdkType(t.element!, typeDefs)}`;
    case 'union':
      return `(${[...new Set(t.types!.map((x) => cdkType(x, typeDefs)))].join('|')})`;
    case 'ref':
      return `#${cdkDef(t.reference!.$ref, typeDefs)}`;
    default:
      return '*';
  }
}

function cdkDef(id: string, typeDefs: Map<string, CdkTypeDef>): number {
  const known = cdkDefIndex.get(id);
  if (known !== undefined) return known;
  const td = typeDefs.get(id)!;
  const index = defs.length;
  cdkDefIndex.set(id, index);
  const def: Def = { n: td.name, p: {} };
  const doc: DocEntry = {};
  defs.push(def);
  defDocs.push(doc);
  fillProps(td.properties, def, doc, typeDefs);
  const d = shortDoc(td.documentation);
  if (d) doc.d = d;
  return index;
}

function fillProps(props: Record<string, CdkProperty>, into: { p: Record<string, string>; r?: string[] }, doc: DocEntry, typeDefs: Map<string, CdkTypeDef>): void {
  const required: string[] = [];
  for (const name of Object.keys(props).sort()) {
    const p = props[name]!;
    into.p[name] = cdkType(p.type, typeDefs);
    if (p.required) required.push(name);
    const d = shortDoc(p.documentation);
    if (d) (doc.p ??= {})[name] = d;
  }
  if (required.length > 0) into.r = required;
}

// ---------------- SAM ----------------
type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  type?: string | string[];
  enum?: Array<string | number>;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  markdownDescription?: string;
  title?: string;
  __samPassThrough?: { markdownDescriptionOverride?: string; schemaPath: string[] };
};

const PASS_THROUGH = /passed directly to the \[`?([A-Za-z0-9]+)`?\]\([^)]*\) property of (?:an?|the) `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` (?:`([A-Za-z0-9]+)` ?data type|resource)/;

class SamConverter {
  private readonly samDefIndex = new Map<string, number>();

  constructor(
    private readonly schema: { definitions: Record<string, JsonSchema> },
    private readonly cfn: ReadonlyMap<string, ResourceShape>,
  ) {}

  /**
   * The CloudFormation type a pass-through property takes, or '*' when the schema does not say (or
   * names a property of another name, which SAM reshapes on the way). Its structures are marked
   * lenient (`%N`): SAM adds keys of its own to some of them (a stream's `OnFailure.Type`), so only
   * the types of the keys CloudFormation knows are checked there, not unknown keys.
   */
  private passThrough(s: JsonSchema, name: string): string {
    const path = s.__samPassThrough?.schemaPath;
    let type = '*';
    if (path) {
      const [typeName, def] = path[1]!.split('.');
      type = this.cfnProperty(typeName!, def, path[path.length - 1]!);
    } else {
      const m = PASS_THROUGH.exec(s.markdownDescription ?? '');
      if (m && m[1] === name) type = this.cfnProperty(m[2]!, m[3], m[1]);
    }
    return type.replace(/#/g, '%');
  }

  private cfnProperty(typeName: string, defName: string | undefined, prop: string): string {
    const resource = this.cfn.get(typeName);
    if (!resource) return '*';
    if (!defName) return resource.p[prop] ?? '*';
    // The data type of that name reachable from the resource's properties.
    const seen = new Set<number>();
    const stack = Object.values(resource.p);
    while (stack.length > 0) {
      for (const m of stack.pop()!.matchAll(/#(\d+)/g)) {
        const i = Number(m[1]);
        if (seen.has(i)) continue;
        seen.add(i);
        const def = defs[i]!;
        if (def.n === defName && def.p[prop]) return def.p[prop]!;
        stack.push(...Object.values(def.p));
      }
    }
    return '*';
  }

  isPassThrough(s: JsonSchema): boolean {
    if (s.__samPassThrough) return true;
    const only = s.allOf?.length === 1 ? s.allOf[0] : undefined;
    return only?.$ref === '#/definitions/PassThroughProp';
  }

  type(s: JsonSchema, name = ''): string {
    if (this.isPassThrough(s)) return this.passThrough(s, name);
    if (s.$ref) {
      const name = s.$ref.replace('#/definitions/', '');
      if (name === 'PassThroughProp') return '*';
      return `#${this.def(name)}`;
    }
    if (s.allOf && s.allOf.length === 1) return this.type(s.allOf[0]!);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) {
      const parts = [...new Set(alternatives.map((a) => this.type(a)))];
      if (parts.includes('*')) return '*';
      return parts.length === 1 ? parts[0]! : `(${parts.join('|')})`;
    }
    if (Array.isArray(s.type)) return `(${s.type.map((t) => this.type({ ...s, type: t })).join('|')})`;
    switch (s.type) {
      case 'string':
        return s.enum ? `s~${enumRef(s.enum)}` : 's';
      case 'integer':
        return s.enum ? `i~${enumRef(s.enum)}` : 'i';
      case 'number':
        return 'n';
      case 'boolean':
        return 'b';
      case 'array':
        return `[${s.items ? this.type(s.items) : '*'}`;
      case 'object':
        if (s.properties) return `#${this.inlineDef(s.title ?? 'Object', s)}`;
        if (s.additionalProperties && typeof s.additionalProperties === 'object') return `{${this.type(s.additionalProperties)}`;
        return 'o';
      default:
        return '*';
    }
  }

  def(name: string): number {
    const known = this.samDefIndex.get(name);
    if (known !== undefined) return known;
    const s = this.schema.definitions[name]!;
    const title = s.title ?? name.split('__').pop()!;
    const index = this.inlineDef(title, s, name);
    return index;
  }

  private inlineDef(title: string, s: JsonSchema, name?: string): number {
    const index = defs.length;
    if (name) this.samDefIndex.set(name, index);
    const def: Def = { n: title, p: {} };
    const doc: DocEntry = {};
    defs.push(def);
    defDocs.push(doc);
    this.fill(s, def, doc);
    return index;
  }

  /** Properties, required list and openness of an object schema, into a def or resource shape. */
  fill(s: JsonSchema, into: { p: Record<string, string>; r?: string[]; x?: 1 }, doc: DocEntry): void {
    const props = s.properties ?? {};
    for (const name of Object.keys(props).sort()) {
      const p = props[name]!;
      into.p[name] = this.type(p, name);
      const d = shortDoc(p.__samPassThrough?.markdownDescriptionOverride ?? p.markdownDescription);
      if (d) (doc.p ??= {})[name] = d.replace(/\s*\*Type\*:.*$/, '');
    }
    if (s.required?.length) into.r = [...s.required].sort();
    if (s.additionalProperties !== false) into.x = 1;
  }
}

/** The CloudFormation resource type most of a SAM structure's pass-through properties are passed to. */
function mainTarget(schema: JsonSchema): string | undefined {
  const targets = new Map<string, number>();
  for (const m of JSON.stringify(schema).matchAll(/property of an `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` resource/g)) targets.set(m[1]!, (targets.get(m[1]!) ?? 0) + 1);
  return [...targets.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The SAM event table: event Type -> def index of its Properties, per SAM resource type. */
interface SamEvents { [resourceType: string]: { [eventType: string]: { def: number; required: boolean } } }

function main(): void {
  const samPath = process.argv[2] ?? [join(ROOT, '..', 'shared', 'data', 'sam.schema.json'), join(ROOT, '..', '..', 'shared', 'data', 'sam.schema.json')].find(existsSync);
  if (!samPath || !existsSync(samPath)) throw new Error('sam.schema.json not found: pass its path as the first argument');
  const { db, version } = loadCdk();
  const typeDefs = new Map(db.typeDefinition.entities.map((t) => [t.$id, t]));

  const resources = new Map<string, ResourceShape>();
  const resourceDocs: Record<string, DocEntry> = {};
  const cdkResources = [...db.resource.entities].sort((a, b) => a.cloudFormationType.localeCompare(b.cloudFormationType));
  for (const r of cdkResources) {
    if (r.cloudFormationType.startsWith('AWS::Serverless::')) continue;
    const shape: ResourceShape = { p: {}, a: {} };
    const doc: DocEntry = {};
    fillProps(r.properties, shape, doc, typeDefs);
    for (const a of Object.keys(r.attributes).sort()) shape.a[a] = cdkType(r.attributes[a]!.type, typeDefs);
    const d = shortDoc(r.documentation);
    if (d) doc.d = d;
    resources.set(r.cloudFormationType, shape);
    resourceDocs[r.cloudFormationType] = doc;
  }

  const sam = JSON.parse(readFileSync(samPath, 'utf8')) as { definitions: Record<string, JsonSchema> };
  const conv = new SamConverter(sam, resources);
  const samEvents: SamEvents = {};
  const eventTargets = new Map<number, string>();
  const listedKeys = new Map<number, Record<string, string>>();
  const samGlobals: Record<string, string> = {};
  const resourceNames = Object.keys(sam.definitions).filter((n) => /__aws_serverless_[a-z_]+__Resource$/.test(n)).sort();
  for (const name of resourceNames) {
    const res = sam.definitions[name]!;
    const type = (res.properties!['Type'] as JsonSchema).enum![0] as string;
    const propsSchema = res.properties!['Properties'] as JsonSchema;
    const shape: ResourceShape = { p: {}, a: {} };
    const doc: DocEntry = {};
    const propsDef = propsSchema.$ref ? sam.definitions[propsSchema.$ref.replace('#/definitions/', '')]! : propsSchema;
    conv.fill(propsDef, shape, doc);
    const d = shortDoc(res.markdownDescription as string | undefined ?? propsDef.markdownDescription);
    if (d) doc.d = d;
    // The resource SAM generates under the same logical id: the target most pass-through properties name.
    const generated = mainTarget(propsDef);
    if (generated && resources.has(generated)) {
      shape.g = generated;
      shape.a = { ...resources.get(generated)!.a };
    }
    resources.set(type, shape);
    resourceDocs[type] = doc;
    // Events: each alternative of Properties.Events is { Type: enum [X], Properties: ... }.
    const events = propsDef.properties?.['Events'] as JsonSchema | undefined;
    const alternatives = (events?.additionalProperties as JsonSchema | undefined)?.anyOf ?? [];
    for (const alt of alternatives) {
      const evSchema = sam.definitions[alt.$ref!.replace('#/definitions/', '')]!;
      const evType = (evSchema.properties!['Type'] as JsonSchema).enum![0] as string;
      const evProps = evSchema.properties!['Properties'] as JsonSchema | undefined;
      const def = evProps ? Number(conv.type(evProps).slice(1)) : -1;
      if (def < 0) continue;
      // SAM passes more of an event's keys to the resource it generates than its schema lists (State
      // of a schedule rule): the generated type's other properties are accepted too, with their types.
      const evRef = evProps?.$ref ?? evProps?.allOf?.[0]?.$ref;
      const evDefSchema = evRef ? sam.definitions[evRef.replace('#/definitions/', '')] : undefined;
      const target = evDefSchema ? mainTarget(evDefSchema) : undefined;
      const targetShape = target ? resources.get(target) : undefined;
      listedKeys.set(def, { ...defs[def]!.p });
      if (targetShape) {
        eventTargets.set(def, target!);
        const d = defs[def]!;
        for (const [k, t] of Object.entries(targetShape.p)) if (!(k in d.p)) d.p[k] = t.replace(/#/g, '%');
        d.p = Object.fromEntries(Object.entries(d.p).sort((a, b) => a[0].localeCompare(b[0])));
      }
      (samEvents[type] ??= {})[evType] = { def, required: evSchema.required?.includes('Properties') === true };
    }
  }
  // The schema lists some keys of an event type only on one SAM resource, or only on a newer event
  // type of the same family (RuleName on EventBridgeRule, not on CloudWatchEvent, which SAM reads
  // alike): an event type whose listed keys are all listed by another of the same name, or of the
  // same generated resource, accepts that one's keys too.
  const all = Object.values(samEvents).flatMap((events) => Object.entries(events).map(([name, e]) => ({ name, def: e.def })));
  const merged = new Map(all.map((e) => [e.def, { ...defs[e.def]!.p }]));
  for (const a of all) {
    for (const b of all) {
      if (a.def === b.def) continue;
      const related = a.name === b.name || (eventTargets.get(a.def) !== undefined && eventTargets.get(a.def) === eventTargets.get(b.def));
      const subset = Object.keys(listedKeys.get(a.def)!).every((k) => k in listedKeys.get(b.def)!);
      if (related && (a.name === b.name || subset)) for (const [k, t] of Object.entries(defs[b.def]!.p)) merged.get(a.def)![k] ??= t;
    }
  }
  for (const [def, p] of merged) defs[def]!.p = Object.fromEntries(Object.entries(p).sort((x, y) => x[0].localeCompare(y[0])));
  const globals = sam.definitions['__main____Globals']!;
  for (const section of Object.keys(globals.properties ?? {}).sort()) samGlobals[section] = conv.type(globals.properties![section]!);

  const shapes = {
    source: {
      cloudformation: `@aws-cdk/aws-service-spec ${version}`,
      sam: 'aws/serverless-application-model schema_source/sam.schema.json (2026-05)',
    },
    enums,
    defs,
    resources: Object.fromEntries([...resources.entries()].sort((a, b) => a[0].localeCompare(b[0]))),
    samEvents,
    samGlobals,
  };
  // Documentation as indices into one table of distinct sentences, listed in the order of the
  // shapes' property names: many structures share their sentences (tags, names, ARNs).
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const ref = (text: string | undefined) => {
    if (text === undefined) return -1;
    let i = stringIndex.get(text);
    if (i === undefined) stringIndex.set(text, (i = strings.push(text) - 1));
    return i;
  };
  const entry = (doc: DocEntry | undefined, props: Record<string, string>) => [ref(doc?.d), ...Object.keys(props).map((k) => ref(doc?.p?.[k]))];
  const sortedTypes = [...resources.keys()].sort((a, b) => a.localeCompare(b));
  const docs = {
    resources: Object.fromEntries(sortedTypes.map((type) => [type, entry(resourceDocs[type], resources.get(type)!.p)])),
    defs: defs.map((d, i) => entry(defDocs[i], d.p)),
    strings,
  };
  writeFileSync(OUT_SHAPES, `${JSON.stringify(shapes)}\n`);
  writeFileSync(OUT_DOCS, `${JSON.stringify(docs)}\n`);
  console.log(`${resources.size} resource types, ${defs.length} structures, ${enums.length} enums -> ${OUT_SHAPES}`);
}

main();
