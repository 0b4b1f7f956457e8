import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionsTemplate } from '../../../server/src/template/sample';
import { validate } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/index';
import { templateChanges } from '../../../server/src/template/changes';
import { IncrementalValidation } from '../../../server/src/rules/incremental';
import type { Rule, ValidationOptions } from '../../../server/src/rules/types';
import { functionsOf } from '../../../server/src/template/functions';
import { updateTemplate } from '../../../server/src/template/incremental';
import { buildTemplate } from '../../../server/src/template/model';
import { yamlToJson } from '../../support/jsonText';
import { changeNumber, EDITS, rng } from '../../support/randomEdits';

const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus', 'sam-translator');
const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1000, today: new Date('2026-06-01T00:00:00Z'), ruleLevels: {}, reportSyntax: true };

const fail = (rule: string, error: unknown) => {
  throw new Error(`${rule} threw: ${error instanceof Error ? error.stack : String(error)}`);
};

/**
 * Runs `edits` random edits over `text`, one after the other, and after each compares the
 * incremental validation with a fresh full one of the same text. Returns the first difference.
 */
let incrementalRuns = 0;

function firstDifference(text: string, edits: number, seed: number, rules: readonly Rule[] = RULES): string | undefined {
  const random = rng(seed);
  const incremental = new IncrementalValidation(fail, rules);
  let t = buildTemplate(text);
  let current = text;
  for (let i = 0; i <= edits; i++) {
    if (i > 0) {
      const at = Math.floor(random() * current.length);
      current = random() < 0.4 ? changeNumber(current, at, random) : EDITS[Math.floor(random() * EDITS.length)]!(current, at);
      t = updateTemplate(t, current, 0);
    }
    const got = incremental.validate(t, OPTIONS).map((d) => JSON.stringify(d));
    if (!incremental.stats.full) incrementalRuns++;
    const want = validate(buildTemplate(current), OPTIONS, fail, rules).map((d) => JSON.stringify(d));
    if (got.join('\n') !== want.join('\n')) return `after edit ${i}:\n${differing(got, want)}`;
  }
  return undefined;
}

/** The diagnostics only one side has, or (when both have the same ones) that their order differs. */
function differing(got: readonly string[], want: readonly string[]): string {
  const only = (xs: readonly string[], ys: readonly string[]) => xs.filter((x) => !ys.includes(x)).map((x) => x.slice(0, 400));
  const a = only(got, want);
  const b = only(want, got);
  if (a.length === 0 && b.length === 0) return `  same diagnostics in another order:\n  incremental ${got.join('\n    ')}`;
  return `  only incremental: ${a.join('\n    ')}\n  only full: ${b.join('\n    ')}`;
}

/** A template with a Globals section whose values the edits change, and resources sharing an anchor. */
function globalsAndAnchors(): string[] {
  const text = functionsTemplate(24);
  return [
    text,
    text.replace('    Timeout: 30\n', '    Timeout: 30\n    MemorySize: 20000\n'),
    text.replace(/^Resources:\n/m, 'Resources:\n  Anchored:\n    Type: AWS::SQS::Queue\n    Properties: { VisibilityTimeout: &vt 10 }\n  Aliased:\n    Type: AWS::SQS::Queue\n    Properties: { VisibilityTimeout: *vt }\n'),
  ];
}

