import { get, pairOf } from '../../template/ast';
import type { Range } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { branches, resolveStrings } from '../../template/resolve';
import type { Template } from '../../template/model';
import { EACH_FUNCTION, ownerOf } from '../helpers';
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
`);

/** runtime/zip-needs-handler: a .zip function (the default package type) names its Handler and Runtime. */
export const zipNeedsHandler: Rule = {
  meta: {
    id: 'runtime/zip-needs-handler',
    severity: 'error',
    description: 'A .zip function (PackageType Zip, the default) sets Handler and Runtime, itself or through SAM Globals.',
    docs: {
      bad: changed(EXAMPLE, ['      Handler: index.handler\n      Runtime: nodejs22.x\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      // Properties of the wrong type (a string) are a schema problem, not a missing Handler.
      const written = get(f.resource.node, 'Properties');
      if (written && written.kind !== 'map' && !(written.kind === 'scalar' && written.value === null)) continue;
      if (!isZip(ctx.template, f)) continue;
      const missing = (['Handler', 'Runtime'] as const).filter((key) => {
        const pair = pairOf(f.props, key);
        return !pair || (pair.value.kind === 'scalar' && pair.value.value === null);
      });
      if (missing.length === 0) continue;
      const at = anchor(f);
      const both = missing.length === 2;
      ctx.report({
        range: at,
        message: `${f.id} is a .zip function without ${missing.join(' or ')}${f.sam ? ' (in its Properties or in Globals.Function)' : ''}; Lambda needs ${both ? 'both' : 'it'} to run .zip code and the deployment fails. Add ${missing.join(' and ')}${f.sam ? ' to the function or to Globals.Function' : ''}, or use PackageType Image.`,
        ...ownerOf(f, at),
      });
    }
  },
};

/** True when the function certainly packages .zip code: no image property and a PackageType that is Zip or absent. */
function isZip(t: Template, f: FunctionView): boolean {
  const packageType = get(f.props, 'PackageType');
  if (packageType) {
    const values = resolveStrings(t, packageType);
    if (values.length === 0 || values.some((c) => c.value !== 'Zip')) return false;
  }
  if (f.sam) return get(f.props, 'ImageUri') === undefined && get(f.props, 'ImageConfig') === undefined;
  return !branches(get(f.props, 'Code')).some((code) => get(code, 'ImageUri') !== undefined);
}

/** The key to report at: the code location when there is one, else the logical id. */
function anchor(f: FunctionView): Range {
  for (const key of ['PackageType', 'CodeUri', 'InlineCode', 'Code']) {
    const pair = f.resource.properties ? pairOf(f.resource.properties, key) : undefined;
    if (pair) return pair.keyRange;
  }
  return f.resource.idRange;
}
