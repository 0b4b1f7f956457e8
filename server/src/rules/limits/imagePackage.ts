import { get, pairOf } from '../../template/ast';
import { functionsOf } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { branches, resolveStrings } from '../../template/resolve';
import { EACH_FUNCTION, ownerOf, relatedFor } from '../helpers';
import type { Related, Rule } from '../types';
import { changed, example } from '../docs';

/** Properties Lambda refuses for a container image function. */
const ZIP_ONLY = ['Handler', 'Runtime', 'Layers'] as const;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        PackageType: Image
        ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-function:1.0
        ImageConfig:
          Command: ["app.handler"]
`);

/** limits/image-package: an image function has an image and none of the zip-only properties. */
export const imagePackage: Rule = {
  meta: {
    id: 'limits/image-package',
    severity: 'error',
    description: 'A PackageType Image function has no Handler, Runtime or Layers, and names its image (ImageUri, or SAM build Metadata).',
    docs: {
      bad: changed(EXAMPLE, ['      ImageConfig:\n        Command: ["app.handler"]\n', '      Runtime: python3.13\n      Handler: app.handler\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    for (const f of functionsOf(ctx.template)) {
      const image = resolveStrings(ctx.template, get(f.props, 'PackageType')).find((c) => c.value === 'Image');
      if (!image) continue;
      const pointsAtImage: Related = { range: image.at, message: 'PackageType is Image here.' };
      for (const key of ZIP_ONLY) {
        const pair = pairOf(f.props, key);
        if (!pair || branches(pair.value).length === 0) continue;
        const owner = ownerOf(f, pair.keyRange);
        const hint = owner.resource ? `Remove ${key}` : `Add IgnoreGlobals: [${key}] to the image functions inheriting it, or move ${key} out of Globals`;
        ctx.report({
          range: pair.keyRange,
          message: `${key} cannot be set on a PackageType Image function: the container image defines ${key === 'Layers' ? 'its dependencies' : 'the runtime and entry point (ImageConfig.Command)'}. ${hint}.`,
          ...owner,
          related: [...owner.related, pointsAtImage, ...relatedFor(undefined, image)],
        });
      }
      if (!hasImageSource(f)) {
        ctx.report({
          range: image.at,
          message: f.sam
            ? `${f.id} is a PackageType Image function without ImageUri or build Metadata (Dockerfile, DockerContext); there is no image to deploy. Add ImageUri, or the Metadata sam build uses to build it.`
            : `${f.id} is a PackageType Image function without Code.ImageUri; there is no image to deploy. Add Code.ImageUri with an Amazon ECR image URI.`,
          related: relatedFor(undefined, image),
          resource: f.id,
        });
      }
    }
  },
};

function hasImageSource(f: FunctionView): boolean {
  if (!f.sam) return branches(get(f.props, 'Code')).some((code) => get(code, 'ImageUri') !== undefined);
  if (get(f.props, 'ImageUri') !== undefined) return true;
  const metadata = get(f.resource.node, 'Metadata');
  return get(metadata, 'DockerContext') !== undefined || get(metadata, 'Dockerfile') !== undefined;
}
