/**
 * The two generated data files (scripts/schemaData.ts writes them) and their lazy loading: the
 * shapes on the first schema lookup, the documentation on the first hover or completion, so a CLI
 * run over a template without hovers never loads the documentation.
 */

/** schema-shapes.json: structures and resource types with their types in the compact grammar. */
export interface ShapesData {
  readonly source: { readonly cloudformation: string; readonly sam: string };
  /** Enum value lists, referenced as `s~N` / `i~N`. */
  readonly enums: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Nested structures: name, properties (name -> type), required names, `x: 1` when open. */
  readonly defs: ReadonlyArray<{ readonly n: string; readonly p: Readonly<Record<string, string>>; readonly r?: readonly string[]; readonly x?: 1 }>;
  /** Resource types: properties, required, attributes, `g`: the type SAM generates under the same id. */
  readonly resources: Readonly<Record<string, {
    readonly p: Readonly<Record<string, string>>;
    readonly r?: readonly string[];
    readonly x?: 1;
    readonly a: Readonly<Record<string, string>>;
    readonly g?: string;
  }>>;
  /** SAM resource type -> event type -> its Properties structure. */
  readonly samEvents: Readonly<Record<string, Readonly<Record<string, { readonly def: number; readonly required: boolean }>>>>;
  /** SAM Globals section -> its type. */
  readonly samGlobals: Readonly<Record<string, string>>;
}

/**
 * schema-docs.json: the first sentence of the specification's documentation of each resource type,
 * structure and property, as indices into `strings` (-1: none): `[own, ...one per property]`, the
 * properties in the order of the shapes' property names.
 */
export interface DocsData {
  readonly resources: Readonly<Record<string, readonly number[]>>;
  readonly defs: ReadonlyArray<readonly number[]>;
  readonly strings: readonly string[];
}

let shapes: ShapesData | undefined;
let docs: DocsData | undefined;

/** The shapes data, loaded on first call (bundled apart, as dist/schemaShapes.js: see esbuild.mjs). */
export function loadShapes(): ShapesData {
  // A require in the function (not an import) keeps the data out of start-up: the bundler evaluates it on first call.
  return (shapes ??= loadData('resource specification', () => require('../data/schema-shapes.json') as ShapesData));
}

/** The documentation data, loaded on first call (bundled apart, as dist/schemaDocs.js: see esbuild.mjs). */
export function loadDocs(): DocsData {
  return (docs ??= loadData('specification documentation', () => require('../data/schema-docs.json') as DocsData));
}

/** Runs a data require, turning a missing or unreadable file into a message that says what to do. */
function loadData<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new Error(`Lambda Lens could not load its ${what} data (${reason}). The installation is incomplete or damaged; reinstall Lambda Lens.`);
  }
}
