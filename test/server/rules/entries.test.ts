import assert from 'node:assert/strict';
import { functionsTemplate } from '../../../server/src/template/sample';
import { validate } from '../../../server/src/rules/engine';
import type { Diagnostic } from '../../../server/src/rules/types';
import { RULES } from '../../../server/src/rules/index';
import { IncrementalValidation } from '../../../server/src/rules/incremental';
import type { Rule, ValidationOptions } from '../../../server/src/rules/types';
import { updateTemplate } from '../../../server/src/template/incremental';
import { buildTemplate } from '../../../server/src/template/model';

const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1000, today: new Date('2026-06-01T00:00:00Z'), ruleLevels: {}, reportSyntax: true };

const fail = (rule: string, error: unknown) => {
  throw new Error(`${rule} threw: ${error instanceof Error ? error.stack : String(error)}`);
};

/** A step of an editing session: what it does, and the new text. */
type Step = readonly [string, (text: string) => string];

interface Session {
  /** The first step after which the incremental result differs from a full validation, with both sides. */
  readonly difference?: string;
  /** Per step: the diagnostics, and whether the step was validated incrementally. */
  readonly steps: ReadonlyArray<{ readonly what: string; readonly diagnostics: readonly Diagnostic[]; readonly incremental: boolean }>;
}

/** Applies the steps one after the other, comparing the incremental validation with a full one after each. */
function session(text: string, steps: readonly Step[], rules: readonly Rule[] = RULES): Session {
  const v = new IncrementalValidation(fail, rules);
  let t = buildTemplate(text);
  let current = text;
  v.validate(t, OPTIONS);
  const out: Array<Session['steps'][number]> = [];
  for (const [what, edit] of steps) {
    const next = edit(current);
    assert.notEqual(next, current, `step "${what}" changes nothing`);
    current = next;
    t = updateTemplate(t, current, 0);
    const got = v.validate(t, OPTIONS);
    const want = validate(buildTemplate(current), OPTIONS, fail, rules);
    out.push({ what, diagnostics: want, incremental: !v.stats.full });
    const a = got.map((d) => JSON.stringify(d));
    const b = want.map((d) => JSON.stringify(d));
    if (a.join('\n') !== b.join('\n')) {
      const only = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x)).join('\n    ') || '(none)';
      return { difference: `after "${what}":\n  only incremental: ${only(a, b)}\n  only full: ${only(b, a)}`, steps: out };
    }
  }
  return { steps: out };
}

/** `text` with the first `from` replaced, failing when it is not there. */
const swap = (from: string, to: string) => (text: string) => {
  assert.ok(text.includes(from), `no ${from}`);
  return text.replace(from, to);
};

const REFERENCES = `${functionsTemplate(6)}  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Spare
      Subscription:
        - Protocol: sqs
          Endpoint: !GetAtt Queue.Arn
  Spare:
    Type: AWS::KMS::Key
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Environment:
        Variables:
          TOPIC: !Ref Topic
          ROLE: !GetAtt WorkerRole.Arn
  Last:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: !GetAtt Queue.QueueName
Outputs:
  TopicArn:
    Value: !Ref Topic
`;

