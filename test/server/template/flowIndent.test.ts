import assert from 'node:assert/strict';
import { reindentFlows } from '../../../server/src/template/flowIndent';
import { composeYaml } from '../../../server/src/template/parse';

describe('template flowIndent', () => {
  it('leaves text alone when every flow collection is indented as YAML 1.2 wants', () => {
    assert.equal(reindentFlows('A:\n  B: [a,\n    b]\n  C: { x: 1,\n    y: 2 }\n'), undefined);
    assert.equal(reindentFlows('A: [a, b]\n'), undefined);
  });

  it('pads the under-indented lines of a flow sequence so YAML 1.2 parses it', () => {
    const text = 'A:\n  B: [a,\n  b,\nc ]\n  D: 1\n';
    const r = reindentFlows(text);
    assert.ok(r);
    assert.deepEqual(composeYaml(r.text)!.errors, []);
    assert.deepEqual(composeYaml(r.text)!.toJS(), { A: { B: ['a', 'b', 'c'], D: 1 } });
    // One note per collection, on its first under-indented line.
    assert.deepEqual(r.lines.map((l) => text.slice(l.start, l.end)), ['b,']);
  });

  it('maps every offset of the padded text back to the character it came from', () => {
    const text = 'A:\n  B: { x: 1,\n y: 2 }\n  C: [ 1,\n3 ]\n';
    const r = reindentFlows(text)!;
    for (const ch of ['y', '2', '}', '3', ']', 'C']) {
      const padded = r.text.indexOf(ch, r.text.indexOf('B:'));
      assert.equal(r.toOriginal(padded), text.indexOf(ch, text.indexOf('B:')), ch);
    }
    // Inserted padding maps to the start of the line it was put in front of.
    const lineStart = text.indexOf(' y');
    assert.equal(r.toOriginal(r.text.indexOf(' y') - 1), lineStart);
  });

  it('handles nested collections, quoted brackets and comments inside the flow', () => {
    const text = 'A:\n  B: !Join [ "", [\n  "[x]",  # a ] in a comment\n  \'}\' ] ]\n  C: 1\n';
    const r = reindentFlows(text)!;
    assert.deepEqual(composeYaml(r.text)!.errors, []);
    const v = composeYaml(r.text)!.toJS() as { A: { B: unknown; C: number } };
    assert.deepEqual(v.A.B, ['', ['[x]', '}']]);
    assert.equal(v.A.C, 1);
  });

  it('re-indents each broken collection of a document, under a block sequence entry too', () => {
    const text = 'L:\n  - K: [a,\n  b]\n  - M: {x: 1,\n  y: 2}\n';
    const r = reindentFlows(text)!;
    assert.equal(r.lines.length, 2);
    assert.deepEqual(composeYaml(r.text)!.toJS(), { L: [{ K: ['a', 'b'] }, { M: { x: 1, y: 2 } }] });
  });

  it('gives up on a collection that never closes', () => {
    assert.equal(reindentFlows('A:\n  B: [a,\nb\n'), undefined);
  });
});
