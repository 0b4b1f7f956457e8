import { get, isNull, pairOf, str } from '../../template/ast';
import type { Node } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import type { Template } from '../../template/model';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION, `  Orders:\n    Type: AWS::SQS::Queue\n  FnReadsOrders:\n    Type: AWS::Serverless::Connector\n    Properties:\n      Source:\n        Id: Fn\n      Destination:\n        Id: Orders\n      Permissions: [Read]\n`);

/** sam/connector-reference: a connector's Source and Destination name resources as SAM resolves them. */
export const connectorReference: Rule = {
  meta: {
    id: 'sam/connector-reference',
    severity: 'error',
    description: "A connector's Source and each Destination is a map with either an Id naming a resource of the template (with an optional Qualifier), or a Type with the resource's other properties (Arn, Name, ...), not both.",
    docs: {
      bad: changed(EXAMPLE, ['        Id: Orders\n', '        Id: OrdersQueue\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-connector-resourcereference.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/connector/connector.py'],
    },
    reads: EACH_RESOURCE,
    fixable: false,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Connector')) {
      const source = get(props, 'Source');
      if (source) checkReference(ctx, source, 'Source', resource.id);
      const destination = get(props, 'Destination');
      for (const d of destination?.kind === 'seq' ? destination.items : destination ? [destination] : []) checkReference(ctx, d, 'Destination', resource.id);
    }
  },
};

function checkReference(ctx: RuleContext, ref: Node, where: string, resource: string): void {
  if (ref.kind === 'intrinsic' || isNull(ref)) return;
  const report = (node: { range: { start: number; end: number } }, message: string) => ctx.report({ range: node.range, message: `${resource} ${where}: ${message}`, resource });
  if (ref.kind !== 'map') return report(ref, 'must be a map: { Id: <logical id> }, or a Type with the resource\'s Arn, Name, ...');
  const id = pairOf(ref, 'Id');
  const others = ref.pairs.filter((p) => p.key !== 'Id' && p.key !== 'Qualifier');
  if (id && others.length > 0) return report({ range: others[0]!.keyRange }, `give an Id (with an optional Qualifier) or the resource's properties (${others.map((p) => p.key).join(', ')}), not both.`);
  if (!id && others.length === 0) return report(ref, 'needs an Id naming a resource of the template, or a Type with the resource\'s properties.');
  if (id) return checkId(ctx.template, id.value, report);
  const type = get(ref, 'Type');
  if (!type || !nonBlank(type)) report(type ?? ref, 'Type must be the resource type (a string, e.g. AWS::SQS::Queue) when no Id names the resource.');
}

function checkId(t: Template, id: Node, report: (node: { range: { start: number; end: number } }, message: string) => void): void {
  if (!nonBlank(id)) return report(id, 'Id must be the logical id of a resource of the template (a string).');
  if (!t.resources.has(str(id)!)) report(id, `Id ${str(id)} is not a resource of this template; SAM reads the connected resource from it.`);
}

/** Python's test the translator applies: a string that is not blank. */
function nonBlank(node: Node): boolean {
  return node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '';
}
