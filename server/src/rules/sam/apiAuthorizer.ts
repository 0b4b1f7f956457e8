import { get, getPath, pairOf, str } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { MapNode, Node } from '../../template/ast';
import type { Template } from '../../template/model';
import type { Rule, RuleContext } from '../types';
import { samEvents, samResources, withEvents } from './events';

const API_OF_EVENT: Readonly<Record<string, { key: string; type: string; globals: string }>> = {
  Api: { key: 'RestApiId', type: 'AWS::Serverless::Api', globals: 'Api' },
  HttpApi: { key: 'ApiId', type: 'AWS::Serverless::HttpApi', globals: 'HttpApi' },
};
/** Authorizer names SAM defines itself. */
const BUILT_IN: ReadonlySet<string> = new Set(['AWS_IAM', 'NONE']);

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Auth:\n        Authorizers:\n          Users: { UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc }\n`, `${FUNCTION}      Events:\n        Get:\n          Type: Api\n          Properties: { RestApiId: !Ref Api, Path: /, Method: get, Auth: { Authorizer: Users } }\n`);

/** sam/api-authorizer: the authorizers events and APIs name are defined on the API. */
export const apiAuthorizer: Rule = {
  meta: {
    id: 'sam/api-authorizer',
    severity: 'error',
    description: 'An API\'s DefaultAuthorizer and an event\'s Auth.Authorizer name an authorizer of the API\'s Auth.Authorizers (or AWS_IAM), Authorizer NONE is used only where the API has a DefaultAuthorizer, OverrideApiAuth comes with what overrides, and SourceVpc lists hold strings.',
    docs: {
      bad: changed(EXAMPLE, ['Authorizer: Users }', 'Authorizer: Admins }']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis.html',
    },
    fixable: false,
    reads: { types: { '*': [], 'AWS::Serverless::Api': '*', 'AWS::Serverless::HttpApi': '*', ...withEvents('*') } },
  },
  check(ctx) {
    const t = ctx.template;
    for (const { resource, props } of samResources(t, 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
      const def = get(get(props, 'Auth'), 'DefaultAuthorizer');
      if (def && def.kind !== 'scalar') ctx.report({ range: def.range, message: `DefaultAuthorizer of ${resource.id} must be the name of an authorizer (a string).`, resource: resource.id });
      // A REST API's default names one of its authorizers or AWS_IAM (HTTP APIs: sam/http-api-authorizer).
      const defName = str(def);
      const restAuth = resource.type === 'AWS::Serverless::Api' ? authMap(get(props, 'Auth')) : 'unknown';
      const defined = restAuth === 'unknown' ? undefined : authorizerNames(restAuth);
      if (defName && defined && defName !== 'AWS_IAM' && !defined.has(defName)) {
        ctx.report({ range: def!.range, message: `DefaultAuthorizer ${defName} of ${resource.id} is not one of its Auth.Authorizers${defined.size ? ` (${[...defined].join(', ')})` : ''}; SAM cannot set it.`, resource: resource.id });
      }
      checkVpcLists(ctx, get(get(props, 'Auth'), 'ResourcePolicy'), resource.id, resource.id);
    }
    checkVpcLists(ctx, getPath(t.globals, ['Api', 'Auth', 'ResourcePolicy']), 'Globals.Api', undefined);
    for (const e of samEvents(t)) {
      // OverrideApiAuth replaces the API's auth on this route, with something to replace it by.
      const eventAuth = get(e.props, 'Auth');
      const override = get(eventAuth, 'OverrideApiAuth');
      if (override?.kind === 'scalar' && (override.value === true || override.value === 'true') && !['Authorizer', 'ApiKeyRequired', 'ResourcePolicy'].some((k) => get(eventAuth, k) !== undefined)) {
        ctx.report({ range: override.range, message: `Event ${e.id}: OverrideApiAuth needs Authorizer, ApiKeyRequired or ResourcePolicy next to it.`, resource: e.resource.id });
      }
      const wiring = e.type ? API_OF_EVENT[e.type] : undefined;
      const authorizer = get(get(e.props, 'Auth'), 'Authorizer');
      const name = str(authorizer);
      if (!wiring || !authorizer || name === undefined) continue;
      const auth = apiAuth(t, e.props!, wiring);
      if (auth === 'unknown') continue;
      const names = authorizerNames(auth);
      if (names === undefined) continue;
      if (name === 'NONE') {
        if (get(auth, 'DefaultAuthorizer') === undefined) ctx.report({ range: authorizer.range, message: `Event ${e.id}: Authorizer NONE only turns off the API's DefaultAuthorizer, and the API has none; remove it.`, resource: e.resource.id });
      } else if (!BUILT_IN.has(name) && !names.has(name)) {
        ctx.report({ range: authorizer.range, message: `Event ${e.id}: authorizer ${name} is not defined in the API's Auth.Authorizers${names.size ? ` (${[...names].join(', ')})` : ''}; SAM cannot attach it.`, resource: e.resource.id });
      }
    }
  },
};

/** SAM writes the SourceVpc lists into the policy as they are; intrinsics go in the Intrinsic* variants. */
function checkVpcLists(ctx: RuleContext, policy: Node | undefined, where: string, resource: string | undefined): void {
  for (const key of ['SourceVpcBlacklist', 'SourceVpcWhitelist']) {
    const list = get(policy, key);
    if (list?.kind === 'seq' && list.items.some((i) => i.kind === 'map' || i.kind === 'seq')) {
      ctx.report({ range: list.range, message: `${key} of ${where} must be a list of strings; put values built with intrinsic functions in Intrinsic${key.slice('Source'.length)}.`, ...(resource ? { resource } : {}) });
    }
  }
}

/** The Auth map of the API an event wires to (explicit, or the implicit API's Globals), 'unknown' when not knowable. */
function apiAuth(t: Template, props: MapNode, wiring: { key: string; type: string; globals: string }): MapNode | undefined | 'unknown' {
  const ref = pairOf(props, wiring.key)?.value;
  let apiProps: Node | undefined;
  if (ref) {
    const id = ref.kind === 'intrinsic' && ref.fn === 'Ref' ? str(ref.arg) : str(ref);
    const api = id ? t.resources.get(id) : undefined;
    if (!api || api.type !== wiring.type) return 'unknown';
    apiProps = api.properties;
  } else apiProps = get(t.globals, wiring.globals);
  return authMap(get(apiProps, 'Auth'));
}

/** An Auth value as a map, 'unknown' when it is not literal. */
function authMap(auth: Node | undefined): MapNode | undefined | 'unknown' {
  if (auth === undefined) return undefined;
  return auth.kind === 'map' ? auth : 'unknown';
}

/** The names of the authorizers an Auth map defines; undefined when they are not literal. */
function authorizerNames(auth: MapNode | undefined): ReadonlySet<string> | undefined {
  const authorizers = get(auth, 'Authorizers');
  if (authorizers === undefined) return new Set();
  return authorizers.kind === 'map' && authorizers.pairs.every((p) => !p.key.startsWith('Fn::')) ? new Set(authorizers.pairs.map((p) => p.key)) : undefined;
}
