/**
 * Checks one resource entry against its type's specification: every key known, every literal value of
 * the type the specification gives (through `!If` branches), every required property present — in
 * resource Properties, nested structures and SAM event Properties. Values behind any other intrinsic
 * are not judged. The result is a pure function of the resource's node and the SAM Globals node it
 * inherits from, so it is computed once per node and shared by the three schema rules.
 */
import { isIntrinsicName, pairOf, str } from '../../template/ast';
import type { MapNode, Node, Range, ScalarNode } from '../../template/ast';
import type { Resource, Template } from '../../template/model';
import { isNoValue } from '../../template/resolve';
import { closestName } from '../../names';
import { describeType, resourceSpec, resourceTypes, samGlobalsSections } from '../../schema/spec';
import type { Structure, ValueType } from '../../schema/spec';
import type { EditValue } from '../edits';
import { unionFor } from './unions';
import type { Discriminated } from './unions';

export type ShapeRule = 'unknown-property' | 'invalid-value' | 'required';

/** A replacement the rule turns into a quick fix (written in the document's style by rules/edits). */
export interface ShapeReplacement {
  readonly title: string;
  readonly range: Range;
  readonly value: EditValue;
}

export interface ShapeIssue {
  readonly rule: ShapeRule;
  /** Set for findings less certain than an error (an allowed value written in other case). */
  readonly severity?: 'warning';
  readonly range: Range;
  readonly message: string;
  readonly replacement?: ShapeReplacement;
}

/** Keys a resource entry may have besides Type and Properties (CloudFormation resource attributes). */
const RESOURCE_ATTRIBUTES: ReadonlySet<string> = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy']);
/** What SAM adds to its own resource types. */
const SAM_ATTRIBUTES: ReadonlySet<string> = new Set(['IgnoreGlobals', 'Connectors']);

/**
 * Numeric properties whose values Lambda rules already judge against their quota (limits/memory-size,
 * limits/timeout, limits/ephemeral-storage, events/sqs-batching, events/stream-settings, all reporting a
 * non-number too): schema/invalid-value leaves their scalar values to those rules, one finding per cause.
 */
const NUMBERS_JUDGED_ELSEWHERE: ReadonlySet<string> = new Set([
  'MemorySize', 'Timeout', 'Size', 'BatchSize', 'ParallelizationFactor', 'MaximumRetryAttempts', 'TumblingWindowInSeconds', 'MaximumBatchingWindowInSeconds',
]);
const LAMBDA_RULED_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Lambda::EventSourceMapping']);

/** Findings that stand even where the specification is looser than it looks (see `union`). */
const FIRM = new WeakSet<ShapeIssue>();

/** Each entry node's issues, while the node is where they were found (`at`: incremental re-parses move nodes in place). */
const cache = new WeakMap<MapNode, { globals: MapNode | undefined; at: number; issues: readonly ShapeIssue[] }>();

/** A shape issue with the logical id it belongs to (none for Globals). */
export interface TemplateShapeIssue extends ShapeIssue {
  readonly resource: string | undefined;
}

/** Every shape issue of a template: each resource's (cached per node) and the SAM Globals section's. */
export function templateShapeIssues(t: Template): readonly TemplateShapeIssue[] {
  return t.memo('schema/shape', () => {
    const out: TemplateShapeIssue[] = [];
    if (t.globals) for (const issue of globalsShapeIssues(t.globals)) out.push({ ...issue, resource: undefined });
    for (const r of t.resources.values()) {
      const section = r.type.startsWith(SAM_PREFIX) ? t.globals && pairOf(t.globals, r.type.slice(SAM_PREFIX.length))?.value : undefined;
      const globals = section?.kind === 'map' ? section : undefined;
      for (const issue of resourceShapeIssues(r, globals)) out.push({ ...issue, resource: r.id });
    }
    return out;
  });
}

const SAM_PREFIX = 'AWS::Serverless::';

/** Globals issues per Globals node, while it is where they were found: every scope of an incremental validation reads the same section. */
const globalsCache = new WeakMap<MapNode, { at: number; issues: readonly ShapeIssue[] }>();

