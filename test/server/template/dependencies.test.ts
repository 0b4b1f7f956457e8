import assert from 'node:assert/strict';
import { cycles, dependencyGraph, dependencyKey, pathWithin } from '../../../server/src/template/dependencies';
import { functionsTemplate } from '../../../server/src/template/sample';
import { buildTemplate } from '../../../server/src/template/model';

const queues = (n: number, dependsOn: (i: number) => string | undefined) =>
  `Resources:\n${Array.from({ length: n }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n${dependsOn(i) ? `    DependsOn: ${dependsOn(i)}\n` : ''}`).join('')}`;

describe('dependency graph', () => {
  it('finds each cycle once, as its nodes, and a shortest way around it', () => {
    const g = dependencyGraph(buildTemplate(queues(5, (i) => ['Q1', 'Q2', 'Q0', 'Q4', undefined][i])));
    assert.deepEqual(cycles(g).map((c) => [...c].sort()), [['Q0', 'Q1', 'Q2']]);
    assert.deepEqual(pathWithin(g, 'Q1', 'Q0', new Set(['Q0', 'Q1', 'Q2']))!.map((e) => e.to), ['Q2', 'Q0']);
  });

  it('walks a chain of 20,000 resources without running out of stack', () => {
    const g = dependencyGraph(buildTemplate(queues(20_000, (i) => (i > 0 ? `Q${i - 1}` : 'Q19999'))));
    assert.equal(cycles(g)[0]!.length, 20_000);
  });

  it('gives a SAM function its generated role, and the role the references of its policies', () => {
    const t = buildTemplate('Transform: AWS::Serverless-2016-10-31\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: i.h\n      Runtime: nodejs22.x\n      Policies:\n        - SQSSendMessagePolicy: { QueueName: !GetAtt Q.QueueName }\n');
    const g = dependencyGraph(t);
    assert.deepEqual(g.from('Fn').map((e) => e.to), ['FnRole']);
    assert.deepEqual(g.from('FnRole').map((e) => e.to), ['Q']);
  });

  it('keys an entry by the references that make dependencies: not those to parameters or to nothing', () => {
    const text = functionsTemplate(4);
    const key = (t: string) => dependencyKey(buildTemplate(t), 'Fn0');
    assert.ok(text.includes('      MemorySize: !Ref Memory\n'));
    // Fn0 names the parameter Memory and the table Table0.
    assert.equal(key(text.replace('MemorySize: !Ref Memory', 'MemorySize: !Ref Stage')), key(text));
    assert.equal(key(text.replace('MemorySize: !Ref Memory', 'MemorySize: !Ref Memry')), key(text));
    assert.notEqual(key(text.replace('TABLE: !Ref Table0', 'TABLE: !Ref Fn1')), key(text));
    assert.notEqual(key(text.replace('TABLE: !Ref Table0', 'TABLE: !Ref Memory')), key(text));
  });
});
