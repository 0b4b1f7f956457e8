import assert from 'node:assert/strict';
import { consoleUrl } from '../../../client/src/explorer/links';
import { functionTargetOf } from '../../../client/src/explorer/nodes';
import { parseFilter } from '../../../client/src/explorer/filter';

describe('explorer item actions and filter parsing', function () {
  it('links a function to its console page in its partition', function () {
    assert.equal(
      consoleUrl({ region: 'eu-west-1', name: 'my fn', arn: 'arn:aws:lambda:eu-west-1:123456789012:function:my fn' }),
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/my%20fn',
    );
    assert.match(consoleUrl({ region: 'cn-north-1', name: 'f', arn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:f' }), /^https:\/\/console\.amazonaws\.cn\//);
  });

  it('reads the function target only from function nodes', function () {
    assert.equal(functionTargetOf({ kind: 'region', region: 'us-east-1' }), undefined);
    assert.equal(functionTargetOf(undefined), undefined);
  });

  it('treats /…/ as a regular expression and reports a bad one', function () {
    const p = parseFilter('/^API/i');
    assert.ok(p.ok && p.test('api-handler') && !p.test('my-api'));
    const g = parseFilter('/a/g');
    assert.ok(g.ok && g.test('a') && g.test('a'), 'the g flag does not make matches alternate');
    const bad = parseFilter('/(/');
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /Not a valid regular expression/);
    const sub = parseFilter('  Orders ');
    assert.ok(sub.ok && sub.test('prod-orders-api'));
  });
});
