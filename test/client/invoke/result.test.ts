import assert from 'node:assert/strict';
import { staleDocument } from '../../../client/src/invoke/result';

describe('invoke/result', function () {
  it('marks the previous result stale after a failed invoke, once however often it fails', function () {
    const previous = '// orders ($LATEST, RequestResponse)\n// Status: 200 OK\n{"ok":true}\n';
    const at = new Date('2026-01-02T03:04:05Z');
    const once = staleDocument(previous, 'orders: no answer in 70 s; the function may still be running', at);
    assert.equal(once, `// STALE: the invoke at 2026-01-02T03:04:05.000Z failed (orders: no answer in 70 s; the function may still be running); below is the previous result.\n${previous}`);
    const twice = staleDocument(once, 'Connection refused', at);
    assert.equal(twice.match(/STALE/g)?.length, 1);
    assert.ok(twice.endsWith(previous));
  });
});
