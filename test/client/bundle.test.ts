import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const MAP = path.resolve(__dirname, '..', '..', 'dist', 'extension.js.map');

describe('the extension bundle (dist/extension.js)', function () {
  const sources = (JSON.parse(fs.readFileSync(MAP, 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/\\/g, '/'));

  it('is read from its source map', function () {
    assert.ok(sources.some((s) => s.endsWith('client/src/extension.ts')), 'the map lists the client sources');
  });

  it('ships no template parser: the language server answers template questions', function () {
    assert.deepEqual(sources.filter((s) => /server\/src\/(template|rules)\//.test(s) || /node_modules\/yaml\//.test(s)), []);
  });
});
