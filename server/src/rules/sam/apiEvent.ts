import { get, isNull, pairOf, str } from '../../template/ast';
import type { MapNode, Node } from '../../template/ast';
import type { Template } from '../../template/model';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import { samEvents, withEvents } from './events';
import type { SamEvent } from './events';
import { truthy } from './pythonValues';

/** How an event names its API, and the API SAM creates when it names none. */
const WIRING: Readonly<Record<string, { readonly key: string; readonly type: string; readonly implicit: string; readonly globals: string }>> = {
  Api: { key: 'RestApiId', type: 'AWS::Serverless::Api', implicit: 'ServerlessRestApi', globals: 'Api' },
  HttpApi: { key: 'ApiId', type: 'AWS::Serverless::HttpApi', implicit: 'ServerlessHttpApi', globals: 'HttpApi' },
};
const PARAMETER_NAME = /^method\.request\.(querystring|path|header)\./;
const PARAMETER_SETTINGS: ReadonlySet<string> = new Set(['Required', 'Caching']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      Events:\n        List:\n          Type: Api\n          Properties: { Path: /items, Method: get }\n        Add:\n          Type: Api\n          Properties: { Path: /items, Method: post }\n`);

/** The API an event adds its route to, when SAM writes that API's definition itself. */
interface ManagedApi {
  readonly id: string;
  /** The API's own properties (undefined for the API SAM creates). */
  readonly props: MapNode | undefined;
  readonly globals: Node | undefined;
}

/** sam/api-event: what SAM checks as it adds an Api or HttpApi event's route to an API whose definition it writes. */
export const apiEvent: Rule = {
  meta: {
    id: 'sam/api-event',
    severity: 'error',
    description: 'An API that Api events name has a StageName that is not empty; on an API whose definition SAM writes, no two Api or HttpApi events add the same path and method; an Api event\'s RequestModel names one of the API\'s Models with ValidateBody and ValidateParameters true or false, its RequestParameters are method.request.* names, ApiKeyRequired false needs the API to require keys, and AuthorizationScopes need an Authorizer.',
    docs: {
      bad: changed(EXAMPLE, ['Path: /items, Method: post', 'Path: /items, Method: GET']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/eventsources/push.py'],
    },
    // Events name their API by logical id: an id that appears or goes changes what they wire to.
    reads: { types: { '*': [], 'AWS::Serverless::Api': '*', 'AWS::Serverless::HttpApi': '*', ...withEvents(['Events']) } },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    const routes = new Map<string, SamEvent>();
    const stages = new Set<string>();
    for (const e of samEvents(t)) {
      if (e.type === 'Api') checkStageName(ctx, t, e, stages);
      const api = e.type ? managedApi(t, e) : undefined;
      if (!api) continue;
      const report = (node: { range: { start: number; end: number } }, message: string) => ctx.report({ range: node.range, message: `Event ${e.id}: ${message}`, resource: e.resource.id });
      const route = routeOf(e);
      if (route) {
        const key = `${api.id}\u0000${route.path}\u0000${route.method}`;
        const first = routes.get(key);
        if (first) report({ range: e.idRange }, `${route.method === 'x-amazon-apigateway-any-method' ? 'any method' : route.method.toUpperCase()} ${route.path} is already the route of event ${first.id} of ${first.resource.id} on the same API; SAM adds each path and method once.`);
        else routes.set(key, e);
      }
      if (e.type !== 'Api' || !e.props) continue;
      const model = get(e.props, 'RequestModel');
      if (model?.kind === 'map') {
        const name = get(model, 'Model');
        const models = get(api.props, 'Models') ?? get(api.globals, 'Models');
        if (name && truthy(name)) {
          if (!models || !truthy(models)) report(name, 'RequestModel names a model, but the API defines no Models.');
          else if (models.kind === 'map' && str(name) !== undefined && !pairOf(models, str(name)!)) report(name, `RequestModel ${str(name)} is not one of the API's Models (${models.pairs.map((p) => p.key).join(', ')}).`);
          for (const key of ['ValidateBody', 'ValidateParameters']) {
            const v = get(model, key);
            if (v && !isNull(v) && !(v.kind === 'scalar' && typeof v.value === 'boolean')) report(v, `RequestModel ${key} must be true or false; SAM takes no string or intrinsic function here.`);
          }
        }
      }
      const params = get(e.props, 'RequestParameters');
      for (const p of params?.kind === 'seq' ? params.items : []) {
        const name = p.kind === 'map' ? p.pairs[0]?.key : str(p);
        if (name === undefined) report(p, 'each RequestParameters entry is a parameter name or a map of one name to its settings.');
        else if (!PARAMETER_NAME.test(name)) report(p, `RequestParameters ${name} must be named method.request.querystring.*, method.request.path.* or method.request.header.*.`);
        else if (p.kind === 'map' && (p.pairs[0]!.value.kind !== 'map' || !(p.pairs[0]!.value as MapNode).pairs.every((s) => PARAMETER_SETTINGS.has(s.key)))) report(p.pairs[0]!.value, `the settings of RequestParameters ${name} are a map of Required and Caching.`);
      }
      const auth = get(e.props, 'Auth');
      const keyRequired = get(auth, 'ApiKeyRequired');
      const apiKeys = get(get(api.props, 'Auth') ?? get(api.globals, 'Auth'), 'ApiKeyRequired');
      if (keyRequired?.kind === 'scalar' && keyRequired.value !== null && !truthy(keyRequired) && !(apiKeys && truthy(apiKeys))) {
        report(keyRequired, 'ApiKeyRequired false only turns off the API\'s ApiKeyRequired, and the API does not require keys; remove it.');
      }
      const scopes = get(auth, 'AuthorizationScopes');
      if (scopes && truthy(scopes) && !get(auth, 'Authorizer')) report(scopes, 'AuthorizationScopes work only with an Authorizer on the event.');
    }
  },
};

