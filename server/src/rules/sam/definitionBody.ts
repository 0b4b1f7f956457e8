import { get, isNull, pairOf, str } from '../../template/ast';
import type { MapNode, Node, Range } from '../../template/ast';
import type { Resource, Template } from '../../template/model';
import { branches } from '../../template/resolve';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule } from '../types';
import { samEvents, samResources, withEvents } from './events';
import { pythonText, truthy } from './pythonValues';

const METHODS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);
/** Keys of an OpenAPI path item that are not operations (what SAM skips when it walks a path's methods). */
const NOT_OPERATIONS: ReadonlySet<string> = new Set(['summary', 'description', 'parameters']);
/** OpenAPI versions SAM edits (`openapi`), and those OpenApiVersion may name. */
const OPENAPI_3 = /^3(\.\d)(\.\d)?$/;
const OPENAPI_VERSION = /^[2-3](\.\d)(\.\d)?$/;
/** Properties SAM writes into the inline definition, per API type. */
const EDITS: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Api': ['Auth', 'Cors', 'Models', 'GatewayResponses', 'BinaryMediaTypes', 'DisableExecuteApiEndpoint'],
  'AWS::Serverless::HttpApi': ['Auth', 'CorsConfiguration', 'Tags', 'Name', 'Description', 'DisableExecuteApiEndpoint'],
};

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        openapi: '3.0.1'\n        info: { title: items, version: v1 }\n        paths:\n          /items:\n            get:\n              responses: {}\n`);

/** sam/definition-body: the inline OpenAPI document SAM edits has the structure SAM reads. */
export const definitionBody: Rule = {
  meta: {
    id: 'sam/definition-body',
    severity: 'error',
    description: 'An inline DefinitionBody that SAM adds routes, authorizers, CORS or tags to is an OpenAPI document SAM can edit (swagger, or openapi 3.x, and a map of paths) with maps for paths, their methods and securityDefinitions, lists for security, and operations a default authorizer can be set on; OpenApiVersion is 2.x or 3.x.',
    docs: {
      bad: changed(EXAMPLE, ['          /items:\n            get:\n              responses: {}\n', '          /items: get\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html',
    },
    reads: { types: { 'AWS::Serverless::Api': '*', 'AWS::Serverless::HttpApi': '*', ...withEvents(['Events']) } },
    fixable: false,
  },
  check(ctx) {
    const t = ctx.template;
    for (const { resource, props } of samResources(t, 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
      const http = resource.type === 'AWS::Serverless::HttpApi';
      const report = (range: Range, message: string) => ctx.report({ range, message: `${resource.id} DefinitionBody: ${message}`, resource: resource.id });
      const globals = get(t.globals, http ? 'HttpApi' : 'Api');
      const version = get(props, 'OpenApiVersion') ?? get(globals, 'OpenApiVersion');
      if (!http && version?.kind === 'scalar' && version.value !== null && !OPENAPI_VERSION.test(pythonText(t, version))) {
        ctx.report({ range: version.range, message: `OpenApiVersion "${pythonText(t, version)}" is not a version SAM writes; use 2.0 or a 3.x version such as 3.0.1.`, resource: resource.id });
      }
      const bodyPair = pairOf(props, 'DefinitionBody');
      const body = bodyPair?.value;
      if (body?.kind !== 'map' || body.pairs.length === 0) continue;
      const edits = editsOf(t, resource, props, globals);
      if (edits.length > 0 && validDocument(body, http) === false) {
        report(bodyPair!.keyRange, `it is not ${http ? 'an OpenAPI 3 document (openapi: 3.x and a map of paths)' : 'a Swagger or OpenAPI 3 document (swagger or openapi: 3.x, and a map of paths)'}, so SAM cannot add ${edits.join(', ')} to it.`);
      }
      // With MergeDefinitions SAM merges its additions instead of editing the document's own security.
      const merge = get(props, 'MergeDefinitions') ?? get(globals, 'MergeDefinitions');
      const merging = merge?.kind === 'scalar' && (merge.value === true || merge.value === 'true');
      checkStructure(body, http, merging, (node, message) => report(node.range, message));
      const authorizer = get(get(props, 'Auth'), 'DefaultAuthorizer') ?? get(get(globals, 'Auth'), 'DefaultAuthorizer');
      if (str(authorizer) !== undefined && str(authorizer) !== 'NONE') checkOperations(body, http, report);
    }
  },
};

type Report = (node: { range: Range }, message: string) => void;

function checkStructure(body: MapNode, http: boolean, merging: boolean, report: Report): void {
  const defs = get(body, 'securityDefinitions');
  if (defs && defs.kind !== 'map' && defs.kind !== 'intrinsic') report(defs, 'securityDefinitions must be a map of security schemes.');
  const endpoint = get(body, 'x-amazon-apigateway-endpoint-configuration');
  if (endpoint && endpoint.kind !== 'map' && endpoint.kind !== 'intrinsic') report(endpoint, 'x-amazon-apigateway-endpoint-configuration must be a map.');
  const servers = get(body, 'servers');
  for (const server of servers?.kind === 'seq' ? servers.items : []) {
    const config = get(server, 'x-amazon-apigateway-endpoint-configuration');
    if (config && config.kind !== 'map' && config.kind !== 'intrinsic') report(config, 'the x-amazon-apigateway-endpoint-configuration of a server must be a map.');
  }
  const tags = get(body, 'tags');
  if (tags && tags.kind !== 'seq' && tags.kind !== 'intrinsic') report(tags, 'tags must be a list of tag objects.');
  const paths = get(body, 'paths');
  if (paths?.kind !== 'map') return;
  for (const path of paths.pairs) {
    const item = path.value;
    if (item.kind === 'intrinsic') continue;
    if (item.kind !== 'map') {
      report(isNull(item) ? { range: path.keyRange } : item, `the value of path ${path.key} must be a map of methods (OpenAPI path item).`);
      continue;
    }
    for (const m of item.pairs) {
      if (!METHODS.has(m.key.toLowerCase()) || m.value.kind === 'intrinsic') continue;
      // An HTTP API takes an operation left empty (SAM fills it in).
      if (http && isNull(m.value)) continue;
      if (m.value.kind !== 'map') {
        report(isNull(m.value) ? { range: m.keyRange } : m.value, `${m.key} of path ${path.key} must be a map (OpenAPI operation).`);
        continue;
      }
      const security = get(m.value, 'security');
      if (security && !merging && security.kind !== 'seq' && security.kind !== 'intrinsic') report(security, `security of ${m.key} ${path.key} must be a list of requirement maps.`);
      if (security?.kind === 'seq') for (const s of security.items) if (s.kind !== 'map' && s.kind !== 'intrinsic') report(s, `each security requirement of ${m.key} ${path.key} must be a map.`);
      const responses = get(m.value, 'responses');
      if (responses && responses.kind !== 'map' && responses.kind !== 'intrinsic') report(responses, `responses of ${m.key} ${path.key} must be a map.`);
      for (const r of responses?.kind === 'map' ? responses.pairs : []) {
        const headers = get(r.value, 'headers');
        if (r.value.kind !== 'map' && r.value.kind !== 'intrinsic') report(r.value, `response ${r.key} of ${m.key} ${path.key} must be a map.`);
        else if (headers && headers.kind !== 'map' && headers.kind !== 'intrinsic') report(headers, `the headers of response ${r.key} of ${m.key} ${path.key} must be a map.`);
      }
    }
  }
}

/**
 * A default authorizer makes SAM visit every operation of every path: each one (every key of a path
 * item but summary, description and parameters) must be a map, and an HTTP API's must be written as
 * SAM names them (lower case, `x-amazon-apigateway-any-method` for any).
 */
function checkOperations(body: MapNode, http: boolean, report: (range: Range, message: string) => void): void {
  const paths = get(body, 'paths');
  for (const path of paths?.kind === 'map' ? paths.pairs : []) {
    for (const item of branches(path.value)) {
      if (item.kind !== 'map') continue;
      for (const m of item.pairs) {
        if (http ? m.key === 'parameters' : NOT_OPERATIONS.has(m.key)) continue;
        const normal = m.key.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : m.key.toLowerCase();
        if (http && normal !== m.key) {
          report(m.keyRange, `method ${m.key} of path ${path.key} must be written ${normal}: SAM looks the operation up under that name to set the default authorizer.`);
          continue;
        }
        for (const op of branches(m.value)) {
          if (op.kind !== 'map') report(isNull(op) ? m.keyRange : op.range, `${m.key} of path ${path.key} must be a map (an operation): SAM sets the default authorizer on every operation of a path.`);
        }
      }
    }
  }
}

/** Whether SAM can edit the document: undefined when its version or paths come from an intrinsic function. */
function validDocument(body: MapNode, http: boolean): boolean | undefined {
  const paths = get(body, 'paths');
  const openapi = get(body, 'openapi');
  const swagger = get(body, 'swagger');
  if ([paths, openapi, swagger].some((n) => n?.kind === 'intrinsic')) return undefined;
  if (paths?.kind !== 'map') return false;
  if (!http && swagger && truthy(swagger)) return true;
  return openapi !== undefined && truthy(openapi) && openapi.kind === 'scalar' && OPENAPI_3.test(String(openapi.value));
}

/** What SAM writes into the API's inline definition: its own settings, and routes of HTTP API events. */
function editsOf(t: Template, api: Resource, props: MapNode, globals: Node | undefined): string[] {
  const out = (EDITS[api.type] ?? []).filter((key) => {
    const v = get(props, key) ?? get(globals, key);
    return v !== undefined && (key === 'DisableExecuteApiEndpoint' ? !isNull(v) : truthy(v));
  });
  if (api.type === 'AWS::Serverless::HttpApi' && samEvents(t).some((e) => e.type === 'HttpApi' && refersTo(get(e.props, 'ApiId'), api.id))) out.push('the routes of its HttpApi events');
  return out;
}

function refersTo(node: Node | undefined, id: string): boolean {
  return node?.kind === 'intrinsic' ? node.fn === 'Ref' && str(node.arg) === id : str(node) === id;
}
