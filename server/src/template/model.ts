/**
 * The template model: built once per document version from the syntax tree, read by every rule and
 * feature. Sections are indexed by logical id; derived views (SAM function views, the reference graph,
 * helpers added by rule families) are computed lazily, once per model, through `memo`.
 */
import { get, pairOf, str } from './ast';
import type { MapNode, Node, Pair, Range } from './ast';
import { parseText } from './parse';
import type { Directive, ParseProblem } from './parse';
import { LineIndex } from './lines';
import { isJsonText, mayBeTemplate } from './sniff';

export interface Parameter {
  readonly id: string;
  readonly idRange: Range;
  readonly node: Node;
  readonly type: string | undefined;
  /** The `Default` value node, when the parameter has one. */
  readonly default: Node | undefined;
  readonly noEcho: boolean;
}

export interface Resource {
  readonly id: string;
  readonly idRange: Range;
  readonly type: string;
  /** The whole resource entry (Type, Properties, Metadata, ...). */
  readonly node: MapNode;
  /** `Properties`, when it is a map. */
  readonly properties: MapNode | undefined;
  readonly condition: string | undefined;
}

/** How a document is written: JSON, or YAML (block or flow). */
export type DocumentFormat = 'json' | 'yaml';

export interface Template {
  readonly text: string;
  /** JSON or YAML, decided once per model (see `formatOf`); edits and comments are written to match. */
  readonly format: DocumentFormat;
  readonly lines: LineIndex;
  readonly root: MapNode | undefined;
  /** True when the document looks like a CloudFormation / SAM template (see `isTemplateRoot`). */
  readonly isTemplate: boolean;
  /** True when the template declares the SAM transform. */
  readonly isSam: boolean;
  readonly problems: readonly ParseProblem[];
  /** True when the document has YAML anchors or aliases: a value may be written once and used in several places. */
  readonly anchors: boolean;
  /** Comments addressed to Lambda Lens (disable comments), from the YAML syntax tree. */
  readonly directives: readonly Directive[];
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly mappings: ReadonlyMap<string, MapNode>;
  readonly conditions: ReadonlyMap<string, Node>;
  readonly resources: ReadonlyMap<string, Resource>;
  readonly outputs: ReadonlyMap<string, Node>;
  /** SAM `Globals` section, when present and a map. */
  readonly globals: MapNode | undefined;
  /** Resources of one CloudFormation type, in document order. */
  ofType(type: string): readonly Resource[];
  /** The resource whose entry contains `offset`, if any. */
  resourceAt(offset: number): Resource | undefined;
  /** Computes a derived value once per model (keyed by `key`) and returns it afterwards. */
  memo<T>(key: string, compute: (t: Template) => T): T;
  /** Tells this model apart from every other one built in the process. */
  readonly serial: number;
  /** What the incremental re-parse that built this model changed in the model it replaced. */
  readonly edit: TemplateEdit | undefined;
}

/** The edit an incremental re-parse applied to the model with serial `from`. */
export interface TemplateEdit {
  readonly from: number;
  /** The edited region `[start, end)` of the old text, which changed length by `delta`. */
  readonly start: number;
  readonly end: number;
  readonly delta: number;
  /** The keys of the one Resources entry read again, before and after the edit; every other entry is the same node. */
  readonly ids: readonly string[];
  /** The section other than Resources read again instead, if one was. */
  readonly section?: string;
}

let serials = 0;

/**
 * Parses and builds the model for one document's text. Never throws. Text that cannot be a template
 * (see `mayBeTemplate`) is not parsed at all: it gets an empty model without problems, whatever its
 * size or content.
 */
export function buildTemplate(text: string): Template {
  if (!mayBeTemplate(text)) return new TemplateModel(text, undefined, [], false, []);
  const parsed = parseText(text);
  const root = parsed.root?.kind === 'map' ? parsed.root : undefined;
  return new TemplateModel(text, root, parsed.problems, parsed.anchors, parsed.directives);
}

/**
 * What a model built after an edit takes over from the model before it: its line index, moved past
 * the edited region `[start, end)` of the old text (which changed length by `delta`), and the
 * resources whose nodes it still has.
 */
export interface ModelBasis {
  readonly previous: Template;
  readonly start: number;
  readonly end: number;
  readonly delta: number;
  /** The keys of the Resources entry that was read again, before and after the edit. */
  readonly ids: readonly string[];
  /** The section other than Resources that was read again instead, if one was. */
  readonly section?: string;
}

/** Builds the model over a tree that is already parsed (incremental re-parses, which never involve anchors). */
export function templateFromTree(text: string, root: MapNode | undefined, problems: readonly ParseProblem[], directives: readonly Directive[], basis?: ModelBasis): Template {
  return new TemplateModel(text, root, problems, false, directives, basis);
}

/**
 * A document is a template when it has AWSTemplateFormatVersion, a SAM Transform, or a Resources
 * map whose entries have `AWS::` types. Anything else (a docker-compose file, a package.json) is not.
 */
export function isTemplateRoot(root: MapNode | undefined): boolean {
  if (!root) return false;
  if (pairOf(root, 'AWSTemplateFormatVersion')) return true;
  if (hasSamTransform(root)) return true;
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  return resources.pairs.some((p) => str(get(p.value, 'Type'))?.startsWith('AWS::') === true);
}

/** JSON or YAML: the same test that chose the parser (`isJsonText`). */
export function formatOf(text: string): DocumentFormat {
  return isJsonText(text) ? 'json' : 'yaml';
}

function hasSamTransform(root: MapNode): boolean {
  const t = get(root, 'Transform');
  const names = t?.kind === 'seq' ? t.items : t ? [t] : [];
  return names.some((n) => str(n)?.startsWith('AWS::Serverless') === true);
}

