import assert from 'node:assert/strict';
import { formatBytes, formatCount } from '../../server/src/bytes';
import { QUOTAS } from '../../server/src/quotas';

describe('formatBytes', () => {
  it('writes bytes, whole kilobytes and larger units with one decimal', () => {
    assert.deepEqual([0, 87, 1023, 1024, 1536, 312 * 1024 + 100].map(formatBytes), ['0 B', '87 B', '1023 B', '1 KB', '2 KB', '312 KB']);
    assert.deepEqual([12.4 * 1024 * 1024, 1.5 * 1024 ** 3, 75 * 1024 ** 3, 3 * 1024 ** 4].map(formatBytes), ['12.4 MB', '1.5 GB', '75 GB', '3 TB']);
  });

  it('drops a zero decimal, so quotas read as AWS writes them', () => {
    assert.equal(formatBytes(QUOTAS.unzippedPackageBytes), '250 MB');
    assert.equal(formatBytes(QUOTAS.syncPayloadBytes), '6 MB');
    assert.equal(formatBytes(8 * 1024 * 1024 + 71), '8 MB');
  });

  it('moves to the next unit when rounding reaches it', () => {
    assert.equal(formatBytes(1024 * 1024 - 1), '1 MB');
    assert.equal(formatBytes(1024 ** 3 - 1), '1 GB');
  });

  it('writes thousands with separators in the largest unit', () => {
    assert.equal(formatBytes(2048 * 1024 ** 4), '2,048 TB');
  });
});

describe('formatCount', () => {
  it('writes counts as the en-US locale format does', () => {
    const values = [0, -0, 7, 999, 1000, -1234, 262_144_000, 9_007_199_254_740_991, 12.4, 1023.5, -0.5, 2.25, 0.1234, 1e21, 1e-7];
    assert.deepEqual(values.map(formatCount), values.map((n) => n.toLocaleString('en-US')));
    assert.equal(formatCount(262_144_000), '262,144,000');
  });
});
