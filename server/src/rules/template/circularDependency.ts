import { cycles, dependencyGraph, dependencyKey, pathWithin } from '../../template/dependencies';
import { SAM_NAME_PROPERTIES } from '../../template/samGenerated';
import type { DependencyEdge } from '../../template/dependencies';
import { changed } from '../docs';
import { samTemplate } from '../sam/examples';
import type { Related, Rule } from '../types';

/** The documented good example; the bad one makes the queue wait for a topic that names the queue. */
const EXAMPLE = samTemplate(`  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: sqs
          Endpoint: !GetAtt Queue.Arn
`);

/** template/circular-dependency: no resource depends on itself through Ref, GetAtt, Sub, DependsOn or what SAM generates. */
export const circularDependency: Rule = {
  meta: {
    id: 'template/circular-dependency',
    severity: 'error',
    description: 'No resource depends on itself through `Ref`, `!GetAtt`, `${}` in `!Sub` and `DependsOn`, counting the resources SAM generates (a function\'s role, an API\'s integrations, a bucket\'s notifications).',
    docs: {
      bad: changed(EXAMPLE, ['    Type: AWS::SQS::Queue\n', '    Type: AWS::SQS::Queue\n    DependsOn: Topic\n']),
      good: EXAMPLE,
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html#troubleshooting-errors-dependency-error',
      references: ['https://aws.amazon.com/blogs/infrastructure-and-automation/handling-circular-dependency-errors-in-aws-cloudformation/'],
    },
    // The dependency graph joins every resource and what SAM generates from each; of one entry it
    // reads its references (`byEntry`), of every entry what SAM generates from it.
    reads: { types: SAM_NAME_PROPERTIES },
    fixable: false,
  },
  byEntry: { key: dependencyKey },
  check(ctx) {
    const t = ctx.template;
    const g = dependencyGraph(t);
    for (const component of cycles(g)) {
      const within = new Set(component);
      const reported = new Set<DependencyEdge['reference']>();
      for (const node of component) {
        for (const e of g.from(node)) {
          if (!e.reference || !within.has(e.to) || reported.has(e.reference)) continue;
          reported.add(e.reference);
          const back = e.from === e.to ? [] : (pathWithin(g, e.to, e.from, within) ?? []);
          const loop = [e, ...back];
          const names = [e.from, ...loop.map((x) => x.to)].join(' → ');
          const related: Related[] = back.flatMap((x) => {
            const range = x.reference ? (x.reference.idRange ?? x.reference.nameRange ?? x.reference.range) : x.at;
            return range ? [{ range, message: x.reference ? `${x.from} names ${x.to} here` : (x.why ?? `${x.from} depends on ${x.to}`) }] : [];
          });
          const sam = back.filter((x) => !x.reference && x.why).map((x) => x.why!);
          const r = e.reference;
          ctx.report({
            range: r.idRange ?? r.nameRange ?? r.range,
            message: `Circular dependency: ${names}${sam.length ? ` (${sam.join('; ')})` : ''}. CloudFormation cannot order these resources and rejects the template. Remove one of the references, or name the value without it (a literal name, or a parameter).`,
            related,
            ...(t.resources.has(e.reference.from) ? { resource: e.reference.from } : {}),
          });
        }
      }
    }
  },
};
