import { get, isNull, pairOf } from '../../template/ast';
import type { MapNode, Node, Range } from '../../template/ast';
import { resourceSpec, samEventSpec } from '../../schema/spec';
import { translatorEventProperties, translatorProperties } from '../../schema/translator';
import type { TranslatorProperty, TranslatorType } from '../../schema/translator';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Template } from '../../template/model';
import type { Rule, RuleContext } from '../types';
import { samEvents } from './events';
import { anIntrinsic, pythonText } from './pythonValues';
import { describeNode } from '../schema/shape';
import { EACH_RESOURCE } from '../helpers';

const SAM_PREFIX = 'AWS::Serverless::';
/** Required event properties SAM's own plugins fill in: an Api event without RestApiId goes to the implicit API. */
const FILLED_BY_SAM: Readonly<Record<string, ReadonlySet<string>>> = { Api: new Set(['RestApiId']) };
/** Required event properties events/stream-settings reports, with the values Lambda accepts. */
const STREAM_SETTINGS: Readonly<Record<string, ReadonlySet<string>>> = { Kinesis: new Set(['StartingPosition']), DynamoDB: new Set(['StartingPosition']) };
/** The OpenAPI 3 versions SAM's Globals step turns from a number (`3.0`) into a string. */
const OPENAPI_3 = /^3(\.\d)(\.\d)?$/;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Role: arn:aws:iam::123456789012:role/orders\n      AutoPublishAlias: live\n      AutoPublishAliasAllProperties: true\n`);

/**
 * sam/property-types: the value types the SAM translator checks itself (its `property_types`
 * tables), which are stricter than SAM's JSON Schema in places: a number where it reads a string,
 * an intrinsic function where it needs the value itself.
 */
export const propertyTypes: Rule = {
  meta: {
    id: 'sam/property-types',
    severity: 'error',
    description: 'Every property of a SAM resource and of its event sources has the value type the SAM translator checks (a string, not a number; the literal value where it resolves no intrinsic function), and the properties it requires are there.',
    docs: {
      bad: changed(EXAMPLE, ['AutoPublishAliasAllProperties: true', 'AutoPublishAliasAllProperties: !If [IsProd, true, false]']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-resources-and-properties.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/sam_resources.py'],
    },
    fixable: false,
    reads: EACH_RESOURCE,
    narrows: ['schema/invalid-value', 'schema/required'],
  },
  check(ctx) {
    const t = ctx.template;
    for (const r of t.resources.values()) {
      const table = r.type.startsWith(SAM_PREFIX) ? translatorProperties(r.type) : undefined;
      const propsPair = pairOf(r.node, 'Properties');
      if (!table || (propsPair && propsPair.value.kind !== 'map' && !isNull(propsPair.value))) continue;
      const globals = get(t.globals, r.type.slice(SAM_PREFIX.length));
      const section = globals?.kind === 'map' ? globals : undefined;
      checkMap(ctx, r.properties, table, {
        owner: r.id,
        resource: r.id,
        missingAt: propsPair?.keyRange ?? r.idRange,
        notMissing: (name) => section !== undefined && pairOf(section, name) !== undefined,
        schemaRequired: resourceSpec(r.type)?.required ?? [],
        rewritten: (name, node) => r.type === 'AWS::Serverless::Api' && name === 'OpenApiVersion' && managedDefinition(r.properties) && openApi3(t, node),
      });
    }
    for (const e of samEvents(t)) {
      const table = e.type ? translatorEventProperties(e.resource.type, e.type) : undefined;
      if (!table || !e.props) continue;
      const skipped = (name: string) => FILLED_BY_SAM[e.type!]?.has(name) === true || STREAM_SETTINGS[e.type!]?.has(name) === true;
      const schemaRequired = samEventSpec(e.resource.type, e.type!)?.properties.required ?? [];
      checkMap(ctx, e.props, table, { owner: `Event ${e.id}`, resource: e.resource.id, missingAt: e.propsKey, notMissing: skipped, schemaRequired });
    }
    // Globals values are checked where they are written: SAM checks them in every resource that inherits them.
    for (const s of t.globals?.pairs ?? []) {
      const table = translatorProperties(`${SAM_PREFIX}${s.key}`);
      const rewritten = (name: string, node: Node) => s.key === 'Api' && name === 'OpenApiVersion' && openApi3(t, node);
      if (table && s.value.kind === 'map') checkMap(ctx, s.value, table, { owner: `Globals.${s.key}`, resource: undefined, missingAt: undefined, notMissing: () => true, rewritten });
    }
  },
};

interface Where {
  /** How the message names the map's owner: a resource id, `Event <id>`, `Globals.Function`. */
  readonly owner: string;
  readonly resource: string | undefined;
  /** Where a missing required property is reported (none: not checked). */
  readonly missingAt: Range | undefined;
  /** Required names that are not missing here: given in Globals, filled in by SAM, or reported by another rule. */
  readonly notMissing: (name: string) => boolean;
  /** Required properties SAM's JSON Schema lists too: schema/required reports those. */
  readonly schemaRequired?: readonly string[];
  /** True for a value SAM rewrites into an accepted one before it checks it. */
  readonly rewritten?: (name: string, node: Node) => boolean;
}

function checkMap(ctx: RuleContext, map: MapNode | undefined, table: ReadonlyMap<string, TranslatorProperty>, where: Where): void {
  const resource = where.resource ? { resource: where.resource } : {};
  // The properties written (a handful) are looked up in the table (dozens); of a key given twice, the first value is read.
  for (const p of map?.pairs ?? []) {
    const prop = table.get(p.key);
    if (!prop || isNull(p.value) || pairOf(map!, p.key) !== p) continue;
    const problem = where.rewritten?.(p.key, p.value) ? undefined : mismatch(p.value, prop);
    if (problem) ctx.report({ range: p.value.range, message: `${where.owner}: ${p.key} ${problem}`, ...resource });
  }
  const missing: string[] = [];
  for (const name of requiredNames(table)) {
    const value = map ? pairOf(map, name)?.value : undefined;
    if ((value === undefined || isNull(value)) && !where.notMissing(name) && !where.schemaRequired?.includes(name)) missing.push(name);
  }
  if (missing.length > 0 && where.missingAt) {
    ctx.report({ range: where.missingAt, message: `${where.owner} is missing ${missing.join(', ')}, which SAM requires.`, ...resource });
  }
}

const required = new WeakMap<ReadonlyMap<string, TranslatorProperty>, readonly string[]>();

/** The names a translator table requires, in its order; once per table. */
function requiredNames(table: ReadonlyMap<string, TranslatorProperty>): readonly string[] {
  let names = required.get(table);
  if (!names) required.set(table, (names = [...table].filter(([, p]) => p.required).map(([name]) => name)));
  return names;
}

/** True when SAM writes the API's definition itself: neither DefinitionBody nor DefinitionUri has a value (an empty map counts as none). */
function managedDefinition(props: MapNode | undefined): boolean {
  return ['DefinitionBody', 'DefinitionUri'].every((key) => {
    const v = get(props, key);
    return v === undefined || isNull(v) || (v.kind === 'map' && v.pairs.length === 0) || (v.kind === 'scalar' && v.value === '');
  });
}

/** A number that reads as an OpenAPI 3 version the way Python prints it (`3.0` stays `3.0`). */
function openApi3(t: Template, node: Node): boolean {
  return node.kind === 'scalar' && typeof node.value === 'number' && OPENAPI_3.test(pythonText(t, node));
}

/** Why the translator refuses `node` for the property, or undefined when it accepts it. */
function mismatch(node: Node, prop: TranslatorProperty): string | undefined {
  // The translator leaves any one-key map (its test for an intrinsic function) to CloudFormation where it accepts intrinsics.
  if (prop.intrinsics && (node.kind === 'intrinsic' || (node.kind === 'map' && node.pairs.length === 1))) return undefined;
  if (matches(node, prop.type)) return undefined;
  if (node.kind === 'intrinsic') {
    return `is ${anIntrinsic(node.fn)}, which SAM does not resolve here: it needs ${describe(prop.type)} written out in the template.`;
  }
  return `must be ${describe(prop.type)} for SAM; here it is ${describeNode(node)}.`;
}

/** The translator's validators over the parsed template (Python `isinstance`: a bool is also an int). */
function matches(node: Node, type: TranslatorType): boolean {
  switch (type.kind) {
    case 'any':
      return true;
    case 'string':
      return node.kind === 'scalar' && typeof node.value === 'string';
    case 'enum':
      return node.kind === 'scalar' && typeof node.value === 'string' && type.values.includes(node.value);
    case 'boolean':
      return node.kind === 'scalar' && typeof node.value === 'boolean';
    case 'integer':
      return node.kind === 'scalar' && (typeof node.value === 'boolean' || (typeof node.value === 'number' && Number.isInteger(node.value)));
    // An intrinsic function is a map to the translator.
    case 'map':
      return node.kind === 'map' || node.kind === 'intrinsic';
    case 'list':
      return node.kind === 'seq';
    case 'listOf':
      return node.kind === 'seq' && node.items.every((i) => matches(i, type.item));
    case 'mapOf':
      return node.kind === 'intrinsic' || (node.kind === 'map' && node.pairs.every((p) => matches(p.value, type.item)));
    case 'oneOf':
      return type.types.some((t) => matches(node, t));
  }
}

function describe(type: TranslatorType): string {
  switch (type.kind) {
    case 'any':
      return 'any value';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${type.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'map':
      return 'a map';
    case 'list':
      return 'a list';
    case 'listOf':
      return `a list of ${plural(type.item)}`;
    case 'mapOf':
      return `a map of ${plural(type.item)}`;
    case 'oneOf':
      return type.types.map(describe).join(' or ');
  }
}

function plural(type: TranslatorType): string {
  if (type.kind === 'oneOf') return type.types.map(plural).join(' or ');
  if (type.kind === 'any') return 'values';
  if (type.kind === 'boolean') return 'booleans';
  if (type.kind === 'enum') return 'strings';
  if (type.kind === 'integer') return 'whole numbers';
  return `${describe(type).replace(/^an? /, '')}s`;
}

