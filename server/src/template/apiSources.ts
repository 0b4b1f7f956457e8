/**
 * API Gateway integrations written as plain resources: REST `AWS::ApiGateway::Method` whose
 * Integration Uri names a function (path rebuilt from the Resource / ParentId chain), HTTP and
 * WebSocket `AWS::ApiGatewayV2::Integration` with the routes that target it, and quick-create HTTP
 * APIs (`AWS::ApiGatewayV2::Api` with a Target).
 */
import { get } from './ast';
import type { Node } from './ast';
import type { EventSource, EventSourceKind } from './eventSources';
import { functionRefOf } from './functionRefs';
import type { Template } from './model';
import { refTarget } from './resolve';
import { known, targetOf } from './targets';
import { refsIn } from './refs';

/** Event sources of every API Gateway integration resource in the template. */
export function apiSources(t: Template): EventSource[] {
  const out: EventSource[] = [];
  for (const r of t.ofType('AWS::ApiGateway::Method')) {
    const integration = get(r.properties, 'Integration');
    const fn = functionRefOf(t, get(integration, 'Uri'));
    if (!fn) continue;
    out.push({
      kind: 'Api', functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange,
      props: integration?.kind === 'map' ? integration : undefined, origin: 'resource',
      ...targetOf(t, get(r.properties, 'RestApiId')),
      http: { path: restPath(t, get(r.properties, 'ResourceId')), method: known(t, get(r.properties, 'HttpMethod'))?.toUpperCase() },
    });
  }
  const routes = routesByIntegration(t);
  for (const r of t.ofType('AWS::ApiGatewayV2::Integration')) {
    const fn = functionRefOf(t, get(r.properties, 'IntegrationUri'));
    if (!fn) continue;
    const api = targetOf(t, get(r.properties, 'ApiId'));
    const kind = v2Kind(t, api.target?.id);
    const keys = routes.get(r.id) ?? [undefined];
    for (const key of keys) {
      const [method, path] = key === undefined ? [undefined, undefined] : splitRouteKey(key);
      out.push({
        kind, functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange,
        props: r.properties, origin: 'resource', ...api, http: { path, method },
      });
    }
  }
  for (const r of t.ofType('AWS::ApiGatewayV2::Api')) {
    const fn = functionRefOf(t, get(r.properties, 'Target'));
    if (!fn) continue;
    const [method, path] = splitRouteKey(known(t, get(r.properties, 'RouteKey')) ?? '$default');
    out.push({
      kind: 'HttpApi', functionId: fn.id, declaredIn: r.id, eventName: undefined, range: r.idRange,
      props: r.properties, origin: 'resource', targetNode: undefined,
      target: { id: r.id, type: r.type, range: r.idRange }, targetArn: undefined, http: { path, method },
    });
  }
  return out;
}

/** HTTP unless the template-defined API says WEBSOCKET. */
function v2Kind(t: Template, apiId: string | undefined): EventSourceKind {
  const api = apiId ? t.resources.get(apiId) : undefined;
  return known(t, get(api?.properties, 'ProtocolType'))?.toUpperCase() === 'WEBSOCKET' ? 'WebSocket' : 'HttpApi';
}

/** Route keys of AWS::ApiGatewayV2::Route resources, by the integration their Target names. */
function routesByIntegration(t: Template): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of t.ofType('AWS::ApiGatewayV2::Route')) {
    const key = known(t, get(r.properties, 'RouteKey'));
    const target = get(r.properties, 'Target');
    if (key === undefined || !target) continue;
    for (const e of refsIn(t, target)) {
      if (t.resources.get(e.to)?.type !== 'AWS::ApiGatewayV2::Integration') continue;
      const list = out.get(e.to);
      if (list) list.push(key);
      else out.set(e.to, [key]);
    }
  }
  return out;
}

/** `GET /orders/{id}` -> ['GET', '/orders/{id}']; `$default` -> [undefined, '$default']. */
function splitRouteKey(key: string): [string | undefined, string] {
  const space = key.indexOf(' ');
  return space > 0 ? [key.slice(0, space).toUpperCase(), key.slice(space + 1)] : [undefined, key];
}

/** The REST path of an AWS::ApiGateway::Resource chain, `/` for the root; undefined when unknown. */
function restPath(t: Template, resourceId: Node | undefined): string | undefined {
  const parts: string[] = [];
  let node = resourceId;
  for (let depth = 0; depth < 32 && node; depth++) {
    const ref = refTarget(node);
    if (ref?.attr === 'RootResourceId') return `/${parts.reverse().join('/')}`;
    const r = ref && !ref.attr ? t.resources.get(ref.id) : undefined;
    if (r?.type !== 'AWS::ApiGateway::Resource') return undefined;
    const part = known(t, get(r.properties, 'PathPart'));
    if (part === undefined) return undefined;
    parts.push(part);
    node = get(r.properties, 'ParentId');
  }
  return undefined;
}
