import { get, pairOf } from '../../template/ast';
import type { MapNode, Range } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { branches, resolveStrings } from '../../template/resolve';
import { LOGGING_CONFIG } from '../../quotas';
import { replaceStringFix } from '../edits';
import { EACH_FUNCTION, ownerOf, relatedFor } from '../helpers';
import type { Fix, Related, Rule, RuleContext } from '../types';
import { changed, example } from '../docs';

const LEVELS = [
  { key: 'ApplicationLogLevel', names: LOGGING_CONFIG.applicationLogLevels as readonly string[] },
  { key: 'SystemLogLevel', names: LOGGING_CONFIG.systemLogLevels as readonly string[] },
] as const;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        LoggingConfig:
          LogFormat: JSON
          ApplicationLogLevel: WARN
`);

/** limits/logging-config: log levels only with JSON logs, and only level names Lambda knows. */
export const loggingConfig: Rule = {
  meta: {
    id: 'limits/logging-config',
    severity: 'error',
    description: `LoggingConfig ApplicationLogLevel and SystemLogLevel need LogFormat ${LOGGING_CONFIG.levelsNeed}, and take the level names Lambda defines (${LOGGING_CONFIG.applicationLogLevels.join(', ')} for the application; ${LOGGING_CONFIG.systemLogLevels.join(', ')} for the system).`,
    docs: {
      bad: changed(EXAMPLE, ['        LogFormat: JSON\n', ''], ['ApplicationLogLevel: WARN', 'ApplicationLogLevel: WARNING']),
      good: EXAMPLE,
      url: LOGGING_CONFIG.url,
    },
    fixable: true,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      for (const config of branches(get(f.props, 'LoggingConfig'))) if (config.kind === 'map') checkConfig(ctx, f, config);
    }
  },
};

function checkConfig(ctx: RuleContext, f: FunctionView, config: MapNode): void {
  const t = ctx.template;
  const formatPair = pairOf(config, 'LogFormat');
  const formats = formatPair ? resolveStrings(t, formatPair.value) : [{ value: LOGGING_CONFIG.defaultLogFormat, at: config.range, via: [] }];
  const notJson = formats.find((c) => c.value !== LOGGING_CONFIG.levelsNeed);
  for (const { key, names } of LEVELS) {
    const pair = pairOf(config, key);
    if (!pair) continue;
    if (notJson) {
      const related: Related[] = formatPair ? [{ range: notJson.at, message: `LogFormat is ${notJson.value} here.` }, ...relatedFor(undefined, notJson)] : [];
      const why = formatPair ? `LogFormat is ${notJson.value}` : `LogFormat defaults to ${LOGGING_CONFIG.defaultLogFormat}`;
      report(ctx, f, pair.keyRange, `${key} applies to JSON logs only, and ${why}: Lambda rejects the configuration. Set LogFormat: ${LOGGING_CONFIG.levelsNeed}, or remove ${key}.`, related, []);
    }
    for (const c of resolveStrings(t, pair.value)) {
      if (names.includes(c.value)) continue;
      const upper = c.value.toUpperCase();
      const meant = names.includes(upper) ? upper : names.find((n) => upper.startsWith(n));
      const fixes = meant ? [replaceStringFix(t, c, meant)] : [];
      report(ctx, f, c.at, `"${c.value}" is not a ${key}: use one of ${names.join(', ')}.${meant ? ` Did you mean ${meant}?` : ''}`, relatedFor(undefined, c), fixes);
    }
  }
}

function report(ctx: RuleContext, f: FunctionView, range: Range, message: string, related: Related[], fixes: Fix[]): void {
  const owner = ownerOf(f, range);
  ctx.report({ range, message, related: [...related, ...owner.related], fixes, resource: owner.resource });
}
