import { formatBytes } from '../../bytes';
import { str } from '../../template/ast';
import type { Node } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import { resolveStrings, subString } from '../../template/resolve';
import type { Template } from '../../template/model';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { variablesOf } from '../environment';
import { utf8Bytes } from '../../template/text';
import { EACH_FUNCTION, fmt, ownerOf } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

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
        Environment:
          Variables:
            CONFIG_PARAMETER: /my-app/config   # read it from SSM Parameter Store at start-up
`);

/**
 * limits/environment-size: the UTF-8 bytes of all keys and values stay within 4 KB, after the Globals
 * merge. Unknown values count 0, a `!Sub` its known parts (the message then says "at least"); of an `!If`
 * value the shorter branch counts.
 */
export const environmentSize: Rule = {
  meta: {
    id: 'limits/environment-size',
    severity: 'error',
    description: `Environment variables (keys plus values, UTF-8, Globals included) must total at most ${formatBytes(QUOTAS.environmentBytes)}; a warning from ${QUOTAS.environmentWarnRatio * 100} %.`,
    docs: {
      bad: changed(EXAMPLE, ['          CONFIG_PARAMETER: /my-app/config   # read it from SSM Parameter Store at start-up\n', '          CONFIG: "<a 5,000-character JSON document>"\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const limit = QUOTAS.environmentBytes;
    const warnAt = Math.ceil(limit * QUOTAS.environmentWarnRatio);
    for (const f of functionsOf(ctx.template)) {
      for (const v of variablesOf(ctx.template, f)) {
        let total = 0;
        let unknown = 0;
        for (const p of v.vars) {
          const values = resolveStrings(ctx.template, p.value);
          if (values.length === 0) unknown++;
          total += utf8Bytes(p.key) + (values.length === 0 ? knownSubText(ctx.template, p.value) : Math.min(...values.map((c) => utf8Bytes(c.value))));
        }
        if (total < warnAt) continue;
        const over = total > limit;
        const amount = `${unknown > 0 ? 'at least ' : ''}${fmt(total)} bytes`;
        const message = over
          ? `These environment variables take ${amount}, above Lambda's ${fmt(limit)}-byte limit (keys plus values, UTF-8); deployment fails. Move large values to SSM Parameter Store or Secrets Manager, or into the code package.`
          : `These environment variables take ${amount}, ${Math.floor((total / limit) * 100)} % of Lambda's ${fmt(limit)}-byte limit (keys plus values, UTF-8). Keep large values in SSM Parameter Store or Secrets Manager before the next variable breaks the deployment.`;
        ctx.report({ range: v.keyRange, message, severity: over ? 'error' : 'warning', ...ownerOf(f, v.keyRange) });
      }
    }
  },
};

/** Bytes a `!Sub` with unknown parts certainly takes: its known parts (literals, parameter defaults). */
function knownSubText(t: Template, node: Node): number {
  const sub = subString(t, node);
  return sub ? utf8Bytes(sub.known) : 0;
}
