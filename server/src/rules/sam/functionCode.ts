import { get, pairOf, str } from '../../template/ast';
import { functionById } from '../../template/functions';
import { changed } from '../docs';
import { FUNCTION, samTemplate } from './examples';
import type { Rule } from '../types';
import { samResources } from './events';
import { EACH_RESOURCE } from '../helpers';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = samTemplate(FUNCTION);

/** sam/function-code: a SAM function has its code: CodeUri or InlineCode for zip packages, ImageUri for images. */
export const functionCode: Rule = {
  meta: {
    id: 'sam/function-code',
    severity: 'error',
    description: 'A SAM function says where its code is: CodeUri or InlineCode for a zip package, ImageUri for PackageType Image (or Metadata for sam build).',
    docs: {
      bad: changed(EXAMPLE, ['      CodeUri: src/\n', '']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    },
    fixable: false,
    reads: EACH_RESOURCE,
  },
  check(ctx) {
    const t = ctx.template;
    for (const { resource } of samResources(t, 'AWS::Serverless::Function')) {
      const props = functionById(t, resource.id)?.props;
      const image = str(get(props, 'PackageType')) === 'Image';
      // `sam build` builds images from Metadata (Dockerfile, DockerContext) and fills ImageUri in.
      const built = get(get(resource.node, 'Metadata'), 'Dockerfile') !== undefined;
      const at = pairOf(resource.node, 'Properties')?.keyRange ?? resource.idRange;
      if (image && !get(props, 'ImageUri') && !built) {
        ctx.report({ range: at, message: `${resource.id} has PackageType Image but no ImageUri; SAM needs the image's ECR URI (or Metadata with a Dockerfile for sam build).`, resource: resource.id });
      } else if (!image && !get(props, 'CodeUri') && !get(props, 'InlineCode') && !get(props, 'ImageUri')) {
        ctx.report({ range: at, message: `${resource.id} has no code: set CodeUri (a folder, .zip or s3:// URI) or InlineCode.`, resource: resource.id });
      }
    }
  },
};