/** Shape issues of the SAM Globals section: known sections only, each with the properties SAM lets it share. */
export function globalsShapeIssues(globals: MapNode): readonly ShapeIssue[] {
  const at = globals.range.start;
  const known = globalsCache.get(globals);
  if (known?.at === at) return known.issues;
  const sections = samGlobalsSections();
  const out: ShapeIssue[] = [];
  for (const p of globals.pairs) {
    // Globals are partial by nature (each resource completes them): required properties are not checked there.
    const checker = new Checker({ id: 'Globals', type: 'Globals' }, undefined, p.key === 'Function', false);
    const s = sections.get(p.key);
    if (!s) {
      const guess = closestName(p.key, sections.keys());
      checker.unknown(p.keyRange, `Globals has no section ${p.key}${guess ? `; did you mean ${guess}?` : '.'} SAM accepts ${[...sections.keys()].join(', ')}.`, guess);
    } else checker.structure(p.value, s, p.keyRange, `Globals.${p.key}`);
    out.push(...checker.issues());
  }
  globalsCache.set(globals, { at, issues: out });
  return out;
}

/**
 * The shape issues of one resource. `globals` is the SAM `Globals` section for its type
 * (`Globals.Function` for a function): properties given there count as present.
 */
export function resourceShapeIssues(resource: Resource, globals: MapNode | undefined): readonly ShapeIssue[] {
  const hit = cache.get(resource.node);
  const at = resource.node.range.start;
  if (hit && hit.globals === globals && hit.at === at) return hit.issues;
  const issues = new Checker(resource, globals).run(resource);
  cache.set(resource.node, { globals, at, issues });
  return issues;
}

/** Who is being checked: a resource, or the Globals section. */
interface Owner {
  readonly id: string;
  readonly type: string;
}

/** The checks over one owner; the class is private to this module, its methods are used by the functions above. */
class Checker {
  private readonly out: ShapeIssue[] = [];

  constructor(
    private readonly resource: Owner,
    private readonly globals: MapNode | undefined,
    /** True where Lambda rules judge numeric quotas (functions, event source mappings, Globals.Function). */
    private readonly lambdaRuled = LAMBDA_RULED_TYPES.has(resource.type),
    private readonly checkRequired = true,
  ) {}

  issues(): readonly ShapeIssue[] {
    return this.out;
  }

  run(r: Resource): readonly ShapeIssue[] {
    const typePair = pairOf(r.node, 'Type')!;
    const spec = resourceSpec(r.type);
    if (!spec) {
      if (r.type.startsWith('AWS::')) this.unknownType(typePair.value);
      return this.out;
    }
    for (const p of r.node.pairs) {
      // Embedded Connectors may sit on any resource of a SAM template.
      if (RESOURCE_ATTRIBUTES.has(p.key) || (SAM_ATTRIBUTES.has(p.key) && (spec.sam || p.key === 'Connectors'))) continue;
      const guess = closestName(p.key, spec.sam ? [...RESOURCE_ATTRIBUTES, ...SAM_ATTRIBUTES] : RESOURCE_ATTRIBUTES);
      this.unknown(p.keyRange, `${p.key} is not a resource attribute; CloudFormation accepts only ${[...RESOURCE_ATTRIBUTES].join(', ')}${spec.sam ? ` (and for SAM resources ${[...SAM_ATTRIBUTES].join(', ')})` : ''}.`, guess);
    }
    const propsPair = pairOf(r.node, 'Properties');
    if (!propsPair || propsPair.value.kind === 'scalar' && propsPair.value.value === null) {
      const missing = spec.required.filter((name) => !this.inGlobals(name));
      if (missing.length > 0) this.missing(propsPair?.keyRange ?? r.idRange, `${r.id} (${r.type})`, missing);
      return this.out;
    }
    this.structure(propsPair.value, spec, propsPair.keyRange, '');
    return this.out;
  }

