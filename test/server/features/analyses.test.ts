import assert from 'node:assert/strict';
import { Analyses } from '../../../server/src/features/analyses';
import { WARM_UP } from '../../../server/src/config';
import { functionsTemplate } from '../../../server/src/template/sample';
import type { ValidationOptions } from '../../../server/src/rules/types';

const OPTIONS: ValidationOptions = { accountConcurrencyLimit: 1000, today: new Date('2026-06-01T00:00:00Z'), ruleLevels: {}, reportSyntax: false };
const fail = (rule: string, error: unknown) => {
  throw new Error(`${rule} threw: ${String(error)}`);
};
const doc = (uri: string, text: string, version = 1) => ({ uri, version, getText: () => text });

describe('analyses', () => {
  it('warms up once, before the first validation of a document with many resources, with its options', () => {
    const warmed: ValidationOptions[] = [];
    const sizes: number[] = [];
    const analyses = new Analyses(fail, (options, resources) => {
      warmed.push(options);
      sizes.push(resources);
    });
    const small = doc('untitled:small.yaml', functionsTemplate(10));
    analyses.diagnostics(small, OPTIONS);
    assert.equal(warmed.length, 0);
    // 200 functions are 320 resources (each odd function has its role, every tenth a table).
    const large = doc('untitled:large.yaml', functionsTemplate(200));
    assert.ok(analyses.model(large).resources.size >= WARM_UP.resources);
    // Building the model alone (hovers, lenses) does not wait for it.
    assert.equal(warmed.length, 0);
    analyses.diagnostics(large, OPTIONS);
    assert.deepEqual(warmed, [OPTIONS]);
    assert.deepEqual(sizes, [analyses.model(large).resources.size]);
    analyses.diagnostics(doc('untitled:other.yaml', functionsTemplate(300)), OPTIONS);
    analyses.diagnostics(doc('untitled:large.yaml', functionsTemplate(201), 2), OPTIONS);
    assert.equal(warmed.length, 1);
  });
});
