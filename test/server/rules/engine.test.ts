import assert from 'node:assert/strict';
import { buildTemplate } from '../../../server/src/template/model';
import { updateTemplate } from '../../../server/src/template/incremental';
import { RULE_FAILED, validate } from '../../../server/src/rules/engine';
import { memorySize } from '../../../server/src/rules/limits/memorySize';
import { timeout } from '../../../server/src/rules/limits/timeout';
import type { Rule } from '../../../server/src/rules/types';
import { functionsTemplate } from '../../../server/src/template/sample';
import { lineCol, testOptions, yaml } from '../../support/ruleTester';

const RULES = [memorySize, timeout];

/** `rule@line:col` of every finding of the two limit rules. */
function found(text: string): string[] {
  return validate(buildTemplate(text), testOptions(), undefined, RULES).map((d) => `${d.rule}@${lineCol(text, d.range.start).join(':')}`);
}

const fn = (props: string, extra = '') => yaml`
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    Fn:
      Type: AWS::Lambda::Function${extra}
      Properties:
${props}
`;

describe('rule engine', () => {
  describe('a rule that throws', () => {
    const broken: Rule = { meta: { ...timeout.meta, id: 'limits/broken' }, check: () => { throw new Error('cannot read properties of undefined'); } };

    it('becomes an error finding naming the rule, and the other rules still report', () => {
      const text = fn('        MemorySize: 20480');
      const errors: string[] = [];
      const list = validate(buildTemplate(text), testOptions(), (id) => errors.push(id), [broken, memorySize]);
      assert.deepEqual(list.map((d) => [d.rule, d.severity]), [[RULE_FAILED, 'error'], ['limits/memory-size', 'error']]);
      assert.match(list[0]!.message, /limits\/broken failed on this template \(cannot read properties of undefined\)/);
      assert.deepEqual(errors, ['limits/broken']);
    });

    it('is not silenced by a disable comment for all rules', () => {
      const text = `# lambda-lens-disable-next-line\n${fn('        MemorySize: 1024')}`;
      assert.deepEqual(validate(buildTemplate(text), testOptions(), undefined, [broken]).map((d) => d.rule), [RULE_FAILED]);
    });
  });

  describe('suppressions', () => {
    it('silences the listed ids on the next line, or every rule when none is listed', () => {
      const props = (comment: string) => `        # ${comment}\n        MemorySize: 20480\n        Timeout: 0`;
      assert.deepEqual(found(fn(props('lambda-lens-disable-next-line limits/memory-size'))), ['limits/timeout@8:16']);
      assert.deepEqual(found(fn(props('lambda-lens-disable-next-line limits/timeout'))), ['limits/memory-size@7:19', 'limits/timeout@8:16']);
      assert.deepEqual(found(fn('        # lambda-lens-disable-next-line\n        MemorySize: 20480\n        Timeout: 0')), ['limits/timeout@8:16']);
      assert.deepEqual(found(fn('        # lambda-lens-disable-next-line limits/timeout, limits/memory-size\n        MemorySize: 20480')), []);
    });

    it('skips blank lines and comment lines between the comment and the line it silences', () => {
      assert.deepEqual(found(fn('        # lambda-lens-disable-next-line limits/memory-size\n\n        # why: sized for the batch job\n        MemorySize: 20480')), []);
    });

    it('ignores the marker inside a string or a block scalar, and a comment that only mentions it', () => {
      const inString = fn('        Description: "see # lambda-lens-disable-next-line"\n        MemorySize: 20480');
      assert.deepEqual(found(inString), ['limits/memory-size@7:19']);
      const inBlock = fn('        Description: |\n          # lambda-lens-disable-next-line\n        MemorySize: 20480');
      assert.deepEqual(found(inBlock), ['limits/memory-size@8:19']);
      const mention = fn('        # do not use lambda-lens-disable-next-line here\n        MemorySize: 20480');
      assert.deepEqual(found(mention), ['limits/memory-size@7:19']);
    });

    it('applies a resource Metadata ignore list to that resource only', () => {
      const text = yaml`
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Quiet:
            Type: AWS::Lambda::Function
            Metadata:
              lambda-lens:
                ignore: [limits/memory-size]
            Properties: { MemorySize: 20480, Timeout: 0 }
          Loud:
            Type: AWS::Lambda::Function
            Properties: { MemorySize: 20480 }
      `;
      assert.deepEqual(found(text), ['limits/timeout@8:47', 'limits/memory-size@11:31']);
    });

    it('keeps a Globals finding for the functions that do not ignore it, without the one that does', () => {
      const text = (ignoreInB: boolean, ignoreInA = false) => yaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 1800
        Resources:
          A:
            Type: AWS::Serverless::Function${ignoreInA ? '\n            Metadata: { lambda-lens: { ignore: [limits/timeout] } }' : ''}
            Properties: { Handler: a.handler, Runtime: python3.13 }
          B:
            Type: AWS::Serverless::Function${ignoreInB ? '\n            Metadata: { lambda-lens: { ignore: [limits/timeout] } }' : ''}
            Properties: { Handler: b.handler, Runtime: python3.13 }
      `;
      const related = (t: string) => validate(buildTemplate(t), testOptions(), undefined, RULES).map((d) => [lineCol(t, d.range.start).join(':'), d.related.map((r) => r.message)]);
      assert.deepEqual(related(text(false)), [['4:14', ['Inherited from Globals by A.', 'Inherited from Globals by B.']]]);
      assert.deepEqual(related(text(true)), [['4:14', ['Inherited from Globals by A.']]]);
      assert.deepEqual(related(text(true, true)), []);
    });

    it('merges findings of one rule on one range, keeps those that only share a start, and leaves the findings as they were', () => {
      const text = fn('        MemorySize: 20480');
      const at = text.indexOf('20480');
      const first = { range: { start: at, end: at + 5 }, message: 'whole value', related: [{ range: { start: 0, end: 1 }, message: 'one' }] };
      const findings = [
        first,
        { range: { start: at, end: at + 2 }, message: 'first digits' },
        { range: { start: at, end: at + 5 }, message: 'whole value again', related: [{ range: { start: 2, end: 3 }, message: 'two' }] },
      ];
      const reporting: Rule = { meta: { ...timeout.meta, id: 'limits/reporting' }, check: (ctx) => findings.forEach((f) => ctx.report(f)) };
      const list = validate(buildTemplate(text), testOptions(), undefined, [reporting]);
      assert.deepEqual(list.map((d) => [d.range.end - d.range.start, d.message, d.related.map((r) => r.message)]), [
        [5, 'whole value', ['one', 'two']],
        [2, 'first digits', []],
      ]);
      assert.deepEqual(first.related.map((r) => r.message), ['one']);
    });

    it('follows the comments through an incremental re-parse', () => {
      const base = functionsTemplate(40);
      const marked = base.replace('      MemorySize: 512\n', '      # lambda-lens-disable-next-line limits/memory-size\n      MemorySize: 512\n');
      const before = buildTemplate(marked);
      const edited = marked.replace('      MemorySize: 512\n', '      MemorySize: 99999\n');
      const updated = updateTemplate(before, edited, 0);
      assert.notEqual(updated.root, buildTemplate(edited).root);
      assert.deepEqual(updated.directives, buildTemplate(edited).directives);
      assert.deepEqual(validate(updated, testOptions(), undefined, [memorySize]), []);
    });
  });
});
