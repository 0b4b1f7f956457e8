/**
 * The shape of every resource type, from AWS's own specifications (see server/src/data/README.md):
 * CloudFormation resource types with their properties, value types, enums, required properties and
 * `!GetAtt` attributes, and the SAM resource types, their event types and Globals sections. Built at
 * development time by `npm run schema-data` into compact JSON; loaded on first use (documentation
 * separately, on the first hover or completion) and decoded one structure at a time.
 */
import type { DocsData, ShapesData } from './data';
import { loadDocs, loadShapes } from './data';

/** A property's value type, as the specification states it. */
export type ValueType =
  | { readonly kind: 'string'; readonly enum?: readonly string[] }
  | { readonly kind: 'integer'; readonly enum?: readonly number[] }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  /** Any JSON: an object, or a string holding JSON (policy documents, step function definitions). */
  | { readonly kind: 'json' }
  /** A timestamp written as a string. */
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'null' }
  /** Any map, shape unspecified (SAM `Tags`, `Role` as an object). */
  | { readonly kind: 'object' }
  /** Anything: the specification does not say (a SAM pass-through without a CloudFormation target). */
  | { readonly kind: 'any' }
  /** A CloudFormation `{ Key, Value }` tag. */
  | { readonly kind: 'tag' }
  | { readonly kind: 'list'; readonly item: ValueType }
  | { readonly kind: 'map'; readonly value: ValueType }
  | { readonly kind: 'structure'; readonly structure: Structure }
  | { readonly kind: 'union'; readonly types: readonly ValueType[] };

/** One property of a resource type or nested structure. */
export interface PropertySpec {
  readonly name: string;
  readonly type: ValueType;
  readonly required: boolean;
  /** The specification's first sentence about the property (loads the documentation on first use). */
  readonly documentation: string | undefined;
}

/** A resource's `Properties`, a nested structure (CloudFormation "property type"), or a SAM event's `Properties`. */
export interface Structure {
  /** The specification's name for it (`VpcConfig`, `SQSEventProperties`). */
  readonly name: string;
  readonly properties: ReadonlyMap<string, PropertySpec>;
  /** Required property names, sorted. */
  readonly required: readonly string[];
  /** True when properties beyond the listed ones are allowed (unknown names are not errors). */
  readonly open: boolean;
  /**
   * True for a CloudFormation structure reached through a SAM pass-through property: SAM may add keys
   * there or accept a shorthand, so only the types of the keys CloudFormation knows are firm.
   */
  readonly lenient: boolean;
  readonly documentation: string | undefined;
}

/** A resource type: its `Properties` structure, `!GetAtt` attributes, and where it is documented. */
export interface ResourceTypeSpec extends Structure {
  /** `AWS::Lambda::Function`. */
  readonly type: string;
  /** True for `AWS::Serverless::*` types (they need the SAM transform). */
  readonly sam: boolean;
  /**
   * `!GetAtt` attributes (`Arn`, `Endpoint.Address`). For SAM types, those of the resource SAM
   * generates under the same logical id (`generatedType`).
   */
  readonly attributes: ReadonlyMap<string, ValueType>;
  /** For SAM types: the CloudFormation type SAM generates under the same logical id. */
  readonly generatedType: string | undefined;
  /** The AWS documentation page of the type. */
  readonly docsUrl: string;
}

/** A SAM event source type (`SQS`, `Api`) of a SAM resource type. */
export interface SamEventSpec {
  readonly type: string;
  /** The event's `Properties`. */
  readonly properties: Structure;
  /** True when the event must have `Properties`. */
  readonly propertiesRequired: boolean;
}

/** Where the data comes from, with versions: shown in the README and the data folder's README. */
export function schemaSources(): { readonly cloudformation: string; readonly sam: string } {
  return loadShapes().source;
}

/** Every resource type the data knows, sorted. */
export function resourceTypes(): readonly string[] {
  return cache.typeNames ??= Object.keys(loadShapes().resources).sort();
}

/** The specification of a resource type, or undefined for a type the data does not know (custom, third-party, misspelt). */
export function resourceSpec(type: string): ResourceTypeSpec | undefined {
  const known = cache.resources.get(type);
  if (known !== undefined) return known;
  const raw = loadShapes().resources[type];
  if (!raw) return undefined;
  const spec = new ResourceSpecImpl(type, raw);
  cache.resources.set(type, spec);
  return spec;
}

