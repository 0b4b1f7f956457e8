import { get, pairOf, str } from '../../template/ast';
import type { Node, Pair } from '../../template/ast';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule, RuleContext } from '../types';
import { samResources } from './events';

const AUTH_TYPES = ['AWS_IAM', 'NONE'];
/** The keys SAM passes to the function URL's Cors, with the value type it checks for each. */
const CORS: Readonly<Record<string, 'list' | 'boolean' | 'integer'>> = {
  AllowCredentials: 'boolean',
  AllowHeaders: 'list',
  AllowMethods: 'list',
  AllowOrigins: 'list',
  ExposeHeaders: 'list',
  MaxAge: 'integer',
};
const WORDS = { list: 'a list', boolean: 'true or false', integer: 'a whole number' } as const;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(`${FUNCTION}      FunctionUrlConfig:\n        AuthType: AWS_IAM\n        Cors:\n          AllowOrigins: [https://example.com]\n`);

/** sam/function-url: a SAM function's FunctionUrlConfig as the translator checks it. */
export const functionUrl: Rule = {
  meta: {
    id: 'sam/function-url',
    severity: 'error',
    description: "A SAM function's FunctionUrlConfig has AuthType AWS_IAM or NONE, and its Cors is a map of AllowOrigins, AllowMethods, AllowHeaders, ExposeHeaders (lists), AllowCredentials (true or false) and MaxAge (a whole number).",
    docs: {
      bad: changed(EXAMPLE, ['AllowOrigins:', 'AllowOrigin:']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-functionurlconfig.html',
    },
    reads: { types: { 'AWS::Serverless::Function': ['FunctionUrlConfig'] } },
    fixable: false,
    narrows: ['schema/invalid-value', 'schema/required', 'schema/unknown-property'],
  },
  check(ctx) {
    const t = ctx.template;
    const section = get(t.globals, 'Function');
    const globals = section?.kind === 'map' ? pairOf(section, 'FunctionUrlConfig') : undefined;
    // Globals are completed by each function (SAM merges the maps), so their AuthType is not required there.
    if (globals) checkConfig(ctx, globals, 'Globals.Function', undefined, true);
    for (const { resource, props } of samResources(t, 'AWS::Serverless::Function')) {
      const config = pairOf(props, 'FunctionUrlConfig');
      if (config) checkConfig(ctx, config, resource.id, resource.id, get(globals?.value, 'AuthType') !== undefined);
    }
  },
};

function checkConfig(ctx: RuleContext, pair: Pair, where: string, resource: string | undefined, authElsewhere: boolean): void {
  const config = pair.value;
  if (config.kind !== 'map') return;
  const report = (node: { range: { start: number; end: number } }, message: string) => ctx.report({ range: node.range, message: `${where} FunctionUrlConfig: ${message}`, ...(resource ? { resource } : {}) });
  const auth = pairOf(config, 'AuthType');
  const authType = str(auth?.value);
  if (!auth && !authElsewhere) report({ range: pair.keyRange }, `AuthType is missing; SAM needs ${AUTH_TYPES.join(' or ')}.`);
  else if (auth && auth.value.kind !== 'intrinsic' && (authType === undefined || !AUTH_TYPES.includes(authType))) report(auth.value, `AuthType must be ${AUTH_TYPES.join(' or ')}.`);
  const cors = get(config, 'Cors');
  if (!cors || cors.kind === 'intrinsic' || (cors.kind === 'scalar' && !cors.value)) return;
  if (cors.kind !== 'map') return report(cors, 'Cors must be a map (AllowOrigins, AllowMethods, ...).');
  for (const p of cors.pairs) {
    const type = CORS[p.key];
    if (!type) {
      report({ range: p.keyRange }, `Cors has no setting ${p.key}; SAM takes ${Object.keys(CORS).join(', ')}.`);
      continue;
    }
    if (p.value.kind !== 'intrinsic' && !fits(p.value, type)) report(p.value, `Cors ${p.key} must be ${WORDS[type]}.`);
  }
}

/** Python `isinstance` on the value: a boolean is also a whole number. */
function fits(node: Node, type: 'list' | 'boolean' | 'integer'): boolean {
  if (type === 'list') return node.kind === 'seq';
  if (node.kind !== 'scalar') return false;
  return type === 'boolean' ? typeof node.value === 'boolean' : typeof node.value === 'boolean' || Number.isInteger(node.value);
}
