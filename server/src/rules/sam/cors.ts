import { get, str } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Node } from '../../template/ast';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Cors:\n        AllowOrigin: "'https://example.com'"\n        AllowCredentials: true\n`);

/** sam/cors: a REST API's Cors that SAM can write into the OpenAPI document. */
export const cors: Rule = {
  meta: {
    id: 'sam/cors',
    severity: 'error',
    description: "A SAM Api's Cors (in Globals too) has an AllowOrigin that is not empty, and AllowCredentials true only with an explicit origin (not '*').",
    docs: {
      bad: changed(EXAMPLE, ["'https://example.com'", "'*'"]),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-corsconfiguration.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const t = ctx.template;
    const places: Array<{ node: Node | undefined; where: string; resource?: string }> = [{ node: get(get(t.globals, 'Api'), 'Cors'), where: 'Globals.Api' }];
    for (const { resource, props } of samResources(t, 'AWS::Serverless::Api')) places.push({ node: get(props, 'Cors'), where: resource.id, resource: resource.id });
    for (const { node, where, resource } of places) {
      if (node?.kind !== 'map') continue;
      const origin = get(node, 'AllowOrigin');
      const value = str(origin);
      const credentials = get(node, 'AllowCredentials');
      const report = (at: Node, message: string) => ctx.report({ range: at.range, message: `${where} Cors: ${message}`, ...(resource ? { resource } : {}) });
      if (origin?.kind === 'scalar' && (value === '' || value === "''" || origin.value === null)) report(origin, 'AllowOrigin is empty; SAM needs the allowed origin (for example "\'https://example.com\'").');
      const on = credentials?.kind === 'scalar' && (credentials.value === true || credentials.value === 'true');
      if (on && (!origin || value === "'*'")) report(credentials!, "AllowCredentials true needs an explicit AllowOrigin; browsers refuse credentials with the origin '*'.");
    }
  },
};
