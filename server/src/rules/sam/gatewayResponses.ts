import { get, isNull, pairOf } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import { anIntrinsic } from './pythonValues';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** What SAM reads in one gateway response, and the parameter kinds it maps. */
const RESPONSE_KEYS: ReadonlySet<string> = new Set(['ResponseParameters', 'ResponseTemplates', 'StatusCode']);
const PARAMETER_KINDS: ReadonlySet<string> = new Set(['Headers', 'Paths', 'QueryStrings']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      GatewayResponses:\n        UNAUTHORIZED:\n          StatusCode: 401\n`);

/** sam/gateway-responses: an Api's GatewayResponses have the shape SAM turns into the OpenAPI extension. */
export const gatewayResponses: Rule = {
  meta: {
    id: 'sam/gateway-responses',
    severity: 'error',
    description: 'Each of an Api\'s GatewayResponses is a map (not an intrinsic function) of ResponseParameters (Headers, Paths, QueryStrings), ResponseTemplates and a numeric StatusCode.',
    docs: {
      bad: changed(EXAMPLE, ['StatusCode: 401', 'StatusCode: Unauthorized']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-gatewayresponse.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::Api')) {
      const responses = get(props, 'GatewayResponses');
      if (responses?.kind !== 'map') continue;
      const report = (range: { start: number; end: number }, message: string) => ctx.report({ range, message: `${resource.id} GatewayResponses: ${message}`, resource: resource.id });
      for (const r of responses.pairs) {
        if (r.value.kind === 'intrinsic') {
          report(r.value.range, `${r.key} is ${anIntrinsic(r.value.fn)}; SAM writes gateway responses into the definition itself and resolves no intrinsic function here.`);
          continue;
        }
        if (r.value.kind !== 'map') {
          report(r.value.range, `${r.key} must be a map (StatusCode, ResponseParameters, ResponseTemplates).`);
          continue;
        }
        for (const p of r.value.pairs) if (!RESPONSE_KEYS.has(p.key)) report(p.keyRange, `${r.key} has no property ${p.key}; a gateway response takes ${[...RESPONSE_KEYS].join(', ')}.`);
        const status = get(r.value, 'StatusCode');
        if (status?.kind === 'scalar' && !/^\d+$/.test(String(status.value))) report(status.range, `StatusCode of ${r.key} must be numeric (for example 401).`);
        const params = pairOf(r.value, 'ResponseParameters')?.value;
        if (params && params.kind !== 'map' && params.kind !== 'intrinsic' && !isNull(params)) report(params.range, `ResponseParameters of ${r.key} must be a map of ${[...PARAMETER_KINDS].join(', ')}.`);
        if (params?.kind === 'map') for (const p of params.pairs) if (!PARAMETER_KINDS.has(p.key)) report(p.keyRange, `ResponseParameters of ${r.key} maps ${[...PARAMETER_KINDS].join(', ')}, not ${p.key}.`);
      }
    }
  },
};