/** `!GetAtt` attribute names of a type (SAM types: of the resource SAM generates), or undefined when the type is unknown. */
export function getAttAttributes(type: string): readonly string[] | undefined {
  // Asked for every `!GetAtt` of a template: the list is made once per known type.
  const known = cache.attributeNames.get(type);
  if (known) return known;
  const spec = resourceSpec(type);
  if (!spec) return undefined;
  const names = [...spec.attributes.keys()];
  cache.attributeNames.set(type, names);
  return names;
}

/** The event types (`Events.<id>.Type`) a SAM resource type accepts; empty for other types. */
export function samEventTypes(resourceType: string): readonly string[] {
  return Object.keys(loadShapes().samEvents[resourceType] ?? {}).sort();
}

/** A SAM event type's specification for a SAM resource type, or undefined when it has no such event type. */
export function samEventSpec(resourceType: string, eventType: string): SamEventSpec | undefined {
  const raw = loadShapes().samEvents[resourceType]?.[eventType];
  if (!raw) return undefined;
  return { type: eventType, properties: structure(raw.def), propertiesRequired: raw.required };
}

/** The SAM `Globals` sections (`Function`, `Api`, ...) and the structure each accepts. */
export function samGlobalsSections(): ReadonlyMap<string, Structure> {
  if (cache.globals) return cache.globals;
  const out = new Map<string, Structure>();
  for (const [name, t] of Object.entries(loadShapes().samGlobals)) {
    const type = decodeType(t);
    if (type.kind === 'structure') out.set(name, type.structure);
  }
  return (cache.globals = out);
}

/** The CloudFormation documentation page of a resource type. */
export function resourceDocsUrl(type: string): string {
  const [, service, name] = type.split('::');
  if (type.startsWith('AWS::Serverless::')) return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${(name ?? '').toLowerCase()}.html`;
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${(service ?? '').toLowerCase()}-${(name ?? '').toLowerCase()}.html`;
}

/** Words a value type in a message: "a list of strings", "one of Active, PassThrough". */
export function describeType(t: ValueType): string {
  switch (t.kind) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'json':
      return 'a JSON object';
    case 'timestamp':
      return 'a timestamp string';
    case 'null':
      return 'null';
    case 'object':
      return 'a map';
    case 'any':
      return 'any value';
    case 'tag':
      return 'a Key/Value tag';
    case 'list':
      return `a list of ${plural(t.item)}`;
    case 'map':
      return 'a map';
    case 'structure':
      return 'a map';
    case 'union':
      return [...new Set(t.types.map(describeType))].join(' or ');
  }
}

function plural(t: ValueType): string {
  switch (t.kind) {
    case 'string':
      return 'strings';
    case 'integer':
      return 'whole numbers';
    case 'number':
      return 'numbers';
    case 'boolean':
      return 'booleans';
    case 'tag':
      return 'Key/Value tags';
    case 'list':
      return 'lists';
    case 'structure':
    case 'map':
    case 'object':
    case 'json':
      return 'maps';
    default:
      return 'values';
  }
}

// ---- decoding the compact form (see scripts/schemaData.ts for the grammar) ----

const cache = {
  typeNames: undefined as readonly string[] | undefined,
  resources: new Map<string, ResourceTypeSpec>(),
  structures: new Map<number, Structure>(),
  types: new Map<string, ValueType>(),
  attributeNames: new Map<string, readonly string[]>(),
  globals: undefined as ReadonlyMap<string, Structure> | undefined,
};

const PRIMITIVES: Record<string, ValueType> = {
  s: { kind: 'string' },
  i: { kind: 'integer' },
  n: { kind: 'number' },
  b: { kind: 'boolean' },
  j: { kind: 'json' },
  d: { kind: 'timestamp' },
  t: { kind: 'tag' },
  '0': { kind: 'null' },
  o: { kind: 'object' },
  '*': { kind: 'any' },
};

/** Decodes one type string: `s`, `s~3` (enum 3), `[T` (list), `{T` (map), `#12` (structure 12; `%12` lenient), `(T|T)`. */
export function decodeType(text: string): ValueType {
  const known = cache.types.get(text);
  if (known) return known;
  const [type, end] = parseType(text, 0);
  if (end !== text.length) throw new Error(`schema data: bad type "${text}"`);
  cache.types.set(text, type);
  return type;
}

