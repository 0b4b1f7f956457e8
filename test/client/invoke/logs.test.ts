import assert from 'node:assert/strict';
import { decodeLogResult, parseReport } from '../../../client/src/invoke/logs';

const TAIL = [
  'INIT_START Runtime Version: nodejs:20.v30\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc',
  'START RequestId: 8f5a2c1e-1111-2222-3333-444455556666 Version: $LATEST',
  '2026-01-01T00:00:00.000Z\t8f5a2c1e-1111-2222-3333-444455556666\tINFO\thello',
  'END RequestId: 8f5a2c1e-1111-2222-3333-444455556666',
  'REPORT RequestId: 8f5a2c1e-1111-2222-3333-444455556666\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 71 MB\tInit Duration: 152.87 ms\t',
  '',
].join('\n');

describe('invoke logs', () => {
  it('decodes the base64 log tail', () => {
    assert.equal(decodeLogResult(Buffer.from(TAIL).toString('base64')), TAIL);
    assert.equal(decodeLogResult(undefined), '');
  });

  it('parses the REPORT line with Init Duration on a cold start', () => {
    assert.deepEqual(parseReport(TAIL), {
      requestId: '8f5a2c1e-1111-2222-3333-444455556666',
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 512,
      maxMemoryUsedMb: 71,
      initDurationMs: 152.87,
      status: undefined,
    });
  });

  it('parses a warm REPORT and a timeout status', () => {
    const warm = parseReport('REPORT RequestId: r1\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tStatus: timeout\n');
    assert.equal(warm?.initDurationMs, undefined);
    assert.equal(warm?.durationMs, 3000);
    assert.equal(warm?.status, 'timeout');
  });

  it('returns nothing when the tail was cut before the REPORT line', () => {
    assert.equal(parseReport('START RequestId: x\nsome output'), undefined);
    assert.equal(parseReport(''), undefined);
  });
});
