import assert from 'node:assert/strict';
import { get } from '../../../server/src/template/ast';
import { parseText } from '../../../server/src/template/parse';

/** The value of `V: <source>` in a YAML document (and in a JSON one, for the JSON cases). */
const value = (source: string) => {
  const v = get(parseText(`V: ${source}\n`).root, 'V');
  return v?.kind === 'scalar' ? v.value : undefined;
};

describe('template yamlScalars (YAML 1.1, as PyYAML reads plain scalars)', () => {
  const cases: ReadonlyArray<readonly [string, string | number | boolean | null]> = [
    ['012345678912', '012345678912'],
    ['123456789012', 123456789012],
    ['yes', true], ['No', false], ['on', true], ['OFF', false], ['True', true],
    ['y', 'y'], ['n', 'n'],
    ['0755', 493], ['08', '08'], ['0x1F', 31], ['0b101', 5], ['1_000', 1000], ['1:20', 80], ['-1:30', -90],
    ['1e3', '1e3'], ['1.5e+3', 1500], ['-.5', '-.5'], ['.5', 0.5], ['3.', 3], ['2.50', 2.5],
    ['2012-10-17', '2012-10-17'],
    ['~', null], ['null', null], ['', null],
    ['"0755"', '0755'], ["'yes'", 'yes'], ['!!str 12', '12'],
  ];
  for (const [source, expected] of cases) {
    it(`reads ${source || '(empty)'} as ${JSON.stringify(expected)}`, () => assert.deepEqual(value(source), expected));
  }

  it('keeps special floats', () => {
    assert.equal(value('.inf'), Infinity);
    assert.equal(value('-.Inf'), -Infinity);
    assert.ok(Number.isNaN(value('.NaN') as number));
  });

  it('reads JSON templates with JSON scalars', () => {
    const v = get(parseText('{ "V": 1e3, "W": "yes" }').root, 'V');
    assert.ok(v?.kind === 'scalar' && v.value === 1000);
  });
});
