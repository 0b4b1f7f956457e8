import { get, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Node, Range } from '../../template/ast';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** Route keys SAM accepts besides alphanumeric ones. */
const SPECIAL_ROUTES: ReadonlySet<string> = new Set(['$connect', '$disconnect', '$default']);
const AUTH_TYPES = ['AWS_IAM', 'CUSTOM', 'NONE'];
const IP_ADDRESS_TYPES = ['ipv4', 'dualstack'];
/** Properties that SAM passes to the stage and that must be maps. */
const MAPS = ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION, `  Chat:\n    Type: AWS::Serverless::WebSocketApi\n    Properties:\n      RouteSelectionExpression: $request.body.action\n      Routes:\n        $default:\n          FunctionArn: !GetAtt Fn.Arn\n`);

/** sam/websocket-api: what SAM checks on an AWS::Serverless::WebSocketApi. */
export const websocketApi: Rule = {
  meta: {
    id: 'sam/websocket-api',
    severity: 'error',
    description: 'A SAM WebSocket API has routes ($connect, $disconnect, $default or alphanumeric keys) that each name a FunctionArn, request parameters only on $connect, an Auth with AuthType AWS_IAM, CUSTOM (with AuthArn) or NONE only with a $connect route, map-valued stage settings, a stage name without $, and IpAddressType ipv4 or dualstack.',
    docs: {
      bad: changed(EXAMPLE, ['$default:', '$nonsense:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-websocketapi.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    for (const { resource, props } of samResources(ctx.template, 'AWS::Serverless::WebSocketApi')) {
      const report = (range: Range, message: string) => ctx.report({ range, message: `${resource.id}: ${message}`, resource: resource.id });
      for (const key of MAPS) {
        const v = get(props, key);
        if (v && v.kind !== 'map' && v.kind !== 'intrinsic') report(v.range, `${key} must be a map.`);
      }
      const stage = str(get(props, 'StageName'));
      if (stage?.includes('$')) report(get(props, 'StageName')!.range, `StageName "${stage}" may not contain $; use letters, digits, - and _.`);
      const ip = get(props, 'IpAddressType');
      if (ip?.kind === 'scalar' && !IP_ADDRESS_TYPES.includes(String(ip.value))) report(ip.range, `IpAddressType must be ${IP_ADDRESS_TYPES.join(' or ')}.`);
      const basePath = get(get(props, 'Domain'), 'BasePath');
      if (basePath && basePath.kind !== 'scalar' && basePath.kind !== 'intrinsic') report(basePath.range, 'Domain.BasePath of a WebSocket API is one path (a string).');
      const routes = pairOf(props, 'Routes');
      const routeMap = routes?.value.kind === 'map' ? routes.value : undefined;
      if (routeMap && routeMap.pairs.length === 0) report(routes!.keyRange, 'Routes is empty; a WebSocket API needs at least one route.');
      for (const r of routeMap?.pairs ?? []) {
        if (!SPECIAL_ROUTES.has(r.key) && !/^[A-Za-z0-9]+$/.test(r.key)) report(r.keyRange, `route key ${r.key} must be alphanumeric; the only special routes are $connect, $disconnect and $default.`);
        if (r.value.kind === 'map' && !pairOf(r.value, 'FunctionArn')) report(r.keyRange, `route ${r.key} has no FunctionArn; every route needs its function.`);
        const params = r.value.kind === 'map' ? pairOf(r.value, 'RequestParameters') : undefined;
        if (params && r.key !== '$connect') report(params.keyRange, `route ${r.key} has RequestParameters; API Gateway takes them on the $connect route only.`);
      }
      checkAuth(get(props, 'Auth'), routeMap ? routeMap.pairs.some((p) => p.key === '$connect') : true, report);
    }
  },
};

function checkAuth(auth: Node | undefined, hasConnect: boolean, report: (range: Range, message: string) => void): void {
  if (auth?.kind !== 'map') return;
  const typePair = pairOf(auth, 'AuthType');
  const type = str(typePair?.value);
  const others = auth.pairs.filter((p) => p.key !== 'AuthType');
  if (!typePair) {
    if (others.length > 0) report(others[0]!.keyRange, 'Auth has settings but no AuthType; set AuthType (AWS_IAM, CUSTOM or NONE).');
    return;
  }
  if (type === undefined) return;
  if (!AUTH_TYPES.includes(type)) return report(typePair.value.range, `AuthType "${type}" is not one of ${AUTH_TYPES.join(', ')}.`);
  if (type === 'CUSTOM' && !pairOf(auth, 'AuthArn')) report(typePair.value.range, 'AuthType CUSTOM needs AuthArn, the authorizer function\'s ARN.');
  if (type !== 'CUSTOM' && others.length > 0) report(others[0]!.keyRange, `AuthType ${type} takes no other settings.`);
  if (type !== 'NONE' && !hasConnect) report(typePair.keyRange, 'authorization applies to the $connect route, and there is none; add one.');
}
