/**
 * scripts/lazyJson.mjs, the esbuild plugin that bundles large data files as JSON text parsed entry by
 * entry: the module it writes must export the same data as the file, read-only, and name the file and
 * entry when an entry's text cannot be parsed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = join(__dirname, '..', '..', 'server', 'src', 'data');

async function generator(): Promise<(text: string, name: string) => string> {
  return (await import('../../scripts/lazyJson.mjs')).lazyJsonModule;
}

/** Evaluates a generated CommonJS module and returns its exports. */
function evaluate(source: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', source)(module, module.exports);
  return module.exports;
}

describe('lazy JSON data modules', () => {
  for (const file of ['schema-shapes.json', 'schema-docs.json']) {
    it(`exports the same data as ${file}`, async () => {
      const text = readFileSync(join(DATA, file), 'utf8');
      assert.equal(JSON.stringify(evaluate((await generator())(text, file))), JSON.stringify(JSON.parse(text)));
    });
  }

  const SAMPLE = JSON.stringify({
    source: 'test',
    types: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`T${i}`, { p: { Name: 's' }, n: i }])),
    list: Array.from({ length: 20 }, (_, i) => [i, `v${i}`]),
    words: Array.from({ length: 2000 }, (_, i) => `word ${i}`),
  });

  it('answers keys, membership, indexing and length like the parsed file', async () => {
    const data = evaluate((await generator())(SAMPLE, 'sample.json')) as { source: string; types: Record<string, { n: number }>; list: unknown[][]; words: string[] };
    assert.equal(data.source, 'test');
    assert.deepEqual(Object.keys(data.types), Array.from({ length: 20 }, (_, i) => `T${i}`));
    assert.equal(data.types.T7!.n, 7);
    assert.equal(data.types.T7, data.types.T7, 'an entry is parsed once');
    assert.ok(Object.hasOwn(data.types, 'T19') && 'T0' in data.types && !Object.hasOwn(data.types, 'T20'));
    assert.equal(data.types.nope, undefined);
    assert.ok(Array.isArray(data.list));
    assert.equal(data.list.length, 20);
    assert.deepEqual(data.list[3], [3, 'v3']);
    assert.equal(data.list[20], undefined);
    assert.deepEqual(data.list.map((e) => e[0]).slice(0, 3), [0, 1, 2]);
    assert.equal(data.words[1999], 'word 1999');
  });

  it('is read-only', async () => {
    const data = evaluate((await generator())(SAMPLE, 'sample.json')) as { types: Record<string, unknown>; list: unknown[] };
    assert.equal(Reflect.set(data.types, 'T1', 1), false);
    assert.equal(Reflect.deleteProperty(data.list, 0), false);
    assert.equal(Reflect.defineProperty(data.types, 'T99', { value: 1 }), false);
    assert.deepEqual(data.types.T1, { p: { Name: 's' }, n: 1 });
    assert.deepEqual(data.list[0], [0, 'v0']);
  });

  it('names the file and the entry when an entry cannot be parsed, and tells the user to reinstall', async () => {
    const source = (await generator())(SAMPLE, 'sample.json');
    // Damage the bundled text of one entry, as a truncated or edited install would.
    const damaged = source.replace('{\\"p\\":{\\"Name\\":\\"s\\"},\\"n\\":5}', '{\\"p\\":{\\"Name\\":\\"s\\"},\\"n\\":5');
    assert.notEqual(damaged, source);
    const data = evaluate(damaged) as { types: Record<string, unknown> };
    assert.throws(
      () => data.types.T5,
      (e: Error) => /^Lambda Lens could not read its bundled data sample\.json "types" \["T5"\]: .+\. The installation is damaged; reinstall Lambda Lens\.$/.test(e.message),
    );
  });
});
