import { get, isNull, pairOf } from '../../template/ast';
import type { MapNode, Node, Range } from '../../template/ast';
import { changed } from '../docs';
import { samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import { samResources } from './events';
import { truthy } from './pythonValues';

/** The settings of each HTTP API authorizer kind (SAM's ApiGatewayV2Authorizer). */
const JWT_KEYS = ['AuthorizationScopes', 'JwtConfiguration', 'IdentitySource'];
const LAMBDA_KEYS = ['FunctionArn', 'FunctionInvokeRole', 'Identity', 'AuthorizerPayloadFormatVersion', 'EnableSimpleResponses', 'EnableFunctionDefaultPermissions'];
const IDENTITY_LISTS = ['Headers', 'QueryStrings', 'StageVariables', 'Context'];

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Auth:\n        Authorizers:\n          Users:\n            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth\n            AuthorizerPayloadFormatVersion: '2.0'\n            Identity:\n              Headers: [Authorization]\n        DefaultAuthorizer: Users\n`);

/** sam/http-api-authorizer: an HTTP API's authorizers as SAM builds them. */
export const httpApiAuthorizer: Rule = {
  meta: {
    id: 'sam/http-api-authorizer',
    severity: 'error',
    description: "Each authorizer of an HTTP API is a JWT authorizer (a JwtConfiguration map and an IdentitySource) or a Lambda authorizer (FunctionArn and AuthorizerPayloadFormatVersion, Identity lists of strings, EnableFunctionDefaultPermissions true or false), with only its kind's settings; the DefaultAuthorizer is one of them.",
    docs: {
      bad: changed(EXAMPLE, ["            AuthorizerPayloadFormatVersion: '2.0'\n", '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-lambdaauthorizer.html',
      references: ['https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/apigatewayv2.py'],
    },
    reads: { types: { 'AWS::Serverless::HttpApi': ['Auth'] } },
    fixable: false,
    narrows: ['schema/invalid-value', 'schema/required', 'schema/unknown-property'],
  },
  check(ctx) {
    const t = ctx.template;
    const globals = get(get(t.globals, 'HttpApi'), 'Auth');
    if (globals?.kind === 'map') checkAuth(ctx, globals, undefined, 'Globals.HttpApi', undefined);
    for (const { resource, props } of samResources(t, 'AWS::Serverless::HttpApi')) {
      const auth = get(props, 'Auth');
      if (auth?.kind === 'map') checkAuth(ctx, auth, globals?.kind === 'map' ? globals : undefined, resource.id, resource.id);
    }
  },
};

function checkAuth(ctx: RuleContext, auth: MapNode, globals: MapNode | undefined, where: string, resource: string | undefined): void {
  const report = (range: Range, message: string) => ctx.report({ range, message: `${where} Auth: ${message}`, ...(resource ? { resource } : {}) });
  const authorizers = get(auth, 'Authorizers');
  if (authorizers && !isNull(authorizers) && authorizers.kind !== 'map' && authorizers.kind !== 'intrinsic') report(authorizers.range, 'Authorizers must be a map of authorizers by name.');
  for (const a of authorizers?.kind === 'map' ? authorizers.pairs : []) {
    if (a.value.kind === 'intrinsic') continue;
    if (a.value.kind !== 'map') {
      report(a.keyRange, `authorizer ${a.key} must be a map of its settings.`);
      continue;
    }
    checkAuthorizer(a.key, a.value, a.keyRange, report);
  }
  // The default names one of the authorizers (SAM's own AWS_IAM with EnableIamAuthorizer); Globals are
  // completed by each API, so their default is judged there.
  const def = resource === undefined ? undefined : pairOf(auth, 'DefaultAuthorizer');
  if (!def || def.value.kind !== 'scalar' || typeof def.value.value !== 'string') return;
  const names = new Set<string>();
  for (const source of [auth, globals]) {
    const list = get(source, 'Authorizers');
    if (list?.kind === 'intrinsic' || (list?.kind === 'map' && list.pairs.some((p) => p.key.startsWith('Fn::')))) return;
    if (list?.kind === 'map') for (const p of list.pairs) names.add(p.key);
  }
  const iam = get(auth, 'EnableIamAuthorizer') ?? get(globals, 'EnableIamAuthorizer');
  if (iam?.kind === 'scalar' && iam.value === true) names.add('AWS_IAM');
  if (!names.has(def.value.value)) {
    report(def.value.range, `DefaultAuthorizer ${def.value.value} is not one of the API's authorizers${names.size ? ` (${[...names].join(', ')})` : ''}; SAM cannot set it.`);
  }
}

function checkAuthorizer(name: string, a: MapNode, at: Range, report: (range: Range, message: string) => void): void {
  const jwt = get(a, 'JwtConfiguration');
  const isJwt = jwt !== undefined && truthy(jwt);
  const kind = isJwt ? 'a JWT authorizer' : 'a Lambda authorizer';
  if (pairOf(a, 'OpenIdConnectUrl')) report(pairOf(a, 'OpenIdConnectUrl')!.keyRange, `authorizer ${name}: OpenIdConnectUrl is no longer supported; put the issuer in JwtConfiguration.`);
  const scopes = get(a, 'AuthorizationScopes');
  if (scopes && !isNull(scopes) && scopes.kind !== 'seq') report(scopes.range, `authorizer ${name}: AuthorizationScopes must be a list.`);
  for (const key of isJwt ? LAMBDA_KEYS : JWT_KEYS) {
    const p = pairOf(a, key);
    // An empty JwtConfiguration is how SAM tells the kinds apart; it is no JWT setting then.
    if (p && !isNull(p.value) && !(key === 'JwtConfiguration' && !isJwt)) report(p.keyRange, `authorizer ${name} is ${kind}, which takes no ${key}.`);
  }
  const required = isJwt ? ['IdentitySource'] : ['FunctionArn', 'AuthorizerPayloadFormatVersion'];
  for (const key of required) {
    const v = get(a, key);
    if (v === undefined || !truthy(v)) report(at, `authorizer ${name} is ${kind} and needs ${key}.`);
  }
  if (isJwt && jwt.kind !== 'map' && jwt.kind !== 'intrinsic') report(jwt.range, `authorizer ${name}: JwtConfiguration must be a map (issuer, audience).`);
  const permissions = get(a, 'EnableFunctionDefaultPermissions');
  if (permissions && !isNull(permissions) && !(permissions.kind === 'scalar' && typeof permissions.value === 'boolean')) {
    report(permissions.range, `authorizer ${name}: EnableFunctionDefaultPermissions must be true or false.`);
  }
  const identity = isJwt ? undefined : get(a, 'Identity');
  if (!identity || !truthy(identity)) return;
  if (identity.kind !== 'map') return report(identity.range, `authorizer ${name}: Identity must be a map (Headers, QueryStrings, StageVariables, Context, ReauthorizeEvery).`);
  for (const key of IDENTITY_LISTS) {
    const list = get(identity, key);
    if (!list || !truthy(list)) continue;
    const bad = list.kind !== 'seq' ? list : list.items.find((i: Node) => !(i.kind === 'scalar' && typeof i.value === 'string'));
    if (bad) report(bad.range, `authorizer ${name}: Identity.${key} must be a list of strings; SAM writes each one into the identity source itself, so intrinsic functions do not work here.`);
  }
}
