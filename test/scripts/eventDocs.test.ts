import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INVOKE_DOC, withEventTable } from '../../scripts/eventDocs';
import { EVENTS } from '../../server/src/events/catalogue';

describe('generated event catalogue documentation', () => {
  it('docs/readme/invoke.md lists every event id (run `npx tsx scripts/eventDocs.ts`)', () => {
    const doc = readFileSync(INVOKE_DOC, 'utf8');
    assert.equal(doc, withEventTable(doc));
    for (const e of EVENTS) assert.ok(doc.includes(`| \`${e.id}\` |`), e.id);
  });
});
