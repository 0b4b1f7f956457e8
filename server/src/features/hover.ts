/**
 * Hovers on properties that rules check: the rule in one sentence, the value as Lambda Lens resolves
 * it (through parameters, conditions and Globals), the rules involved and the AWS documentation.
 * Every other property and resource type shows the specification's documentation.
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import { str } from '../template/ast';
import type { Node, Pair } from '../template/ast';
import type { Template } from '../template/model';
import { functionById } from '../template/functions';
import { resolve } from '../template/resolve';
import { ruleDocsUrl } from '../rules/docs';
import { describeType, resourceDocsUrl, resourceSpec } from '../schema/spec';
import { HOVERS } from './hoverTable';
import { placeAt, valuesOf } from './schemaContext';
import type { FunctionSize } from '../measure/types';
import { lensTitle } from './codeLens';
import { toLspRange } from './convert';

/** A function's package measurement, for the hover on its code location (undefined while pending). */
export type MeasurementOf = (resourceId: string) => FunctionSize | undefined;

/** Properties whose hover also says what the package measured and on which basis. */
const CODE_KEYS: ReadonlySet<string> = new Set(['CodeUri', 'Code']);

/** The hover for a position, or null when it is not on a checked property. */
export function hover(template: Template, position: Position, measurementOf?: MeasurementOf): Hover | null {
  if (!template.isTemplate || !template.root) return null;
  const offset = template.lines.offsetAt(position);
  // The deepest enclosing property that has an entry: hovering a variable inside Environment explains Environment.
  const chain = pairChain(template.root, offset);
  // A key Lambda Lens checks, and everything inside it (an environment variable, a subnet list), keeps
  // the checked property's hover; any other key shows the specification's documentation.
  const checked = chain.findLastIndex((p) => HOVERS[p.key] !== undefined);
  // A top-level section's own hover (Resources) explains that key only, not the keys below it.
  if (checked < 0 || (checked === 0 && chain.length > 1)) return schemaHover(template, chain, offset);
  const pair = chain[checked]!;
  const entry = HOVERS[pair.key]!;
  const lines = [`**${pair.key}** — ${entry.sentence}`];
  const value = describeValue(template, pair.value);
  if (value) lines.push('', `Current value: ${value}`);
  const resource = CODE_KEYS.has(pair.key) && measurementOf ? template.resourceAt(offset) : undefined;
  if (resource && functionById(template, resource.id)) lines.push('', `Package: ${lensTitle(measurementOf!(resource.id))}`);
  const rules = entry.rules.map((id) => {
    const href = ruleDocsUrl(id);
    return href ? `[${id}](${href})` : undefined;
  }).filter((s): s is string => !!s);
  if (rules.length > 0) lines.push('', `Rules: ${rules.join(' · ')}`);
  lines.push('', `[AWS documentation](${entry.url})`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(template, pair.keyRange) };
}

/**
 * Documentation from the specification: a resource's Type shows the type's, a key under Properties
 * (nested structures and SAM events included) or Globals shows the property's.
 */
function schemaHover(t: Template, chain: readonly Pair[], offset: number): Hover | null {
  const last = chain[chain.length - 1];
  if (!last) return null;
  const path = chain.map((p) => p.key);
  if (path.length === 3 && path[0] === 'Resources' && last.key === 'Type') {
    const type = str(last.value);
    const spec = type ? resourceSpec(type) : undefined;
    if (!spec) return null;
    const generated = spec.generatedType ? [`SAM turns it into an ${spec.generatedType} (and the resources that go with it) under the same logical id.`] : [];
    const lines = [`**${spec.type}**`, ...[spec.documentation, ...generated].flatMap((d) => (d ? ['', d] : [])), '', `[AWS documentation](${spec.docsUrl})`];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(t, last.value.range) };
  }
  // On a key, or on a scalar value (the value explains its key).
  if (!contains(last.keyRange, offset) && last.value.kind !== 'scalar') return null;
  const place = placeAt(t, path);
  if (!place?.property) return null;
  const p = place.property;
  const lines = [`**${p.name}** — ${describeType(p.type)}${p.required ? ', required' : ''}`];
  if (p.documentation) lines.push('', p.documentation);
  const allowed = valuesOf(p.type);
  if (allowed.length > 0 && allowed.length <= 30 && p.type.kind !== 'boolean') lines.push('', `Allowed: ${allowed.map((v) => `\`${v}\``).join(', ')}`);
  lines.push('', `[${place.resourceType} documentation](${resourceDocsUrl(place.resourceType)})`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(t, last.keyRange) };
}

/** The key/value pairs whose key or value contains `offset`, outermost first. */
function pairChain(node: Node, offset: number): Pair[] {
  const chain: Pair[] = [];
  let cur: Node | undefined = node;
  while (cur) {
    let next: Node | undefined;
    if (cur.kind === 'map') {
      for (const p of cur.pairs) {
        if (contains(p.keyRange, offset)) {
          chain.push(p);
          return chain;
        }
        if (contains(p.value.range, offset)) {
          chain.push(p);
          next = p.value;
          break;
        }
      }
    } else if (cur.kind === 'seq') {
      next = cur.items.find((i) => contains(i.range, offset));
    } else if (cur.kind === 'intrinsic') {
      next = contains(cur.arg.range, offset) ? cur.arg : undefined;
    }
    cur = next;
  }
  return chain;
}

function contains(r: { start: number; end: number }, offset: number): boolean {
  return offset >= r.start && offset <= r.end;
}

function describeValue(t: Template, node: Node): string | undefined {
  if (node.kind === 'map') return `${node.pairs.length} ${node.pairs.length === 1 ? 'entry' : 'entries'}`;
  if (node.kind === 'seq') return `${node.items.length} ${node.items.length === 1 ? 'item' : 'items'}`;
  const candidates = resolve(t, node);
  if (candidates.length === 0) return node.kind === 'intrinsic' ? 'not known until deployment' : undefined;
  return candidates.map((c) => `\`${String(c.value)}\`${c.via.length > 0 ? ' (parameter default)' : ''}`).join(' or ');
}
