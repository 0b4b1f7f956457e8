import assert from 'node:assert/strict';
import type { Pair } from '../../../server/src/template/ast';
import type { ParseProblem } from '../../../server/src/template/parse';
import { lastOfEachKey, longForm, nullAt, TAGS } from '../../../server/src/template/treeBuild';

const pair = (key: string, at: number): Pair => ({ key, keyRange: { start: at, end: at + key.length }, value: nullAt(at + key.length + 1) });

describe('tree building helpers', () => {
  it('keeps the last entry of a repeated key in small and large maps, one problem per earlier entry', () => {
    for (const size of [3, 40]) {
      const pairs = Array.from({ length: size }, (_, i) => pair(`K${i}`, i * 10));
      pairs.push(pair('K1', size * 10));
      const problems: ParseProblem[] = [];
      const kept = lastOfEachKey(pairs, problems);
      assert.equal(kept.length, size, `${size}`);
      assert.equal(kept[kept.length - 1], pairs[size]);
      assert.deepEqual(problems.map((p) => [p.kind, p.range.start, p.kept?.start]), [['duplicate-key', 10, size * 10]]);
    }
  });

  it('returns the same array when no key repeats', () => {
    const pairs = [pair('A', 0), pair('B', 5)];
    assert.equal(lastOfEachKey(pairs, []), pairs);
  });

  it('reads a map of one intrinsic key as that intrinsic, but not Ref or Condition holding a map', () => {
    const ref = longForm({ kind: 'map', pairs: [{ key: 'Ref', keyRange: { start: 0, end: 3 }, value: { kind: 'scalar', value: 'X', range: { start: 5, end: 6 } } }], range: { start: 0, end: 6 } });
    assert.equal(ref.kind, 'intrinsic');
    const block = { kind: 'map' as const, pairs: [{ key: 'Condition', keyRange: { start: 0, end: 9 }, value: { kind: 'map' as const, pairs: [], range: { start: 11, end: 13 } } }], range: { start: 0, end: 13 } };
    assert.equal(longForm(block), block);
  });

  it('names every short-form tag after its function', () => {
    assert.equal(TAGS.get('!GetAtt'), 'Fn::GetAtt');
    assert.equal(TAGS.get('!Ref'), 'Ref');
    assert.equal(TAGS.get('!Condition'), 'Condition');
  });
});