/** The edits of the reference rules' inputs: names, cycles, ids added, removed and renamed, what SAM generates. */
const REFERENCE_STEPS: readonly Step[] = [
  ['add a cycle with DependsOn', swap('    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60', '    Type: AWS::SQS::Queue\n    DependsOn: Topic\n    Properties:\n      VisibilityTimeout: 60')],
  ['type inside the cycle', swap('VisibilityTimeout: 60', 'VisibilityTimeout: 610')],
  ['type after the cycle', swap('CodeUri: src/\n      Environment', 'CodeUri: src/w\n      Environment')],
  ['break the cycle', swap('    DependsOn: Topic\n', '')],
  ['point a reference elsewhere, closing a cycle', swap('KmsMasterKeyId: !Ref Spare', 'KmsMasterKeyId: !Ref Worker')],
  ['point it back', swap('KmsMasterKeyId: !Ref Worker', 'KmsMasterKeyId: !Ref Spare')],
  ['misspell a referenced name', swap('TOPIC: !Ref Topic', 'TOPIC: !Ref Topik')],
  ['type after the misspelling', swap('VisibilityTimeout: 610', 'VisibilityTimeout: 61')],
  ['correct it', swap('TOPIC: !Ref Topik', 'TOPIC: !Ref Topic')],
  ['rename a referenced logical id', swap('  Topic:\n', '  Topics:\n')],
  ['rename it back', swap('  Topics:\n', '  Topic:\n')],
  ['reference an id that is not there', swap('ROLE: !GetAtt WorkerRole.Arn', 'ROLE: !GetAtt WorkerRole.Arn\n          EXTRA: !Ref Extra')],
  ['add that resource', swap('  Last:\n', '  Extra:\n    Type: AWS::SNS::Topic\n  Last:\n')],
  ['remove it again', swap('  Extra:\n    Type: AWS::SNS::Topic\n', '')],
  ['name an attribute the type lacks', swap('Endpoint: !GetAtt Queue.Arn', 'Endpoint: !GetAtt Queue.Arnn')],
  ['correct the attribute', swap('Endpoint: !GetAtt Queue.Arnn', 'Endpoint: !GetAtt Queue.Arn')],
  ['a cycle through the role SAM generates', swap('      CodeUri: src/w\n', '      CodeUri: src/w\n      Policies:\n        - SQSSendMessagePolicy: { QueueName: !GetAtt Last.QueueName }\n')],
  ['close it from the queue', swap('  Last:\n    Type: AWS::SQS::Queue\n', '  Last:\n    Type: AWS::SQS::Queue\n    DependsOn: WorkerRole\n')],
  ['give the function its own role', swap('      CodeUri: src/w\n', '      CodeUri: src/w\n      Role: arn:aws:iam::123456789012:role/worker\n')],
  ['name the alias SAM makes without AutoPublishAlias', swap('TOPIC: !Ref Topic', 'TOPIC: !Ref Worker.Alias')],
  ['publish an alias', swap('      CodeUri: src/w\n', '      CodeUri: src/w\n      AutoPublishAlias: live\n')],
  ['remove a referenced resource', swap('  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 61\n', '')],
];

