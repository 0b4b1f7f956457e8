import { pairOf } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { MapNode, Pair } from '../../template/ast';
import { functionById } from '../../template/functions';
import type { Rule } from '../types';
import { samEvents, samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/**
 * Pairs of properties the SAM translator refuses together, per SAM resource type (path below
 * Properties). Function settings Lambda refuses together (tenant isolation, Managed Instances) are
 * limits/incompatible-settings'.
 */
const EXCLUSIVE: ReadonlyArray<{ readonly types: readonly string[]; readonly a: string; readonly b: string; readonly why: string }> = [
  { types: ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::Serverless::StateMachine'], a: 'DefinitionUri', b: 'DefinitionBody', why: 'the definition comes from one place' },
  { types: ['AWS::Serverless::StateMachine'], a: 'DefinitionUri', b: 'Definition', why: 'the definition comes from one place' },
  { types: ['AWS::Serverless::Api'], a: 'DefinitionUri', b: 'Cors', why: 'SAM adds CORS to an inline DefinitionBody only' },
  { types: ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'], a: 'DefinitionUri', b: 'MergeDefinitions', why: 'SAM merges into an inline DefinitionBody only' },
  { types: ['AWS::Serverless::HttpApi'], a: 'DefinitionUri', b: 'CorsConfiguration', why: 'SAM adds CORS to an inline DefinitionBody only' },
  { types: ['AWS::Serverless::HttpApi'], a: 'DefinitionUri', b: 'Tags', why: 'SAM writes tags into an inline DefinitionBody only' },
  { types: ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'], a: 'DefinitionUri', b: 'DisableExecuteApiEndpoint', why: 'SAM sets it in an inline DefinitionBody only' },
  { types: ['AWS::Serverless::Api'], a: 'EndpointConfiguration.VPCEndpointIds', b: 'EndpointConfiguration.VpcEndpointIds', why: 'they are the same setting' },
  { types: ['AWS::Serverless::CapacityProvider'], a: 'InstanceRequirements.AllowedTypes', b: 'InstanceRequirements.ExcludedTypes', why: 'instance types are either allowed or excluded' },
];
/** Event properties the translator refuses together. */
const EVENT_EXCLUSIVE: ReadonlyArray<{ readonly events: readonly string[]; readonly a: string; readonly b: string }> = [
  { events: ['Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule'], a: 'State', b: 'Enabled' },
];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        Nightly:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 day)\n            State: ENABLED\n`);

/** sam/exclusive-properties: properties SAM refuses together. */
export const exclusiveProperties: Rule = {
  meta: {
    id: 'sam/exclusive-properties',
    severity: 'error',
    description: 'No two properties SAM refuses together: DefinitionUri and DefinitionBody, State and Enabled on a schedule, settings SAM adds to an inline DefinitionBody only (Cors, Tags, ...) with DefinitionUri, and others.',
    docs: {
      bad: changed(EXAMPLE, ['            State: ENABLED\n', '            State: ENABLED\n            Enabled: true\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const t = ctx.template;
    for (const rule of EXCLUSIVE) {
      for (const { resource, props } of samResources(t, ...rule.types)) {
        const merged = functionById(t, resource.id)?.props ?? props;
        const a = pairAt(merged, rule.a);
        const b = pairAt(merged, rule.b);
        if (!a || !b) continue;
        const own = pairAt(props, rule.b) ?? b;
        ctx.report({ range: own.keyRange, message: `${resource.id} sets both ${rule.a} and ${rule.b}; SAM refuses them together (${rule.why}). Keep one.`, resource: resource.id });
      }
    }
    for (const e of samEvents(t)) {
      for (const rule of EVENT_EXCLUSIVE) {
        if (!e.type || !rule.events.includes(e.type) || !e.props) continue;
        const a = pairOf(e.props, rule.a);
        const b = pairOf(e.props, rule.b);
        if (a && b) ctx.report({ range: b.keyRange, message: `Event ${e.id} sets both ${rule.a} and ${rule.b}; SAM refuses them together. Keep ${rule.a}.`, resource: e.resource.id });
      }
    }
  },
};

function pairAt(map: MapNode | undefined, path: string): Pair | undefined {
  const keys = path.split('.');
  let cur: MapNode | undefined = map;
  let pair: Pair | undefined;
  for (const k of keys) {
    pair = cur ? pairOf(cur, k) : undefined;
    if (!pair) return undefined;
    cur = pair.value.kind === 'map' ? pair.value : undefined;
  }
  return pair;
}
