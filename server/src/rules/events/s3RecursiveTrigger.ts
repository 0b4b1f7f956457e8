import { get } from '../../template/ast';
import type { Node } from '../../template/ast';
import { eventSourceList } from '../../template/eventSources';
import type { EventSource } from '../../template/eventSources';
import { functionById } from '../../template/functions';
import type { FunctionView } from '../../template/functions';
import { allowingStatements, executionRole, roleAllows } from '../../template/iam';
import type { Template } from '../../template/model';
import { refsIn } from '../../template/refs';
import type { Related, Rule } from '../types';
import { changed, example } from '../docs';
import { EACH_FUNCTION } from '../helpers';

const URL = 'https://docs.aws.amazon.com/lambda/latest/dg/with-s3-tutorial.html';

/** Environment variable names that say "write here". */
const OUTPUT_NAME = /OUT|DEST|TARGET|RESULT|WRITE|THUMB|PROCESSED|EXPORT/i;

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    PhotosBucketName:
      Type: String
  Resources:
    Photos:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: !Ref PhotosBucketName
    ThumbnailBucket:
      Type: AWS::S3::Bucket
    Thumbnails:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        Policies:
          - S3ReadPolicy: { BucketName: !Ref PhotosBucketName }
          - S3WritePolicy: { BucketName: !Ref ThumbnailBucket }
        Events:
          Upload:
            Type: S3
            Properties:
              Bucket: !Ref Photos
              Events: s3:ObjectCreated:*
`);

/** events/s3-recursive-trigger: a function that writes back into the bucket that triggers it, unfiltered. */
export const s3RecursiveTrigger: Rule = {
  meta: {
    id: 'events/s3-recursive-trigger',
    severity: 'warning',
    description: 'A function triggered by an S3 bucket that can also write to that bucket, with no prefix or suffix filter on the trigger, can invoke itself in a loop.',
    docs: {
      bad: changed(EXAMPLE, ['        - S3ReadPolicy: { BucketName: !Ref PhotosBucketName }\n        - S3WritePolicy: { BucketName: !Ref ThumbnailBucket }\n', '        - S3CrudPolicy: { BucketName: !Ref Photos }\n']),
      good: EXAMPLE,
      url: URL,
    },
    fixable: false,
    reads: EACH_FUNCTION,
  },
  check(ctx) {
    const t = ctx.template;
    for (const s of eventSourceList(t)) {
      if (s.kind !== 'S3' || s.origin === 'permission' || s.s3Filter || s.target?.type !== 'AWS::S3::Bucket') continue;
      if (!createsObjects(s)) continue;
      const f = functionById(t, s.functionId);
      if (!f) continue;
      const bucket = s.target.id;
      const evidence = writeEvidence(t, f, bucket);
      if (evidence.length === 0) continue;
      ctx.report({
        range: s.targetNode?.range ?? s.range,
        message: `${f.id} is triggered by new objects in ${bucket} and can write to ${bucket}: each object it writes triggers it again, a recursive loop that runs up cost until Lambda's loop detection stops it. Write the results to another bucket, or filter the trigger by a prefix or suffix the function never writes.`,
        related: evidence,
        resource: s.declaredIn,
      });
    }
  },
};

/** Only object-creation events can be caused by the function's own writes; unknown events count. */
function createsObjects(s: EventSource): boolean {
  const events = s.s3Events ?? [];
  return events.length === 0 || events.some((e) => e === 's3:*' || e.startsWith('s3:ObjectCreated'));
}

/** Where the template shows the function can write to the bucket: IAM grants, or an output env var naming it. */
function writeEvidence(t: Template, f: FunctionView, bucket: string): Related[] {
  const role = executionRole(t, f);
  const access = roleAllows(t, role, 's3:PutObject', bucket);
  if (access === 'denied') return [];
  const out: Related[] = [];
  if (access === 'allowed') {
    for (const st of allowingStatements(t, role, 's3:PutObject', bucket)) out.push({ range: st.at, message: `This grants ${f.id} s3:PutObject on ${bucket}.` });
    if (out.length === 0) out.push({ range: role.kind === 'role' ? role.at : f.resource.idRange, message: `${f.id}'s role allows s3:PutObject on ${bucket}.` });
  }
  const vars = get(get(f.props, 'Environment'), 'Variables');
  if (vars?.kind === 'map') {
    for (const p of vars.pairs) {
      if (OUTPUT_NAME.test(p.key) && names(t, p.value, bucket)) out.push({ range: p.keyRange, message: `${p.key} passes ${bucket} to ${f.id} as an output.` });
    }
  }
  return out;
}

function names(t: Template, node: Node, id: string): boolean {
  return refsIn(t, node).some((e) => e.to === id);
}