  private unknownType(node: Node): void {
    const type = str(node)!;
    const guess = closestType(type);
    this.out.push({
      rule: 'invalid-value',
      range: node.range,
      message: `${type} is not a CloudFormation resource type${guess ? `; did you mean ${guess}?` : '. Check the spelling against the resource type reference.'}`,
      ...(guess ? { replacement: { title: `Change to ${guess}`, range: node.range, value: guess } } : {}),
    });
  }

  private inGlobals(name: string): boolean {
    return this.globals !== undefined && pairOf(this.globals, name) !== undefined;
  }

  /**
   * Checks a map against a structure. `path` is the dotted path below Properties ('' for Properties
   * itself); `keyRange` is where a missing required property is reported.
   */
  structure(node: Node, s: Structure, keyRange: Range, path: string): void {
    // A literal map is its only alternative; `!If` branches are listed.
    if (node.kind === 'intrinsic') for (const alt of this.alternatives(node)) this.structureOf(alt, s, keyRange, path);
    else this.structureOf(node, s, keyRange, path);
  }

  private structureOf(alt: Node, s: Structure, keyRange: Range, path: string): void {
    const top = path === '';
    if (alt.kind === 'intrinsic') return;
    if (alt.kind !== 'map') {
      this.wrongType(alt, 'a map', top ? 'Properties' : path);
      return;
    }
    // A macro (Fn::Transform) expands this map at deployment; its final shape is unknown.
    if (hasIntrinsicKey(alt)) return;
    const properties = s.properties;
    for (const p of alt.pairs) {
      const prop = properties.get(p.key);
      if (!prop) {
        if (!s.open) this.unknownProperty(p.key, p.keyRange, s, top ? this.resource.type : path);
        continue;
      }
      this.value(p.value, prop.type, p.key, p.keyRange, top ? p.key : `${path}.${p.key}`);
    }
    // A structure that also has a Globals part is completed by it (SAM merges maps key by key).
    if (!this.checkRequired || s.required.length === 0 || (!top && this.inGlobals(path.split(/[.[]/)[0]!))) return;
    // A required property left empty is as missing as an absent one.
    const missing = s.required.filter((name) => !alt.pairs.some((p) => p.key === name && !isEmpty(p.value)) && !(top && this.inGlobals(name)));
    if (missing.length > 0) this.missing(keyRange, top ? `${this.resource.id} (${this.resource.type})` : path, missing);
  }

  /** The structural alternatives of a value: both branches of `!If`, without `!Ref AWS::NoValue`. */
  private alternatives(node: Node): Node[] {
    if (node.kind === 'intrinsic' && node.fn === 'Fn::If' && node.arg.kind === 'seq' && node.arg.items.length === 3) {
      return [...this.alternatives(node.arg.items[1]!), ...this.alternatives(node.arg.items[2]!)];
    }
    return isNoValue(node) ? [] : [node];
  }

  private value(node: Node, type: ValueType, name: string, keyRange: Range, where: string): void {
    // Most values are literals: checked at once, without the list of `!If` alternatives.
    if (node.kind === 'intrinsic') {
      for (const alt of this.alternatives(node)) if (alt.kind !== 'intrinsic' && !isEmpty(alt)) this.one(alt, type, name, keyRange, where);
    } else if (!isEmpty(node)) this.one(node, type, name, keyRange, where);
  }

  private one(node: Node, type: ValueType, name: string, keyRange: Range, where: string): void {
    switch (type.kind) {
      case 'any':
      case 'json':
      case 'null':
        return;
      case 'object':
      case 'map':
        if (node.kind !== 'map') return this.wrongType(node, 'a map', where);
        if (type.kind === 'map') for (const p of node.pairs) this.value(p.value, type.value, p.key, p.keyRange, `${where}.${p.key}`);
        return;
      case 'tag':
        if (node.kind !== 'map') return this.wrongType(node, 'a Key/Value tag', where);
        return;
      case 'structure':
        // SAM reshapes some pass-through values (alarm names for CodeDeploy's alarm structures).
        if (node.kind !== 'map' && type.structure.lenient) return;
        return this.structure(node, type.structure, keyRange, where);
      case 'list':
        // SAM's schema writes "object" for items it leaves unspecified (often intrinsics): such a list
        // takes one map for the whole list (a single statement), and its items are not judged.
        if (node.kind === 'map' && loose(type.item)) return;
        if (node.kind !== 'seq') {
          const wrap = node.kind === 'scalar' && matches(node, type.item);
          return this.wrongType(node, describeType(type), where, wrap ? { title: `Make ${name} a list`, range: node.range, value: [String(node.value)] } : undefined);
        }
        if (!loose(type.item)) node.items.forEach((item, i) => this.value(item, type.item, name, item.range, `${where}[${i}]`));
        return;
      case 'union':
        return this.union(node, type, name, keyRange, where);
      default:
        return this.scalar(node, type, name, where);
    }
  }

  private scalar(node: Node, type: ValueType, name: string, where: string): void {
    if (node.kind !== 'scalar') return this.wrongType(node, describeType(type), where);
    const v = node.value;
    switch (type.kind) {
      case 'string':
      case 'timestamp':
        if (type.kind === 'string' && type.enum && !type.enum.includes(String(v))) this.notInEnum(node, type.enum, where);
        return;
      case 'integer':
      case 'number': {
        if (this.lambdaRuled && NUMBERS_JUDGED_ELSEWHERE.has(name)) return;
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (typeof v === 'boolean' || Number.isNaN(n)) return this.wrongType(node, describeType(type), where);
        if (type.kind === 'integer' && !Number.isInteger(n)) {
          this.out.push({ rule: 'invalid-value', range: node.range, message: `${where} must be a whole number; ${String(v)} is not whole.`, replacement: { title: `Use ${Math.round(n)}`, range: node.range, value: String(Math.round(n)) } });
          return;
        }
        if (type.kind === 'integer' && type.enum && !type.enum.includes(n)) this.notInEnum(node, type.enum.map(String), where);
        return;
      }
      case 'boolean':
        if (typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v))) return;
        return this.wrongType(node, 'true or false', where);
    }
  }

  private union(node: Node, type: Extract<ValueType, { kind: 'union' }>, name: string, keyRange: Range, where: string): void {
    const { fits, discriminated } = unionFor(type, node.kind);
    if (fits.length === 0) return this.wrongType(node, describeType(type), where);
    // Structures told apart by a single-valued `Type` (SAM event sources): check against the one named.
    if (node.kind === 'map' && discriminated) {
      const chosen = this.discriminate(node, discriminated, where);
      if (chosen) this.structure(node, chosen, keyRange, where);
      return;
    }
    // Several alternatives of the node's kind: report only when none accepts it, and then what the
    // closest one (fewest issues, the first on a tie) finds.
    // SAM's schema is stricter than its translator in such unions (authorizer kinds), so of the closest
    // alternative's findings only the firm ones count: a scalar where a map is needed.
    if (fits.length === 1) return this.one(node, fits[0]!, name, keyRange, where);
    let best: ShapeIssue[] | undefined;
    for (const t of fits) {
      const trial = new Checker(this.resource, this.globals, this.lambdaRuled, this.checkRequired);
      trial.one(node, t, name, keyRange, where);
      if (trial.out.length === 0) return;
      if (!best || trial.out.length < best.length) best = trial.out;
    }
    this.out.push(...best!.filter((i) => FIRM.has(i)));
  }

  /** The structure whose `Type` enum holds the map's `Type` value; reports an unknown `Type`. */
  private discriminate(node: MapNode, { structures, names }: Discriminated, where: string): Structure | undefined {
    const typeNode = pairOf(node, 'Type')?.value;
    if (!typeNode) {
      this.out.push({ rule: 'required', range: node.range, message: `${where} needs a Type: one of ${names.join(', ')}.` });
      return undefined;
    }
    const value = str(typeNode);
    if (value === undefined || typeNode.kind !== 'scalar') return undefined;
    const i = names.indexOf(value);
    if (i < 0) {
      this.notInEnum(typeNode, names, `${where}.Type`);
      return undefined;
    }
    return structures[i]!;
  }

  private notInEnum(node: ScalarNode, allowed: readonly string[], where: string): void {
    const value = String(node.value);
    const guess = closestName(value, allowed);
    // Only the case differs: services often accept it, so this is a warning.
    const caseOnly = guess !== undefined && guess.toLowerCase() === value.toLowerCase();
    this.out.push({
      rule: 'invalid-value',
      ...(caseOnly ? { severity: 'warning' as const } : {}),
      range: node.range,
      message: `${where} "${value}" is not an allowed value${guess ? `; did you mean ${guess}?` : '.'} Allowed: ${allowed.join(', ')}.`,
      ...(guess ? { replacement: { title: `Change to ${guess}`, range: node.range, value: guess } } : {}),
    });
  }

  private wrongType(node: Node, expected: string, where: string, replacement?: ShapeReplacement): void {
    const issue: ShapeIssue = {
      rule: 'invalid-value',
      range: node.range,
      message: `${where} must be ${expected}; here it is ${describeNode(node)}.`,
      ...(replacement ? { replacement } : {}),
    };
    if (expected === 'a map' && node.kind === 'scalar') FIRM.add(issue);
    this.out.push(issue);
  }

  private unknownProperty(key: string, range: Range, s: Structure, where: string): void {
    const guess = closestName(key, s.properties.keys());
    const known = guess ? '' : ` Known properties: ${[...s.properties.keys()].join(', ')}.`;
    this.unknown(range, `${where} has no property ${key}${guess ? `; did you mean ${guess}?` : '.'}${known}`, guess);
  }

  unknown(range: Range, message: string, guess: string | undefined): void {
    this.out.push({ rule: 'unknown-property', range, message, ...(guess ? { replacement: { title: `Change to ${guess}`, range, value: guess } } : {}) });
  }

  private missing(range: Range, where: string, names: readonly string[]): void {
    const list = names.join(', ');
    this.out.push({ rule: 'required', range, message: `${where} is missing required propert${names.length === 1 ? 'y' : 'ies'} ${list}; add ${names.length === 1 ? 'it' : 'them'}.` });
  }
}

