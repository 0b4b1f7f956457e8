import assert from 'node:assert/strict';
import { EVENTS } from '../../../server/src/events/catalogue';
import { RECENT_MAX, eventChoices, pushRecent } from '../../../client/src/invoke/eventPicks';

describe('invoke event choices', () => {
  it('puts saved events, then recent, then the template suggestions, then every event by service', () => {
    const c = eventChoices(['big order'], ['s3-put', 'gone-from-catalogue'], [{ eventId: 'sqs-receive-message', source: 'Queue' }]);
    const labels = c.slice(0, 8).map((x) => `${x.kind}:${x.kind === 'separator' ? x.label : x.kind === 'catalogue' ? x.eventId : x.label}`);
    assert.deepEqual(labels, [
      'separator:Saved events',
      'saved:big order',
      'separator:Recently used',
      'catalogue:s3-put',
      'separator:From the template',
      'catalogue:sqs-receive-message',
      'separator:Other',
      'empty:Empty payload',
    ]);
    const catalogue = c.filter((x) => x.kind === 'catalogue').slice(2);
    assert.equal(catalogue.length, EVENTS.length, 'every event once in the service groups');
    const services = c.slice(8).filter((x) => x.kind === 'separator').map((x) => x.label);
    assert.deepEqual(services, [...services].sort());
  });

  it('leaves out empty groups', () => {
    const c = eventChoices([], [], []);
    assert.equal(c[0]?.kind === 'separator' && c[0].label, 'Other');
  });

  it('keeps the recent list short and without duplicates', () => {
    let r: string[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'd', 'e', 'f']) r = pushRecent(r, id);
    assert.deepEqual(r, ['f', 'e', 'd', 'c', 'a']);
    assert.equal(r.length, RECENT_MAX);
  });
});
