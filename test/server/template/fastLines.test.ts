import assert from 'node:assert/strict';
import { BLANK, COMMENT, CONTENT, Lines, trimEnd } from '../../../server/src/template/fastLines';

describe('fast YAML line table', () => {
  const text = 'A:\n  # c\n\n  - - x\n  -\nB: 1   \n';
  const lines = new Lines(text);

  it('tells blank, comment and content lines apart, with their indentation', () => {
    assert.deepEqual(lines.kinds, [CONTENT, COMMENT, BLANK, CONTENT, CONTENT, CONTENT, BLANK]);
    assert.deepEqual(lines.indents.slice(0, 6), [0, 2, 0, 2, 2, 0]);
    assert.equal(lines.count, 7);
  });

  it('finds the next content line, the same answer for every start inside a run of comments', () => {
    assert.equal(lines.nextContent(1), 3);
    assert.equal(lines.nextContent(2), 3);
    assert.equal(lines.nextContent(3), 3);
    assert.equal(lines.nextContent(6), -1);
    assert.equal(lines.nextContent(1), 3);
  });

  it('knows a `- ` entry and the column after its indicators', () => {
    assert.deepEqual([0, 3, 4, 5].map((l) => lines.isDash(l)), [false, true, true, false]);
    assert.equal(lines.contentColumn(3), 6);
    assert.equal(lines.contentColumn(5), 0);
  });

  it('ends a comment before its trailing spaces', () => {
    assert.equal(text.slice(lines.starts[1], lines.commentEnd(1)), '  # c');
    assert.equal(trimEnd('ab  \n', 5, 0), 2);
  });
});
