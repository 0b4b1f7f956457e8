import { get } from '../../template/ast';
import { eventSourcesOf } from '../../template/eventSources';
import type { EventSource } from '../../template/eventSources';
import { fromGlobals, functionsOf } from '../../template/functions';
import type { Template } from '../../template/model';
import { resolveNumbers } from '../../template/resolve';
import { apiInvocation } from '../../template/invocation';
import { EVENT_QUOTAS, QUOTAS } from '../../quotas';
import { replaceValueFix } from '../edits';
import { EACH_FUNCTION, relatedFor } from '../helpers';
import type { Related, Rule } from '../types';
import { effectiveNumbers } from './shared';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Timeout: 29
        Events:
          Get:
            Type: Api
            Properties: { Path: /orders, Method: get }
`);

/** events/api-timeout: a function behind API Gateway that may run longer than the integration waits. */
export const apiTimeout: Rule = {
  meta: {
    id: 'events/api-timeout',
    severity: 'warning',
    description: `A function behind a REST API (${EVENT_QUOTAS.restApiIntegrationTimeoutSeconds} s integration timeout by default) or an HTTP API (${EVENT_QUOTAS.httpApiIntegrationTimeoutSeconds} s) should not have a longer Timeout: callers time out first. Asynchronous (X-Amz-Invocation-Type 'Event') and streaming (ResponseTransferMode STREAM) integrations do not wait and are not checked.`,
    docs: {
      bad: changed(EXAMPLE, ['      Timeout: 29\n', '      Timeout: 60\n']),
      good: EXAMPLE,
      url: URL,
      references: [
        'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html',
        'https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html',
        'https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html',
      ],
    },
    fixable: true,
    reads: EACH_FUNCTION,
    narrows: ['limits/timeout'],
  },
  check(ctx) {
    const t = ctx.template;
    for (const f of functionsOf(t)) {
      const apis = eventSourcesOf(t, f.id).filter((s) => (s.kind === 'Api' || s.kind === 'HttpApi' || s.kind === 'WebSocket') && (s.origin !== 'permission' || s.target) && apiInvocation(t, s) === 'synchronous');
      if (apis.length === 0) continue;
      for (const timeout of effectiveNumbers(t, f.props, 'Timeout', QUOTAS.defaultTimeoutSeconds)) {
        if (!timeout.candidate) continue;
        for (const api of apis) {
          const limit = limitOf(t, api);
          if (timeout.value <= limit.seconds) continue;
          const lower = Math.max(QUOTAS.timeoutSeconds.min, Math.floor(limit.seconds));
          const related: Related[] = [
            ...relatedFor(f, timeout.candidate),
            { range: api.range, message: `${label(api)} ${api.eventName ?? api.declaredIn}${api.http?.path ? ` (${api.http.method ?? 'ANY'} ${api.http.path})` : ''} invokes ${f.id}.` },
            ...(limit.related ? [limit.related] : []),
          ];
          const raise = api.kind === 'HttpApi' ? 'HTTP APIs cannot wait longer.' : limit.related ? '' : 'Regional and private REST APIs can have the limit raised by a quota request (then set TimeoutInMillis).';
          ctx.report({
            range: timeout.candidate.at,
            message: `${f.id} has Timeout ${timeout.value} s but ${label(api)} gives up after ${limit.seconds} s: callers get a 504 while the function keeps running. Lower Timeout to ${lower} s or move long work to an asynchronous path. ${raise}`.trimEnd(),
            related,
            fixes: [replaceValueFix(`Set Timeout to ${lower}`, timeout.candidate, String(lower))],
            ...(fromGlobals(f, timeout.candidate.at) ? {} : { resource: f.id }),
          });
          break;
        }
      }
    }
  },
};

function label(s: EventSource): string {
  return s.kind === 'HttpApi' ? 'the HTTP API' : s.kind === 'WebSocket' ? 'the WebSocket API' : 'the REST API';
}

/** The integration timeout: TimeoutInMillis when written (a raised REST quota), else the default. */
function limitOf(t: Template, s: EventSource): { seconds: number; related?: Related } {
  const fallback = s.kind === 'HttpApi' ? EVENT_QUOTAS.httpApiIntegrationTimeoutSeconds : EVENT_QUOTAS.restApiIntegrationTimeoutSeconds;
  const node = get(s.props, 'TimeoutInMillis');
  const values = resolveNumbers(t, node);
  if (node !== undefined && values.length === 0) return { seconds: Infinity };
  const max = values.reduce<(typeof values)[number] | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
  if (!max) return { seconds: fallback };
  const seconds = s.kind === 'HttpApi' ? Math.min(fallback, max.value / 1000) : max.value / 1000;
  return { seconds, related: { range: max.at, message: `Integration timeout ${max.value} ms.` } };
}