function parseType(s: string, at: number): [ValueType, number] {
  const c = s[at];
  if (c === '[') {
    const [item, end] = parseType(s, at + 1);
    return [{ kind: 'list', item }, end];
  }
  if (c === '{') {
    const [value, end] = parseType(s, at + 1);
    return [{ kind: 'map', value }, end];
  }
  if (c === '(') {
    const types: ValueType[] = [];
    let i = at + 1;
    for (;;) {
      const [t, end] = parseType(s, i);
      types.push(t);
      if (s[end] === '|') i = end + 1;
      else return [{ kind: 'union', types }, end + 1];
    }
  }
  if (c === '#' || c === '%') {
    const m = /^\d+/.exec(s.slice(at + 1))!;
    const index = Number(m[0]);
    return [lazyStructure(index, c === '%'), at + 1 + m[0].length];
  }
  const prim = PRIMITIVES[c ?? ''];
  if (!prim) throw new Error(`schema data: bad type "${s}"`);
  if (s[at + 1] === '~') {
    const m = /^\d+/.exec(s.slice(at + 2))!;
    const values = loadShapes().enums[Number(m[0])]!;
    const end = at + 2 + m[0].length;
    if (prim.kind === 'integer') return [{ kind: 'integer', enum: values.map(Number) }, end];
    return [{ kind: 'string', enum: values.map(String) }, end];
  }
  return [prim, at + 1];
}

/** A structure type whose structure is decoded when first read (recursive structures stay finite). */
function lazyStructure(index: number, lenient: boolean): ValueType {
  let decoded: Structure | undefined;
  return {
    kind: 'structure',
    // Read for every value checked against it: decoded once, then kept on the type.
    get structure() {
      return (decoded ??= structure(index, lenient));
    },
  };
}

/**
 * The structure at `index` in the data's structure table. `lenient` (`%N` in the data: a
 * CloudFormation structure reached through a SAM pass-through property) makes it and the structures
 * below it open, since SAM may add keys of its own there.
 */
export function structure(index: number, lenient = false): Structure {
  const key = lenient ? -1 - index : index;
  const known = cache.structures.get(key);
  if (known) return known;
  const raw = loadShapes().defs[index];
  if (!raw) throw new Error(`schema data: no structure ${index}`);
  const s = new StructureImpl(raw.n, raw, () => loadDocs().defs[index], lenient);
  cache.structures.set(key, s);
  return s;
}

type RawShape = ShapesData['defs'][number];
type RawDoc = DocsData['defs'][number] | undefined;

/** The sentence at `index` of the documentation's string table. */
function sentence(index: number | undefined): string | undefined {
  return index === undefined || index < 0 ? undefined : loadDocs().strings[index];
}

class StructureImpl implements Structure {
  private props: Map<string, PropertySpec> | undefined;
  readonly required: readonly string[];
  readonly open: boolean;

  constructor(
    readonly name: string,
    private readonly raw: Pick<RawShape, 'p' | 'r' | 'x'>,
    private readonly doc: () => RawDoc,
    readonly lenient = false,
  ) {
    this.required = raw.r ?? [];
    this.open = raw.x === 1 || lenient;
  }

  get properties(): ReadonlyMap<string, PropertySpec> {
    if (this.props) return this.props;
    const required = new Set(this.required);
    const props = new Map<string, PropertySpec>();
    const doc = this.doc;
    let position = 0;
    for (const [name, t] of Object.entries(this.raw.p)) {
      const at = ++position;
      props.set(name, {
        name,
        type: decodeType(this.lenient ? t.replace(/#/g, '%') : t),
        required: required.has(name),
        get documentation() {
          return sentence(doc()?.[at]);
        },
      });
    }
    return (this.props = props);
  }

  get documentation(): string | undefined {
    return sentence(this.doc()?.[0]);
  }
}

class ResourceSpecImpl extends StructureImpl implements ResourceTypeSpec {
  readonly sam: boolean;
  readonly generatedType: string | undefined;
  readonly docsUrl: string;
  private attrs: Map<string, ValueType> | undefined;

  constructor(
    readonly type: string,
    private readonly rawResource: ShapesData['resources'][string],
  ) {
    super(type.split('::').pop() ?? type, rawResource, () => loadDocs().resources[type]);
    this.sam = type.startsWith('AWS::Serverless::');
    this.generatedType = rawResource.g;
    this.docsUrl = resourceDocsUrl(type);
  }

  get attributes(): ReadonlyMap<string, ValueType> {
    this.attrs ??= new Map(Object.entries(this.rawResource.a).map(([k, t]) => [k, decodeType(t)]));
    return this.attrs;
  }
}