/** SAM names the event's permission after the stage of the API it names: a literal StageName must not be empty. */
function checkStageName(ctx: RuleContext, t: Template, e: SamEvent, seen: Set<string>): void {
  const ref = e.props ? get(e.props, 'RestApiId') : undefined;
  const id = ref?.kind === 'intrinsic' && ref.fn === 'Ref' ? str(ref.arg) : str(ref);
  const api = id ? t.resources.get(id) : undefined;
  const stage = api?.type === 'AWS::Serverless::Api' ? get(api.properties, 'StageName') : undefined;
  if (!api || seen.has(api.id) || stage?.kind !== 'scalar' || stage.value !== '') return;
  seen.add(api.id);
  ctx.report({ range: stage.range, message: `${api.id}: StageName is empty; SAM needs a stage name for the API and the events that name it (for example Prod).`, resource: api.id });
}

/** The API an Api or HttpApi event wires to, when SAM writes its definition (no DefinitionBody or DefinitionUri of its own). */
function managedApi(t: Template, e: SamEvent): ManagedApi | undefined {
  const wiring = WIRING[e.type!];
  if (!wiring) return undefined;
  const globals = get(t.globals, wiring.globals);
  const ref = e.props ? pairOf(e.props, wiring.key)?.value : undefined;
  if (!ref) return { id: wiring.implicit, props: undefined, globals };
  const id = ref.kind === 'intrinsic' && ref.fn === 'Ref' ? str(ref.arg) : str(ref);
  const api = id ? t.resources.get(id) : undefined;
  if (!api || api.type !== wiring.type || !api.properties) return undefined;
  const own = ['DefinitionBody', 'DefinitionUri'].some((k) => {
    const v = get(api.properties, k) ?? get(globals, k);
    return v !== undefined && truthy(v);
  });
  return own ? undefined : { id: api.id, props: api.properties, globals };
}

/** The literal path and method an event adds (an HttpApi event without both takes SAM's $default route). */
function routeOf(e: SamEvent): { path: string; method: string } | undefined {
  const pathNode = get(e.props, 'Path');
  const methodNode = get(e.props, 'Method');
  if (e.type === 'HttpApi' && (!pathNode || !truthy(pathNode)) && (!methodNode || !truthy(methodNode))) return { path: '$default', method: 'x-amazon-apigateway-any-method' };
  const path = str(pathNode);
  const method = str(methodNode)?.toLowerCase();
  if (path === undefined || method === undefined) return undefined;
  return { path, method: method === 'any' ? 'x-amazon-apigateway-any-method' : method };
}
