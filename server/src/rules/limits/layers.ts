import { pairOf } from '../../template/ast';
import type { Node } from '../../template/ast';
import { fromGlobals, functionsOf } from '../../template/functions';
import { branches, isNoValue } from '../../template/resolve';
import { LAMBDA_QUOTAS_URL, QUOTAS } from '../../quotas';
import { EACH_FUNCTION, ownerOf } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Globals:
    Function:
      Layers:
        - arn:aws:lambda:us-east-1:123456789012:layer:common:4
        - arn:aws:lambda:us-east-1:123456789012:layer:tracing:12
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Layers:
          - arn:aws:lambda:us-east-1:123456789012:layer:a:1
          - arn:aws:lambda:us-east-1:123456789012:layer:bcd:1   # b, c and d merged into one layer
`);

/** limits/layers: at most 5 layers per function, counting the ones SAM Globals append. */
export const layers: Rule = {
  meta: {
    id: 'limits/layers',
    severity: 'error',
    description: `A function can use at most ${QUOTAS.layersPerFunction} layers, including the Layers SAM Globals append.`,
    docs: {
      bad: changed(EXAMPLE, ['        - arn:aws:lambda:us-east-1:123456789012:layer:bcd:1   # b, c and d merged into one layer\n', '        - arn:aws:lambda:us-east-1:123456789012:layer:b:1\n        - arn:aws:lambda:us-east-1:123456789012:layer:c:1\n        - arn:aws:lambda:us-east-1:123456789012:layer:d:1\n']),
      good: EXAMPLE,
      url: LAMBDA_QUOTAS_URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const max = QUOTAS.layersPerFunction;
    for (const f of functionsOf(ctx.template)) {
      const pair = pairOf(f.props, 'Layers');
      if (!pair) continue;
      for (const list of branches(pair.value)) {
        if (list.kind !== 'seq') continue;
        const count = list.items.filter((i) => !mayBeAbsent(i)).length;
        if (count <= max) continue;
        const owner = ownerOf(f, pair.keyRange);
        const inherited = list.items.filter((i) => fromGlobals(f, i.range)).length;
        const who = owner.resource ? `${f.id} uses ${count} layers${inherited > 0 ? ` (${inherited} appended from Globals)` : ''}` : `Functions inheriting these Globals Layers use ${count} layers`;
        ctx.report({
          range: pair.keyRange,
          message: `${who}; Lambda allows at most ${max}. Merge layers, or bundle the dependencies into the function package.`,
          ...owner,
        });
      }
    }
  },
};

/** True when a list item can disappear: `!Ref AWS::NoValue`, or an `!If` with such a branch. */
function mayBeAbsent(n: Node): boolean {
  if (isNoValue(n)) return true;
  if (n.kind === 'intrinsic' && n.fn === 'Fn::If' && n.arg.kind === 'seq') return n.arg.items.slice(1).some(mayBeAbsent);
  return false;
}
