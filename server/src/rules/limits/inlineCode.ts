import { get, pairOf } from '../../template/ast';
import type { Pair } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { branches, resolveStrings } from '../../template/resolve';
import { LAMBDA_SHAPES } from '../../quotas';
import { EACH_FUNCTION, ownerOf, relatedFor } from '../helpers';
import type { Rule } from '../types';
import { changed, example } from '../docs';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    MyFunction:
      Type: AWS::Lambda::Function
      Properties:
        Role: arn:aws:iam::123456789012:role/my-function
        Runtime: java21
        Handler: example.Handler
        Code:
          S3Bucket: my-artifacts
          S3Key: function.zip
`);

/** limits/inline-code: inline code only for Node.js and Python runtimes, never for an image function. */
export const inlineCode: Rule = {
  meta: {
    id: 'limits/inline-code',
    severity: 'error',
    description: 'Inline code (Code.ZipFile, SAM InlineCode) works only with nodejs* and python* runtimes and never with PackageType Image.',
    docs: {
      bad: changed(EXAMPLE, ['        S3Bucket: my-artifacts\n        S3Key: function.zip\n', '        ZipFile: "..."\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html',
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      const inline = inlinePair(f);
      if (!inline) continue;
      const owner = ownerOf(f, inline.keyRange);
      for (const c of resolveStrings(ctx.template, get(f.props, 'PackageType'))) {
        if (c.value !== 'Image') continue;
        ctx.report({
          range: inline.keyRange,
          message: `${inline.key} cannot be used with PackageType Image: an image function runs the code in its container image. Remove ${inline.key}, or use PackageType Zip.`,
          ...owner,
          related: [...owner.related, { range: c.at, message: 'PackageType is Image here.' }, ...relatedFor(f, c)],
        });
      }
      for (const c of resolveStrings(ctx.template, get(f.props, 'Runtime'))) {
        if (LAMBDA_SHAPES.inlineCodeRuntimes.test(c.value)) continue;
        ctx.report({
          range: inline.keyRange,
          message: `${inline.key} works only with Node.js and Python runtimes; this function uses ${c.value}. Package the code as a .zip (${f.sam ? 'CodeUri' : 'Code.S3Bucket/S3Key'}) instead.`,
          ...owner,
          related: [...owner.related, { range: c.at, message: `Runtime ${c.value} is set here.` }, ...relatedFor(f, c)],
        });
      }
    }
  },
};

/** The Code.ZipFile (Lambda) or InlineCode (SAM) entry of a function. */
function inlinePair(f: FunctionView): Pair | undefined {
  if (f.sam) return pairOf(f.props, 'InlineCode');
  for (const code of branches(get(f.props, 'Code'))) {
    const zip = code.kind === 'map' ? pairOf(code, 'ZipFile') : undefined;
    if (zip) return zip;
  }
  return undefined;
}
