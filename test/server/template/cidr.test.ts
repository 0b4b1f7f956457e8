import assert from 'node:assert/strict';
import { cidrContains, cidrOverlaps, parseCidr } from '../../../server/src/template/cidr';

const c = (s: string) => {
  const block = parseCidr(s);
  assert.ok(block, s);
  return block;
};

describe('template cidr', () => {
  it('parses IPv4 and IPv6 blocks and refuses what is not one', () => {
    assert.deepEqual(parseCidr(' 10.0.1.0/24 '), { text: '10.0.1.0/24', family: 4, base: 0x0a000100n, prefix: 24 });
    assert.equal(parseCidr('2600:1f14::/56')?.family, 6);
    assert.equal(parseCidr('::/0')?.base, 0n);
    for (const bad of ['10.0.1.0', '10.0.256.0/24', '10.0.0.0/33', '1:2:3:4:5:6:7:8:9/64', '1::2::3/64', 'fe80::/129', 'subnet-0abc', '10.0.0.0/-1']) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });

  it('tells containment within one family', () => {
    assert.ok(cidrContains(c('10.0.0.0/16'), c('10.0.1.0/24')));
    assert.ok(cidrContains(c('0.0.0.0/0'), c('192.168.4.0/22')));
    assert.ok(cidrContains(c('10.0.1.0/24'), c('10.0.1.0/24')));
    assert.ok(!cidrContains(c('10.0.1.0/24'), c('10.0.0.0/16')));
    assert.ok(!cidrContains(c('192.168.0.0/24'), c('10.0.1.0/24')));
    assert.ok(cidrContains(c('2600:1f14:a::/56'), c('2600:1f14:a:1::/64')));
    assert.ok(!cidrContains(c('2600:1f14:a::/64'), c('2600:1f14:a:1::/64')));
    assert.ok(!cidrContains(c('::/0'), c('10.0.0.0/8')));
    assert.ok(cidrOverlaps(c('10.0.2.0/25'), c('10.0.2.0/24')));
    assert.ok(!cidrOverlaps(c('10.0.1.0/24'), c('10.0.2.0/24')));
  });
});
