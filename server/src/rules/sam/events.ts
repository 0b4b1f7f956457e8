/**
 * SAM event entries as the translator reads them: every `Events.<id>` of a SAM function or state
 * machine with its raw `Type` and `Properties`. (template/eventSources.ts models the triggers of
 * functions by kind; the translator's checks need every entry as written, on state machines too.)
 */
import { get, pairOf, str } from '../../template/ast';
import type { MapNode, Node, Range } from '../../template/ast';
import type { Resource, Template } from '../../template/model';
import type { PropertyReads } from '../types';

export interface SamEvent {
  readonly resource: Resource;
  readonly id: string;
  readonly idRange: Range;
  readonly type: string | undefined;
  /** `Properties`, when it is a map. */
  readonly props: MapNode | undefined;
  /** Where to report something missing from Properties: its key, else the event's id. */
  readonly propsKey: Range;
}

/** The SAM resource types with an Events property. */
export const WITH_EVENTS = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** `RuleReads.types` for a rule that reads `read` of the resources with events. */
export function withEvents(read: PropertyReads): Record<string, PropertyReads> {
  return Object.fromEntries(WITH_EVENTS.map((type) => [type, read]));
}

/** Every SAM event entry of the template, computed once per model. */
export function samEvents(t: Template): readonly SamEvent[] {
  return t.memo('sam/events', () => {
    const out: SamEvent[] = [];
    for (const type of WITH_EVENTS) for (const r of t.ofType(type)) out.push(...eventsOf(r));
    return out;
  });
}

/** The event entries of each resource: the scopes of an incremental validation list the same resources again. */
const byResource = new WeakMap<Resource, readonly SamEvent[]>();

function eventsOf(r: Resource): readonly SamEvent[] {
  let out = byResource.get(r);
  if (out) return out;
  const list: SamEvent[] = [];
  const events = get(r.properties, 'Events');
  for (const p of events?.kind === 'map' ? events.pairs : []) {
    if (p.value.kind !== 'map') continue;
    const props = pairOf(p.value, 'Properties');
    list.push({
      resource: r,
      id: p.key,
      idRange: p.keyRange,
      type: str(get(p.value, 'Type')),
      props: props?.value.kind === 'map' ? props.value : undefined,
      propsKey: props?.keyRange ?? p.keyRange,
    });
  }
  byResource.set(r, (out = list));
  return out;
}

/** SAM resources of the given types, each with its Properties map (empty when absent). */
export function samResources(t: Template, ...types: string[]): Array<{ resource: Resource; props: MapNode }> {
  return types.flatMap((type) => t.ofType(type).map((resource) => ({ resource, props: resource.properties ?? { kind: 'map', pairs: [], range: resource.idRange } })));
}

/** True for a literal (not an intrinsic, not null). */
export function isLiteral(node: Node | undefined): boolean {
  return node !== undefined && node.kind !== 'intrinsic' && !(node.kind === 'scalar' && node.value === null);
}

export const SAM_URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification.html';