/** True when a map has a key that is an intrinsic function's name (a macro's `Fn::Transform`, a misplaced `Ref`). */
function hasIntrinsicKey(map: MapNode): boolean {
  for (const p of map.pairs) if (isIntrinsicName(p.key)) return true;
  return false;
}

/** A key written without a value (`Key:`); an empty string is a value (FilterPattern: "" matches everything). */
function isEmpty(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** Suggestions for unknown types, remembered: a half-typed Type is looked up on every keystroke. */
const typeGuesses = new Map<string, string | undefined>();

function closestType(type: string): string | undefined {
  if (typeGuesses.has(type)) return typeGuesses.get(type);
  if (typeGuesses.size > 1_000) typeGuesses.clear();
  const guess = closestName(type, resourceTypes());
  typeGuesses.set(type, guess);
  return guess;
}

/** True for an item type that is anything or any map (alone or as an alternative). */
function loose(t: ValueType): boolean {
  return t.kind === 'any' || t.kind === 'object' || (t.kind === 'union' && t.types.some(loose));
}

/** True when a scalar literal is a valid single value of `t` (so wrapping it in a list is the obvious fix). */
function matches(node: ScalarNode, t: ValueType): boolean {
  if (t.kind === 'string') return typeof node.value === 'string' && (!t.enum || t.enum.includes(node.value));
  if (t.kind === 'integer' || t.kind === 'number') return typeof node.value === 'number';
  return false;
}

/** A value as a message names it: `a list`, `the number 3`, `the string "x"`. */
export function describeNode(node: Node): string {
  switch (node.kind) {
    case 'map':
      return 'a map';
    case 'seq':
      return 'a list';
    case 'intrinsic':
      return 'an intrinsic function';
    case 'scalar':
      if (typeof node.value === 'number') return `the number ${node.value}`;
      if (typeof node.value === 'boolean') return `the boolean ${String(node.value)}`;
      return `the string "${String(node.value)}"`;
  }
}
