import assert from 'node:assert/strict';
import { compareVersions, newerThanData, RUNTIME_DATA, runtimeInfo, runtimeVersion } from '../../server/src/runtimes';

describe('runtimes', () => {
  it('reads runtime ids by family, variant and version', () => {
    assert.deepEqual(runtimeVersion('nodejs24.x'), { family: 'nodejs', variant: '', version: [24] });
    assert.deepEqual(runtimeVersion('python3.14'), { family: 'python', variant: '', version: [3, 14] });
    assert.deepEqual(runtimeVersion('java21.al2023'), { family: 'java', variant: '.al2023', version: [21] });
    assert.deepEqual(runtimeVersion('provided.al2023'), { family: 'provided', variant: '', version: [2023] });
    assert.equal(runtimeVersion('nodejs24'), undefined);
    assert.equal(runtimeVersion('go1.x'), undefined);
  });

  it('compares versions part by part', () => {
    assert.ok(compareVersions([3, 9], [3, 14]) < 0);
    assert.ok(compareVersions([4, 0], [3, 4]) > 0);
    assert.equal(compareVersions([3, 12], [3, 12]), 0);
  });

  it('tells an id newer than the data from a known one and from a gap in the family', () => {
    assert.ok(newerThanData('nodejs26.x'));
    assert.ok(newerThanData('python3.15'));
    assert.ok(newerThanData('ruby4.1'));
    assert.ok(!newerThanData('nodejs24.x'));
    assert.ok(!newerThanData('nodejs19.x'));
    assert.ok(!newerThanData('python3.5'));
    assert.ok(!newerThanData('nodejs26'));
  });

  it('knows where its data came from and when', () => {
    assert.match(RUNTIME_DATA.retrieved, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(RUNTIME_DATA.source, /cfn-lint/);
    assert.equal(runtimeInfo('python3.12')?.id, 'python3.12');
  });
});
