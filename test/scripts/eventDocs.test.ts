import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INVOKE_DOC, withEventTable } from '../../scripts/eventDocs';
import { EVENTS } from '../../server/src/events/catalogue';

describe('generated event catalogue documentation', () => {
  it('the README lists every event id (run `npm run docs`)', () => {
    const doc = readFileSync(INVOKE_DOC, 'utf8');
    assert.equal(doc, withEventTable(doc));
    for (const e of EVENTS) assert.ok(doc.includes(`| \`${e.id}\` |`), e.id);
  });
});
