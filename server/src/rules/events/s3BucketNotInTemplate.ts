import { pairOf } from '../../template/ast';
import type { Node } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import type { Template } from '../../template/model';
import { branches } from '../../template/resolve';
import type { Rule } from '../types';
import { changed, example } from '../docs';
import { EACH_FUNCTION } from '../helpers';

const URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-s3.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Uploads:
      Type: AWS::S3::Bucket
    Resize:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Events:
          Upload:
            Type: S3
            Properties:
              Bucket: !Ref Uploads
              Events: s3:ObjectCreated:*
`);

/** events/s3-bucket-not-in-template: SAM S3 events only work with a bucket of the same template. */
export const s3BucketNotInTemplate: Rule = {
  meta: {
    id: 'events/s3-bucket-not-in-template',
    severity: 'error',
    description: 'A SAM S3 event\'s Bucket must be a !Ref to an AWS::S3::Bucket of the same template.',
    docs: {
      bad: changed(EXAMPLE, ['  Uploads:\n    Type: AWS::S3::Bucket\n', ''], ['            Bucket: !Ref Uploads\n', '            Bucket: my-existing-bucket\n']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if (s.kind !== 'S3' || s.origin !== 'sam') continue;
      const key = s.props ? pairOf(s.props, 'Bucket') : undefined;
      if (!key) {
        if (s.props) ctx.report({ range: s.range, message: `S3 event ${s.eventName ?? ''} has no Bucket. Add Bucket: !Ref <an AWS::S3::Bucket of this template>.` });
        continue;
      }
      for (const b of branches(key.value)) {
        const why = problem(t, b);
        if (why) ctx.report({ range: b.range, message: `${why} SAM S3 events need Bucket: !Ref to an AWS::S3::Bucket in this template; for an existing bucket, add a NotificationConfiguration to it (or use an EventBridge rule) and a Lambda::Permission instead.` });
      }
    }
  },
};

function problem(t: Template, node: Node): string | undefined {
  if (node.kind === 'intrinsic' && node.fn === 'Ref') {
    const id = node.arg.kind === 'scalar' ? String(node.arg.value) : '';
    const r = t.resources.get(id);
    if (r?.type === 'AWS::S3::Bucket') return undefined;
    if (r) return `${id} is a ${r.type}, not an S3 bucket.`;
    return t.parameters.has(id) ? `Bucket refers to parameter ${id}, a bucket outside this template.` : `${id} is not a resource of this template.`;
  }
  if (node.kind === 'scalar') return `Bucket "${String(node.value)}" is a name, not a bucket of this template.`;
  if (node.kind === 'intrinsic') return `Bucket is written with ${node.fn}, which SAM does not accept here.`;
  return 'Bucket must be a !Ref.';
}

