/**
 * Lambda@Edge: the LambdaFunctionAssociations of template-defined CloudFront distributions (default
 * and ordered cache behaviors), each resolved to the template function it runs. A function is "edge"
 * when at least one association names it.
 */
import { get, getPath } from './ast';
import type { Node, Range } from './ast';
import { functionRefOf } from './functionRefs';
import type { Qualifier } from './functionRefs';
import type { Template } from './model';
import { known } from './targets';

export type EdgeEventType = 'viewer-request' | 'viewer-response' | 'origin-request' | 'origin-response';

export interface EdgeAssociation {
  /** Logical id of the AWS::CloudFront::Distribution. */
  readonly distributionId: string;
  /** The association entry. */
  readonly range: Range;
  /** EventType when known. */
  readonly eventType: EdgeEventType | undefined;
  readonly eventTypeNode: Node | undefined;
  /** The LambdaFunctionARN node. */
  readonly arnNode: Node | undefined;
  /** The template function it runs, when template-defined. */
  readonly functionId: string | undefined;
  /** How the ARN qualifies the function (CloudFront needs a published version). */
  readonly qualifier: Qualifier | undefined;
}

const EVENT_TYPES: ReadonlySet<string> = new Set<EdgeEventType>(['viewer-request', 'viewer-response', 'origin-request', 'origin-response']);

/** Every Lambda@Edge association of the template, in document order; computed once per model. */
export function edgeAssociations(t: Template): readonly EdgeAssociation[] {
  return t.memo('edgeAssociations', build);
}

/** The associations running function `id` (empty when it is not an edge function). */
export function edgeAssociationsOf(t: Template, id: string): readonly EdgeAssociation[] {
  const byFunction = t.memo('edgeAssociationsByFunction', () => {
    const m = new Map<string, EdgeAssociation[]>();
    for (const a of edgeAssociations(t)) {
      if (!a.functionId) continue;
      const list = m.get(a.functionId);
      if (list) list.push(a);
      else m.set(a.functionId, [a]);
    }
    return m;
  });
  return byFunction.get(id) ?? [];
}

function build(t: Template): EdgeAssociation[] {
  const out: EdgeAssociation[] = [];
  for (const d of t.ofType('AWS::CloudFront::Distribution')) {
    const config = get(d.properties, 'DistributionConfig');
    const behaviors: Node[] = [];
    const def = get(config, 'DefaultCacheBehavior');
    if (def) behaviors.push(def);
    const ordered = get(config, 'CacheBehaviors');
    if (ordered?.kind === 'seq') behaviors.push(...ordered.items);
    for (const b of behaviors) {
      const list = getPath(b, ['LambdaFunctionAssociations']);
      if (list?.kind !== 'seq') continue;
      for (const entry of list.items) {
        const eventTypeNode = get(entry, 'EventType');
        const type = known(t, eventTypeNode);
        const arnNode = get(entry, 'LambdaFunctionARN');
        const fn = functionRefOf(t, arnNode);
        out.push({
          distributionId: d.id,
          range: entry.range,
          eventType: type !== undefined && EVENT_TYPES.has(type) ? (type as EdgeEventType) : undefined,
          eventTypeNode,
          arnNode,
          functionId: fn?.id,
          qualifier: fn?.qualifier,
        });
      }
    }
  }
  return out;
}