class TemplateModel implements Template {
  readonly lines: LineIndex;
  readonly format: DocumentFormat;
  readonly isTemplate: boolean;
  readonly isSam: boolean;
  readonly parameters = new Map<string, Parameter>();
  readonly mappings = new Map<string, MapNode>();
  readonly conditions = new Map<string, Node>();
  readonly resources = new Map<string, Resource>();
  readonly outputs = new Map<string, Node>();
  readonly globals: MapNode | undefined;
  private readonly byType = new Map<string, Resource[]>();
  private readonly memos = new Map<string, unknown>();
  private sortedResources: Resource[] | undefined;
  readonly serial = ++serials;
  readonly edit: TemplateEdit | undefined;

  constructor(
    readonly text: string,
    readonly root: MapNode | undefined,
    readonly problems: readonly ParseProblem[],
    readonly anchors: boolean,
    readonly directives: readonly Directive[],
    basis?: ModelBasis,
  ) {
    this.lines = basis ? basis.previous.lines.edited(text, basis.start, basis.end, basis.delta) : new LineIndex(text);
    this.edit = basis && { from: basis.previous.serial, start: basis.start, end: basis.end, delta: basis.delta, ids: basis.ids, ...(basis.section ? { section: basis.section } : {}) };
    this.format = formatOf(text);
    this.isTemplate = isTemplateRoot(root);
    this.isSam = root !== undefined && hasSamTransform(root);
    const globals = get(root, 'Globals');
    this.globals = globals?.kind === 'map' ? globals : undefined;
    if (!this.isTemplate || !root) return;
    this.indexSections(root, basis?.previous);
  }

  private indexSections(root: MapNode, previous: Template | undefined): void {
    for (const p of section(root, 'Parameters')) {
      const def = get(p.value, 'Default');
      const noEcho = get(p.value, 'NoEcho');
      this.parameters.set(p.key, {
        id: p.key,
        idRange: p.keyRange,
        node: p.value,
        type: str(get(p.value, 'Type')),
        default: def,
        noEcho: noEcho?.kind === 'scalar' && (noEcho.value === true || noEcho.value === 'true'),
      });
    }
    for (const p of section(root, 'Mappings')) if (p.value.kind === 'map') this.mappings.set(p.key, p.value);
    for (const p of section(root, 'Conditions')) this.conditions.set(p.key, p.value);
    for (const p of section(root, 'Outputs')) this.outputs.set(p.key, p.value);
    const entries = section(root, 'Resources');
    if (previous && this.takeOver(entries, previous)) return;
    for (const p of entries) {
      // An entry the edit left alone is the same node: its Resource is taken over as it is.
      const kept = previous?.resources.get(p.key);
      const resource = kept && kept.node === p.value && kept.idRange === p.keyRange ? kept : resourceOf(p);
      if (resource) this.add(resource);
    }
  }

  /**
   * The resources of `previous` with the one entry an edit replaced read again, when that entry kept
   * its logical id and type and every other entry is the previous model's own: the same maps a fresh
   * indexing gives, in the same order, for the cost of copying them.
   */
  private takeOver(entries: readonly Pair[], previous: Template): boolean {
    const before = previous.root ? section(previous.root, 'Resources') : [];
    if (before.length !== entries.length || !(previous instanceof TemplateModel)) return false;
    let at = -1;
    for (let i = 0; i < entries.length; i++) {
      if (entries[i] === before[i]) continue;
      if (at >= 0) return false;
      at = i;
    }
    if (at < 0) {
      // Every entry is the previous model's (an edit outside Resources): so are the maps.
      for (const [id, r] of previous.resources) this.resources.set(id, r);
      for (const [type, list] of previous.byType) this.byType.set(type, list);
      if (previous.sortedResources) this.sortedResources = previous.sortedResources;
      return true;
    }
    const entry = entries[at]!;
    const old = previous.resources.get(entry.key);
    const now = resourceOf(entry);
    if (!old || !now || old.node !== before[at]!.value || old.id !== now.id || old.type !== now.type) return false;
    for (const [id, r] of previous.resources) this.resources.set(id, id === now.id ? now : r);
    for (const [type, list] of previous.byType) this.byType.set(type, type === now.type ? list.map((r) => (r === old ? now : r)) : list);
    // Every entry moved with the text, the replaced one kept its place: the order by position holds.
    if (previous.sortedResources) this.sortedResources = previous.sortedResources.map((r) => (r === old ? now : r));
    return true;
  }

  private add(resource: Resource): void {
    this.resources.set(resource.id, resource);
    let list = this.byType.get(resource.type);
    if (!list) this.byType.set(resource.type, (list = []));
    list.push(resource);
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  resourceAt(offset: number): Resource | undefined {
    this.sortedResources ??= [...this.resources.values()].sort((a, b) => a.idRange.start - b.idRange.start);
    const list = this.sortedResources;
    let lo = 0;
    let hi = list.length - 1;
    let found: Resource | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid]!;
      if (r.idRange.start <= offset) {
        found = r;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && offset <= found.node.range.end ? found : undefined;
  }

  memo<T>(key: string, compute: (t: Template) => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute(this);
    this.memos.set(key, value);
    return value;
  }
}

/** The resource an entry of Resources stands for: a map with a Type. */
function resourceOf(p: Pair): Resource | undefined {
  if (p.value.kind !== 'map') return undefined;
  const type = str(get(p.value, 'Type'));
  if (!type) return undefined;
  const props = get(p.value, 'Properties');
  return { id: p.key, idRange: p.keyRange, type, node: p.value, properties: props?.kind === 'map' ? props : undefined, condition: str(get(p.value, 'Condition')) };
}

function section(root: MapNode, name: string) {
  const s = get(root, name);
  return s?.kind === 'map' ? s.pairs : [];
}