describe('incremental validation', function () {
  this.timeout(600_000);

  it('equals a full validation after every edit of random typing sessions over real templates', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_'));
    const random = rng(7);
    let sessions = 0;
    for (let k = 0; k < 70; k++) {
      const f = files[Math.floor(random() * files.length)]!;
      const diff = firstDifference(readFileSync(join(CORPUS, f), 'utf8'), 12, k + 1);
      assert.equal(diff, undefined, `${f}: ${diff}`);
      sessions++;
    }
    assert.equal(sessions, 70);
    // Most edits were validated incrementally, not by the full fallback.
    assert.ok(incrementalRuns > 400, `${incrementalRuns} incremental runs`);
  });

  it('equals a full validation after every edit of random typing sessions over JSON templates', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_'));
    const random = rng(11);
    for (let k = 0; k < 20; k++) {
      const f = files[Math.floor(random() * files.length)]!;
      const diff = firstDifference(yamlToJson(readFileSync(join(CORPUS, f), 'utf8')), 12, 500 + k);
      assert.equal(diff, undefined, `${f} as JSON: ${diff}`);
    }
  });

  it('equals a full validation after edits of the documented examples of every rule', () => {
    let k = 0;
    for (const rule of RULES) {
      for (const text of [rule.meta.docs.bad, rule.meta.docs.good]) {
        const diff = firstDifference(text, 8, 1000 + k++);
        assert.equal(diff, undefined, `${rule.meta.id}: ${diff}`);
      }
    }
  });

  it('equals a full validation while a resource, a property line and a quote are typed in, the YAML broken on the way', () => {
    let text = functionsTemplate(30);
    const incremental = new IncrementalValidation(fail);
    let t = buildTemplate(text);
    incremental.validate(t, OPTIONS);
    // A queue typed after a role (Enter at the end of its last line first), a property line typed
    // into a function, and a value put in quotes.
    const queue = text.indexOf('\n  Fn15:\n');
    const steps: Array<[number, string]> = [...'\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { DelaySecond: 5 }'].map((c, i) => [queue + i, c]);
    let shift = steps.length;
    const property = text.indexOf('      MemorySize: 512', queue) + shift;
    steps.push(...[...'      Timeout: 901\n'].map((c, i): [number, string] => [property + i, c]));
    shift += '      Timeout: 901\n'.length;
    const value = text.indexOf('MODE: batch', queue) + 'MODE: '.length + shift;
    steps.push([value, "'"], [value + "'batch".length, "'"]);
    let checked = 0;
    for (const [at, c] of steps) {
      text = text.slice(0, at) + c + text.slice(at);
      t = updateTemplate(t, text);
      const got = incremental.validate(t, OPTIONS).map((d) => JSON.stringify(d));
      const want = validate(buildTemplate(text), OPTIONS, fail).map((d) => JSON.stringify(d));
      assert.equal(got.join('\n'), want.join('\n'), `after typing ${JSON.stringify(c)} at ${at}:\n${differing(got, want)}`);
      if (!incremental.stats.full) checked++;
    }
    // The queue is judged: its misspelt property is reported.
    assert.ok(validate(buildTemplate(text), OPTIONS).some((d) => d.rule === 'schema/unknown-property' && d.message.includes('DelaySeconds')), 'the queue is judged');
    assert.ok(checked > steps.length - 8, `${checked} of ${steps.length} validated incrementally`);
  });

  it('equals a full validation with Globals changes and YAML anchors', () => {
    for (const [i, text] of globalsAndAnchors().entries()) {
      const diff = firstDifference(text, 25, 100 + i);
      assert.equal(diff, undefined, `variant ${i}: ${diff}`);
    }
  });

  it('equals a full validation after edits of Parameters, Mappings, Conditions, Globals and Outputs, re-checking only what reads them', () => {
    const base = `${functionsTemplate(24)}Outputs:\n  Api:\n    Value: !GetAtt Fn0.Arn\n  Stage:\n    Value: !Ref Stage\n    Condition: IsProd\n`;
    const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).map((f) => readFileSync(join(CORPUS, f), 'utf8'));
    const texts = [base, ...corpus.filter((t) => /^(Parameters|Globals|Conditions|Mappings|Outputs):/m.test(t)).slice(0, 40)];
    const random = rng(61);
    let sectionRuns = 0;
    let partial = 0;
    for (const text of texts) {
      const incremental = new IncrementalValidation(fail);
      let current = text;
      let t = buildTemplate(current);
      incremental.validate(t, OPTIONS);
      const allUnits = incremental.stats.units;
      for (let i = 0; i < 10; i++) {
        // An edit inside a section other than Resources (its first line is left alone).
        const sections = [...current.matchAll(/^(Parameters|Globals|Conditions|Mappings|Outputs):\n/gm)];
        if (sections.length === 0) break;
        const s = sections[Math.floor(random() * sections.length)]!;
        const from = s.index! + s[0].length;
        const next = current.slice(from).search(/^\S/m);
        const end = next === -1 ? current.length : from + next;
        if (end <= from) continue;
        const at = from + Math.floor(random() * (end - from));
        current = random() < 0.5 ? changeNumber(current, at, random) : EDITS[Math.floor(random() * EDITS.length)]!(current, at);
        t = updateTemplate(t, current, 0);
        const got = incremental.validate(t, OPTIONS).map((d) => JSON.stringify(d));
        const want = validate(buildTemplate(current), OPTIONS, fail).map((d) => JSON.stringify(d));
        assert.equal(got.join('\n'), want.join('\n'), `edit ${i}:\n${differing(got, want)}`);
        if (incremental.stats.sections) {
          sectionRuns++;
          if (incremental.stats.units < allUnits / 2) partial++;
        }
      }
    }
    // The section edits that keep every name were validated by what reads them, often a small part of the template.
    assert.ok(sectionRuns > 100 && partial > 20, `${sectionRuns} section runs, ${partial} of them re-checked less than half the units`);
  });

  it('checks no resource again after an edit of Outputs, and only the readers of a changed mapping or condition', () => {
    const text = `${functionsTemplate(24)}Outputs:\n  Api:\n    Value: !GetAtt Fn0.Arn\n`;
    const edits: Array<[string, string, string[]]> = [
      ['    Value: !GetAtt Fn0.Arn\n', '    Value: !GetAtt Fn2.Arn\n', []],
      // Sizes is read by the SAM functions whose MemorySize is found in it: Fn2, Fn6, Fn10, ...
      ['    prod: { Memory: 2048, Timeout: 30 }', '    prod: { Memory: 20480, Timeout: 30 }', ['Fn2', 'Fn6', 'Fn10', 'Fn14', 'Fn18', 'Fn22']],
      // IsProd is read by every SAM function's Timeout.
      ['  IsProd: !Equals [!Ref Stage, prod]', '  IsProd: !Equals [!Ref Stage, dev]', Array.from({ length: 12 }, (_, i) => `Fn${i * 2}`)],
    ];
    const incremental = new IncrementalValidation(fail);
    let t = buildTemplate(text);
    incremental.validate(t, OPTIONS);
    let current = text;
    for (const [from, to, readers] of edits) {
      const before = buildTemplate(current);
      current = current.replace(from, to);
      const changes = templateChanges(before, buildTemplate(current));
      assert.equal(changes.outside, false, to);
      assert.equal(changes.sections, true, to);
      assert.deepEqual([...changes.resources.keys()].sort(), [...readers].sort(), to);
      t = updateTemplate(t, current);
      const got = incremental.validate(t, OPTIONS).map((d) => JSON.stringify(d));
      assert.deepEqual(got, validate(buildTemplate(current), OPTIONS, fail).map((d) => JSON.stringify(d)), to);
      assert.equal(incremental.stats.sections, true, to);
    }
    // A map named through a parameter: whatever finds in a map reads every mapping.
    const indirect = `${text.replace('Resources:\n', 'Resources:\n  Sized:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: !FindInMap [!Ref SizesName, dev, Memory]\n')}`.replace('Parameters:\n', 'Parameters:\n  SizesName: { Type: String, Default: Sizes }\n');
    const grown = indirect.replace('    dev: { Memory: 512, Timeout: 10 }', '    dev: { Memory: 51200, Timeout: 10 }');
    assert.ok([...templateChanges(buildTemplate(indirect), buildTemplate(grown)).resources.keys()].includes('Sized'));
    // A parameter renamed changes what names resolve to: everything is validated again.
    const renamed = current.replace('  Token: { Type: String, NoEcho: true }', '  Tokens: { Type: String, NoEcho: true }');
    assert.equal(templateChanges(buildTemplate(current), buildTemplate(renamed)).outside, true);
  });

  it('keeps what was found in a resource after the edit exact when that resource is checked again', () => {
    // Typing in the queue moves the function after it, and the function, which names the queue, is
    // checked again: what is kept per node (shape issues, Sub readings) must be of the moved node.
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: orders',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: nodejs22.x',
      '      CodeUri: src/',
      '      MemorySze: 512',
      '      Tracing: Enabled',
      '      Environment:',
      '        Variables:',
      '          URL: !Sub "https://${Queue.QueueName}/${Nope}"',
      '          ARN: !GetAtt Queue.Arn',
      '      Events:',
      '        Orders:',
      '          Type: SQS',
      '          Properties: { Queue: !GetAtt Queue.Arn, BatchSizee: 5 }',
      '',
    ].join('\n');
    const v = new IncrementalValidation(fail);
    let t = buildTemplate(text);
    v.validate(t, OPTIONS);
    let current = text;
    const at = text.indexOf('orders') + 'orders'.length;
    for (const typed of ['-', '-e', '-eu', '-e', '']) {
      current = `${text.slice(0, at)}${typed}${text.slice(at)}`;
      t = updateTemplate(t, current, 0);
      const got = v.validate(t, OPTIONS);
      assert.equal(v.stats.full, false);
      assert.deepEqual(got, validate(buildTemplate(current), OPTIONS, fail), `after typing "${typed}"`);
      assert.ok(got.some((d) => d.rule === 'schema/unknown-property'));
    }
  });

  it('runs only the checks of the edited function again', () => {
    const text = functionsTemplate(60);
    const v = new IncrementalValidation(fail);
    let t = buildTemplate(text);
    v.validate(t, OPTIONS);
    const at = text.indexOf('      MemorySize: 512') + 20;
    t = updateTemplate(t, `${text.slice(0, at)}3${text.slice(at + 1)}`, 0);
    const diagnostics = v.validate(t, OPTIONS);
    assert.equal(v.stats.full, false);
    // The edited function, once for each group of rules that check resources one at a time, and for
    // the rules checking every resource, the few resources next to it (its role, its table).
    assert.equal(t.resources.size, 96);
    assert.ok(v.stats.units >= 1 && v.stats.units <= 8, `${v.stats.units} unit checks`);
    assert.deepEqual(diagnostics, validate(t, OPTIONS, fail));
  });

  it('catches a rule that reads more than it declares', () => {
    // Declared as reading only each function and its neighbours, but counts every queue of the template.
    const wrong: Rule = {
      meta: { id: 'test/queues-per-function', severity: 'warning', description: 'test', docs: { bad: '', good: '', url: '' }, fixable: false, reads: { each: ['AWS::Serverless::Function', 'AWS::Lambda::Function'] } },
      check(ctx) {
        const queues = ctx.template.ofType('AWS::SQS::Queue').length;
        for (const f of functionsOf(ctx.template)) ctx.report({ range: f.resource.idRange, message: `${queues} queues`, resource: f.id });
      },
    };
    const text = `${functionsTemplate(6)}  Q1:\n    Type: AWS::SQS::Queue\n  Q2:\n    Type: AWS::SQS::Queue\n`;
    assert.match(firstDifference(text, 3, 1, [wrong]) ?? '', /queues/);
    // Declared honestly (it reads every queue: a whole-template rule), it passes.
    const honest: Rule = { ...wrong, meta: { ...wrong.meta, reads: { types: { 'AWS::SQS::Queue': '*', 'AWS::Serverless::Function': [], 'AWS::Lambda::Function': [] } } } };
    assert.equal(firstDifference(text, 20, 1, [honest]), undefined);
  });
});
