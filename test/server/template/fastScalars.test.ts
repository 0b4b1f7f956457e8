import assert from 'node:assert/strict';
import { blockScalarValue, Decline, flowCollection, isPlainStart, quoted } from '../../../server/src/template/fastScalars';
import { composeYaml } from '../../../server/src/template/parse';

/** The value the `yaml` package gives the scalar of `V:` in `text`. */
function yamlValue(text: string): unknown {
  return (composeYaml(text)!.contents as { get(k: string): unknown }).get('V');
}

describe('fast YAML scalars', () => {
  it('reads double-quoted escapes as the yaml package does, with the range over the quotes', () => {
    const source = '"a\\tb\\n\\u00e9\\x41\\U0001F600\\"\\\\\\/\\_\\N\\L\\P\\0\\e\\ "';
    const node = quoted(source, 0, source.length, 10);
    assert.equal(node.value, yamlValue(`V: ${source}\n`));
    assert.deepEqual(node.range, { start: 10, end: 10 + source.length });
  });

  it("reads a doubled quote in a single-quoted scalar as one", () => {
    assert.equal(quoted("'it''s'", 0, 7, 0).value, "it's");
  });

  it('declines an escape the yaml package reports, and a quote not closed on its line', () => {
    assert.throws(() => quoted('"a\\qb"', 0, 6, 0), Decline);
    assert.throws(() => quoted('"a\\u12"', 0, 7, 0), Decline);
    assert.throws(() => quoted('"open', 0, 5, 0), Decline);
  });

  it('folds and chomps block scalar lines as the yaml package does', () => {
    const cases: Array<[string, string[], boolean, boolean]> = [
      ['|\n  a\n\n    b\n  c\n', ['a', '', '  b', 'c'], false, false],
      ['>\n  a\n  b\n\n  c\n    more\n  d\n', ['a', 'b', '', 'c', '  more', 'd'], true, false],
      ['>-\n\n  a\n  b\n', ['', 'a', 'b'], true, true],
      ['|-\n  x\n', ['x'], false, true],
    ];
    for (const [source, lines, folded, strip] of cases) assert.equal(blockScalarValue(lines, folded, strip), yamlValue(`V: ${source}`), source);
  });

  it('reads a flow collection over lines indented enough, and declines one indented less', () => {
    const text = '[a, {b: !Ref c},\n   [1, "x"]]';
    const node = flowCollection(text, 0, 2, 0, []);
    assert.equal(node.kind, 'seq');
    assert.deepEqual(node.range, { start: 0, end: text.length });
    assert.throws(() => flowCollection(text, 0, 4, 0, []), Decline);
    assert.throws(() => flowCollection('[a, # c\n   b]', 0, 1, 0, []), Decline);
  });

  it('starts a plain scalar only where no indicator stands, a dash only before text', () => {
    assert.deepEqual(['abc', '-1', '- x', '&a', '*a', '!x', '%x', '@x', ',x'].map((t) => isPlainStart(t, 0, t.length)), [true, true, false, false, false, false, false, false, false]);
  });
});
