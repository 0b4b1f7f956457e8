import type { Rule } from '../types';
import { removeBlockEntry } from '../edits';
import { changed, example } from '../docs';

const URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html';

/** The documented good example; the bad one is this template with the mistake the rule finds. */
const EXAMPLE = example(`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    MyFunction:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        MemorySize: 512
        Timeout: 60
`);

/**
 * template/duplicate-key: a key given twice in one mapping. CloudFormation keeps the last entry and
 * ignores the earlier ones, like PyYAML and JSON parsers (the tree Lambda Lens builds keeps only the
 * last one too, so every rule judges the value CloudFormation deploys); the parser leaves each
 * earlier entry as a `duplicate-key` problem, reported here.
 */
export const duplicateKey: Rule = {
  meta: {
    id: 'template/duplicate-key',
    severity: 'warning',
    description: 'A key given twice in one mapping: CloudFormation uses the last entry and silently ignores the earlier one.',
    docs: {
      bad: changed(EXAMPLE, ['      MemorySize: 512\n', '      Timeout: 30\n      MemorySize: 512\n']),
      good: EXAMPLE,
      url: URL,
      references: [
        'https://github.com/aws/aws-cli/issues/2404',
        'https://github.com/aws-cloudformation/cfn-lint/issues/35',
      ],
    },
    fixable: true,
    reads: { document: true },
  },
  check(ctx) {
    const t = ctx.template;
    const root = t.root;
    for (const p of t.problems) {
      if (p.kind !== 'duplicate-key' || !p.kept) continue;
      const key = t.text.slice(p.range.start, p.range.end).replace(/^(["'])(.*)\1$/s, '$2');
      const line = t.lines.positionAt(p.kept.start).line + 1;
      const section = root?.pairs.some((s) => s.keyRange.start === p.kept!.start)
        ? ' CloudFormation documents a repeated top-level section as undefined behaviour.'
        : '';
      const removal = removeBlockEntry(t, p.range.start);
      ctx.report({
        range: p.range,
        message: `${key} is given again on line ${line} of the same mapping: CloudFormation uses that last entry and ignores this one, so this value is never deployed.${section} Remove one of the two.`,
        related: [{ range: p.kept, message: `CloudFormation uses this ${key}.` }],
        ...(removal ? { fixes: [{ title: `Remove this ${key}, which CloudFormation ignores`, edits: [removal] }] } : {}),
      });
    }
  },
};
