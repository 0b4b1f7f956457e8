import { get } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Node } from '../../template/ast';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

const METHODS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        openapi: '3.0.1'\n        info: { title: items, version: v1 }\n        paths:\n          /items:\n            get:\n              responses: {}\n`);

/** sam/definition-body: the inline OpenAPI document SAM edits has the structure SAM reads. */
export const definitionBody: Rule = {
  meta: {
    id: 'sam/definition-body',
    severity: 'error',
    description: 'An inline DefinitionBody that SAM adds routes, authorizers or CORS to has maps for paths, their methods and securityDefinitions, and lists for security.',
    docs: {
      bad: changed(EXAMPLE, ['          /items:\n            get:\n              responses: {}\n', '          /items: get\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
      const body = get(props, 'DefinitionBody');
      if (body?.kind !== 'map') continue;
      // With MergeDefinitions SAM merges its additions instead of editing the document's own security.
      const merge = get(props, 'MergeDefinitions') ?? get(get(ctx.template.globals, resource.type.slice('AWS::Serverless::'.length)), 'MergeDefinitions');
      const merging = merge?.kind === 'scalar' && (merge.value === true || merge.value === 'true');
      const http = resource.type === 'AWS::Serverless::HttpApi';
      const report = (node: Node, message: string) => ctx.report({ range: node.range, message: `${resource.id} DefinitionBody: ${message}`, resource: resource.id });
      const defs = get(body, 'securityDefinitions');
      if (defs && defs.kind !== 'map' && defs.kind !== 'intrinsic') report(defs, 'securityDefinitions must be a map of security schemes.');
      const endpoint = get(body, 'x-amazon-apigateway-endpoint-configuration');
      if (endpoint && endpoint.kind !== 'map' && endpoint.kind !== 'intrinsic') report(endpoint, 'x-amazon-apigateway-endpoint-configuration must be a map.');
      const tags = get(body, 'tags');
      if (tags && tags.kind !== 'seq' && tags.kind !== 'intrinsic') report(tags, 'tags must be a list of tag objects.');
      const paths = get(body, 'paths');
      if (paths?.kind !== 'map') continue;
      for (const path of paths.pairs) {
        const item = path.value;
        if (item.kind === 'intrinsic') continue;
        if (item.kind !== 'map') {
          report(item.kind === 'scalar' && item.value === null ? { ...item, range: path.keyRange } : item, `the value of path ${path.key} must be a map of methods (OpenAPI path item).`);
          continue;
        }
        for (const m of item.pairs) {
          if (!METHODS.has(m.key.toLowerCase()) || m.value.kind === 'intrinsic') continue;
          // An HTTP API takes an operation left empty (SAM fills it in).
          if (http && m.value.kind === 'scalar' && m.value.value === null) continue;
          if (m.value.kind !== 'map') {
            report(m.value.kind === 'scalar' && m.value.value === null ? { ...m.value, range: m.keyRange } : m.value, `${m.key} of path ${path.key} must be a map (OpenAPI operation).`);
            continue;
          }
          const security = get(m.value, 'security');
          if (security && !merging && security.kind !== 'seq' && security.kind !== 'intrinsic') report(security, `security of ${m.key} ${path.key} must be a list of requirement maps.`);
          if (security?.kind === 'seq') for (const s of security.items) if (s.kind !== 'map' && s.kind !== 'intrinsic') report(s, `each security requirement of ${m.key} ${path.key} must be a map.`);
          const responses = get(m.value, 'responses');
          if (responses && responses.kind !== 'map' && responses.kind !== 'intrinsic') report(responses, `responses of ${m.key} ${path.key} must be a map.`);
          if (responses?.kind === 'map') {
            for (const r of responses.pairs) {
              const headers = get(r.value, 'headers');
              if (r.value.kind !== 'map' && r.value.kind !== 'intrinsic') report(r.value, `response ${r.key} of ${m.key} ${path.key} must be a map.`);
              else if (headers && headers.kind !== 'map' && headers.kind !== 'intrinsic') report(headers, `the headers of response ${r.key} of ${m.key} ${path.key} must be a map.`);
            }
          }
        }
      }
    }
  },
};