describe('rules reading every entry, incrementally', function () {
  this.timeout(120_000);

  it('equal a full validation while names, cycles and logical ids change', () => {
    const s = session(REFERENCES, REFERENCE_STEPS);
    assert.equal(s.difference, undefined, s.difference);
    const found = (what: string, message: RegExp) => s.steps.find((x) => x.what === what)!.diagnostics.some((d) => d.rule.startsWith('template/') && message.test(d.message));
    // The session reaches what the rules report, and takes it back.
    assert.ok(found('add a cycle with DependsOn', /^Circular dependency: Queue → Topic → Queue/));
    assert.ok(found('type inside the cycle', /^Circular dependency: Queue → Topic → Queue/));
    assert.ok(!found('break the cycle', /^Circular/));
    assert.ok(found('point a reference elsewhere, closing a cycle', /^Circular dependency: Topic → Worker → Topic/));
    assert.ok(!found('point it back', /^Circular/));
    assert.ok(found('misspell a referenced name', /^Ref Topik names Topik/));
    assert.ok(!found('correct it', /Topik/));
    assert.ok(found('rename a referenced logical id', /^Ref Topic names Topic, which is not/));
    assert.ok(!found('rename it back', /names Topic/));
    assert.ok(found('reference an id that is not there', /^Ref Extra names Extra/));
    assert.ok(!found('add that resource', /Extra/));
    assert.ok(found('remove it again', /^Ref Extra names Extra/));
    assert.ok(found('name an attribute the type lacks', /no attribute Arnn \(did you mean Arn\?\)/));
    assert.ok(!found('correct the attribute', /Arnn/));
    assert.ok(!found('a cycle through the role SAM generates', /^Circular/));
    assert.ok(found('close it from the queue', /^Circular dependency: WorkerRole → Last → WorkerRole/));
    assert.ok(!found('give the function its own role', /^Circular/));
    assert.ok(found('give the function its own role', /^!GetAtt WorkerRole.Arn names WorkerRole, which is not a resource of this template \(Worker sets Role/));
    assert.ok(found('name the alias SAM makes without AutoPublishAlias', /^Ref Worker.Alias names Worker.Alias/));
    assert.ok(!found('publish an alias', /^Ref Worker.Alias/));
    assert.ok(found('publish an alias', /^Circular dependency: Worker → Worker.Alias → Worker/));
    assert.ok(found('remove a referenced resource', /^!GetAtt Queue.Arn names Queue, which is not/));
    assert.ok(s.steps.every((x) => x.incremental), 'every step validated incrementally');
  });

  it('catches a split rule whose parts read more of the other resources than it declares', () => {
    // Each function's part reports the queues' VisibilityTimeout, but the rule declares nothing of queues.
    const wrong: Rule = {
      meta: { id: 'test/queue-timeouts', severity: 'warning', description: 'test', docs: { bad: '', good: '', url: '' }, fixable: false, reads: { types: {} } },
      check(ctx) {
        for (const id of ctx.template.resources.keys()) parts.resource(ctx, id);
      },
      byEntry: {
        resource(ctx, id) {
          const r = ctx.template.resources.get(id)!;
          if (r.type !== 'AWS::Serverless::Function') return;
          const timeouts = ctx.template.ofType('AWS::SQS::Queue').map((q) => ctx.template.text.slice(q.node.range.start, q.node.range.end).match(/VisibilityTimeout: (\S+)/)?.[1]);
          ctx.report({ range: r.idRange, message: `queues wait ${timeouts.join(', ')}`, resource: id });
        },
        rest: () => undefined,
      },
    };
    const parts = wrong.byEntry as { resource: (ctx: Parameters<Rule['check']>[0], id: string) => void };
    const steps: Step[] = [['change a queue', swap('VisibilityTimeout: 60', 'VisibilityTimeout: 70')]];
    assert.match(session(REFERENCES, steps, [wrong]).difference ?? '', /queues wait/);
    const honest: Rule = { ...wrong, meta: { ...wrong.meta, reads: { types: { 'AWS::SQS::Queue': ['VisibilityTimeout'] } } } };
    assert.equal(session(REFERENCES, steps, [honest]).difference, undefined);
  });

  it('catches a keyed rule whose key leaves out what it reads of an entry', () => {
    // Reports every entry's number of `!Ref`, but its key says it reads nothing of an entry.
    const refs = (text: string) => (text.match(/!Ref /g) ?? []).length;
    const wrong: Rule = {
      meta: { id: 'test/ref-count', severity: 'warning', description: 'test', docs: { bad: '', good: '', url: '' }, fixable: false, reads: { types: {} } },
      check(ctx) {
        for (const r of ctx.template.resources.values()) {
          ctx.report({ range: r.idRange, message: `${refs(ctx.template.text.slice(r.node.range.start, r.node.range.end))} refs`, resource: r.id });
        }
      },
      byEntry: { key: () => '' },
    };
    const steps: Step[] = [['add a reference', swap('TOPIC: !Ref Topic', 'TOPIC: !Ref Topic\n          T2: !Ref Topic')]];
    assert.match(session(REFERENCES, steps, [wrong]).difference ?? '', /refs/);
    const key = (t: Parameters<Extract<Rule['byEntry'], { key: unknown }>['key']>[0], id: string) => {
      const r = t.resources.get(id);
      return r ? String(refs(t.text.slice(r.node.range.start, r.node.range.end))) : '';
    };
    const honest: Rule = { ...wrong, byEntry: { key } };
    assert.equal(session(REFERENCES, steps, [honest]).difference, undefined);
  });
});
