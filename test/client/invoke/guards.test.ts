import assert from 'node:assert/strict';
import { checkPayload, lineColumn, needsConfirmation, payloadLimit } from '../../../client/src/invoke/guards';
import { QUOTAS } from '../../../server/src/quotas';

describe('invoke guards', () => {
  it('accepts JSON and an empty payload', () => {
    assert.equal(checkPayload('{"a":[1,2]}', 'RequestResponse'), undefined);
    assert.equal(checkPayload('  ', 'Event'), undefined);
    assert.equal(checkPayload('"just a string"', 'Event'), undefined);
  });

  it('points at the line and column of a JSON mistake', () => {
    const p = checkPayload('{\n  "a": 1,\n  b: true\n}', 'RequestResponse');
    assert.equal(p?.kind, 'json');
    assert.deepEqual([p?.line, p?.column], [3, 3]);
    assert.match(p!.message, /^The payload is not valid JSON at line 3, column 3: .*Nothing was sent/);
    const end = checkPayload('{"a": 1', 'RequestResponse');
    assert.equal(end?.line, 1);
    assert.ok((end?.column ?? 0) >= 7);
  });

  it('uses the quota table limits: 6 MB synchronous, 1 MB asynchronous', () => {
    assert.equal(payloadLimit('RequestResponse'), QUOTAS.syncPayloadBytes);
    assert.equal(payloadLimit('DryRun'), QUOTAS.syncPayloadBytes);
    assert.equal(payloadLimit('Event'), QUOTAS.asyncPayloadBytes);
    const justOver = `"${'x'.repeat(QUOTAS.asyncPayloadBytes - 1)}"`;
    assert.equal(checkPayload(justOver, 'Event')?.kind, 'size');
    assert.equal(checkPayload(justOver, 'RequestResponse'), undefined);
    assert.match(checkPayload(justOver, 'Event')!.message, /invoke synchronously \(RequestResponse allows 6 MB\)/);
  });

  it('counts bytes, not characters', () => {
    const text = `"${'é'.repeat(QUOTAS.asyncPayloadBytes / 2)}"`;
    assert.ok(text.length < QUOTAS.asyncPayloadBytes);
    assert.equal(checkPayload(text, 'Event')?.kind, 'size');
  });

  it('finds positions', () => {
    assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
  });

  it('asks for confirmation for functions matching the pattern', () => {
    assert.equal(needsConfirmation('orders-prod-api', 'prod'), true);
    assert.equal(needsConfirmation('orders-PROD', 'prod'), true);
    assert.equal(needsConfirmation('orders-dev', 'prod'), false);
    assert.equal(needsConfirmation('live-orders', '^(live|prod)-'), true);
    assert.equal(needsConfirmation('anything', ''), false);
    assert.equal(needsConfirmation('a(b', 'a(b'), true, 'an invalid expression is matched as text');
  });
});
