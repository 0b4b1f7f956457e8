import assert from 'node:assert/strict';
import { unionFor } from '../../../../server/src/rules/schema/unions';
import { resourceSpec } from '../../../../server/src/schema/spec';
import type { ValueType } from '../../../../server/src/schema/spec';

/** The union a SAM function's `Events.<id>` takes: one structure per event source type. */
function eventUnion(): Extract<ValueType, { kind: 'union' }> {
  const events = resourceSpec('AWS::Serverless::Function')!.properties.get('Events')!.type;
  assert.equal(events.kind, 'map');
  const item = (events as Extract<ValueType, { kind: 'map' }>).value;
  assert.equal(item.kind, 'union');
  return item as Extract<ValueType, { kind: 'union' }>;
}

describe('schema unions', () => {
  it('tells SAM event structures apart by their Type, in the order of the alternatives', () => {
    const fit = unionFor(eventUnion(), 'map');
    assert.ok(fit.discriminated);
    assert.equal(fit.discriminated.structures.length, fit.fits.length);
    assert.ok(fit.discriminated.names.includes('SQS') && fit.discriminated.names.includes('HttpApi'));
    const sqs = fit.discriminated.structures[fit.discriminated.names.indexOf('SQS')]!;
    assert.ok(sqs.properties.has('Properties'));
  });

  it('offers no alternative to a node of another shape, and answers once per union and kind', () => {
    const union = eventUnion();
    assert.deepEqual(unionFor(union, 'scalar'), { fits: [], discriminated: undefined });
    assert.equal(unionFor(union, 'map'), unionFor(union, 'map'));
  });
});
