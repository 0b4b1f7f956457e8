import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SavedEventStore, checkEventName, functionFolder } from '../../../client/src/invoke/savedEvents';

describe('saved events', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'lambda-lens-saved-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips events under .lambda-lens/events/<function>/<name>.json, newest first', async () => {
    const store = new SavedEventStore(root);
    assert.deepEqual(await store.list('orders'), []);
    const file = await store.save('orders', 'big order', '{"items":[1,2,3]}');
    assert.equal(file, path.join(root, '.lambda-lens', 'events', 'orders', 'big order.json'));
    assert.equal(readFileSync(file, 'utf8'), '{\n  "items": [\n    1,\n    2,\n    3\n  ]\n}\n');
    await store.save('orders', 'empty', '{}');
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    assert.deepEqual((await store.list('orders')).map((e) => e.name), ['empty', 'big order']);
    assert.deepEqual(JSON.parse(await store.read('orders', 'big order')), { items: [1, 2, 3] });
    await store.save('orders', 'empty', '{"replaced":true}');
    assert.deepEqual(JSON.parse(await store.read('orders', 'empty')), { replaced: true });
  });

  it('files events of an ARN or alias under the function name', async () => {
    assert.equal(functionFolder('arn:aws:lambda:us-east-1:123456789012:function:orders:live'), 'orders');
    const store = new SavedEventStore(root);
    await store.save('arn:aws:lambda:us-east-1:123456789012:function:orders', 'a', '{}');
    assert.deepEqual((await store.list('orders')).map((e) => e.name), ['a']);
  });

  it('refuses names that would leave the folder, and text that is not JSON', async () => {
    const store = new SavedEventStore(root);
    for (const bad of ['', '../escape', 'a/b', '.hidden', 'x'.repeat(101)]) assert.ok(checkEventName(bad), bad);
    await assert.rejects(store.save('orders', '../escape', '{}'), /Cannot save event/);
    await assert.rejects(store.save('orders', 'ok', '{oops'), SyntaxError);
  });
});
