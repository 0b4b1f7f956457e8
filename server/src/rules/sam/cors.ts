import { get, pairOf, str } from '../../template/ast';
import type { MapNode, Node, Range } from '../../template/ast';
import type { Resource } from '../../template/model';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import { samEvents, withEvents } from './events';

/** Where each API type takes its CORS settings, the keys SAM reads there, and its wildcard origin. */
const KINDS = [
  { type: 'AWS::Serverless::Api', globals: 'Api', key: 'Cors', origin: 'AllowOrigin', wildcard: "'*'", keys: ['AllowMethods', 'AllowHeaders', 'AllowOrigin', 'MaxAge', 'AllowCredentials'] },
  { type: 'AWS::Serverless::HttpApi', globals: 'HttpApi', key: 'CorsConfiguration', origin: 'AllowOrigins', wildcard: '*', keys: ['AllowMethods', 'AllowHeaders', 'AllowOrigins', 'MaxAge', 'ExposeHeaders', 'AllowCredentials'] },
] as const;
type Kind = (typeof KINDS)[number];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Cors:\n        AllowOrigin: "'https://example.com'"\n        AllowCredentials: true\n`);

/** One API's CORS settings: its own map and the Globals one it inherits (merged key by key). */
interface Owner {
  readonly resource: Resource | undefined;
  readonly own: Node | undefined;
  readonly globals: Node | undefined;
}

/** sam/cors: an API's CORS settings that SAM can write into the OpenAPI document. */
export const cors: Rule = {
  meta: {
    id: 'sam/cors',
    severity: 'error',
    description: "A SAM Api's Cors and an HttpApi's CorsConfiguration (in Globals too) use only the keys SAM knows (AllowOrigin for a REST API, AllowOrigins for an HTTP API, ...), a REST API's AllowOrigin is not empty, and AllowCredentials true comes with an explicit origin (not '*').",
    docs: {
      bad: changed(EXAMPLE, ["'https://example.com'", "'*'"]),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-corsconfiguration.html',
    },
    // The APIs and their own settings, and the events that wire to the API SAM creates.
    reads: { types: { 'AWS::Serverless::Api': '*', 'AWS::Serverless::HttpApi': '*', ...withEvents(['Events']) } },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const kind of KINDS) {
      const globals = get(get(t.globals, kind.globals), kind.key);
      const apis = t.ofType(kind.type);
      const owners: Owner[] = apis.map((r) => ({ resource: r, own: get(r.properties, kind.key), globals }));
      // Globals also reach the API SAM creates for events that name none: then they are judged on their own.
      const implicit = samEvents(t).some((e) => e.type === kind.globals && !(e.props && pairOf(e.props, kind.globals === 'Api' ? 'RestApiId' : 'ApiId')));
      if (globals && (implicit || apis.length === 0)) owners.push({ resource: undefined, own: undefined, globals });
      for (const o of owners) checkOwner(ctx, kind, o);
    }
  },
};

function checkOwner(ctx: RuleContext, kind: Kind, o: Owner): void {
  // A scalar of the API's own replaces the Globals map (SAM merges maps only); a REST API reads it as the origin.
  if (o.own && o.own.kind !== 'map') return;
  const maps = [o.own, o.globals].filter((n): n is MapNode => n?.kind === 'map');
  if (maps.length === 0) return;
  const globals = o.globals;
  const report = (at: { range: Range }, message: string) => {
    const inherited = globals !== undefined && at.range.start >= globals.range.start && at.range.end <= globals.range.end;
    if (!inherited) return ctx.report({ range: at.range, message: `${o.resource!.id} ${kind.key}: ${message}`, resource: o.resource!.id });
    // A Globals value is one finding, with each API that inherits it as related information.
    const by = o.resource ? { related: [{ range: o.resource.idRange, message: `Inherited from Globals by ${o.resource.id}.` }], inheritedBy: o.resource.id } : {};
    ctx.report({ range: at.range, message: `Globals.${kind.globals} ${kind.key}: ${message}`, ...by });
  };
  for (const m of maps) {
    for (const p of m.pairs) {
      if (!(kind.keys as readonly string[]).includes(p.key)) report({ range: p.keyRange }, `SAM has no CORS setting ${p.key}; it takes ${kind.keys.join(', ')}.`);
    }
  }
  const value = (key: string) => get(o.own, key) ?? get(globals, key);
  const origin = value(kind.origin);
  if (kind.type === 'AWS::Serverless::Api' && origin?.kind === 'scalar' && (origin.value === null || str(origin) === '' || str(origin) === "''")) {
    report(origin, 'AllowOrigin is empty; SAM needs the allowed origin (for example "\'https://example.com\'").');
  }
  const credentials = value('AllowCredentials');
  // A REST API's origin defaults to '*'; an HTTP API's has no default.
  const wildcard = kind.type === 'AWS::Serverless::Api' ? !origin || str(origin) === kind.wildcard : origin?.kind === 'seq' && origin.items.length === 1 && str(origin.items[0]) === kind.wildcard;
  if (credentials?.kind === 'scalar' && credentials.value === true && wildcard) {
    report(credentials, `AllowCredentials true needs an explicit ${kind.origin}; browsers refuse credentials with the origin '*'.`);
  }
}
