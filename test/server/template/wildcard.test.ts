import assert from 'node:assert/strict';
import { isMatchAll, wildcardMatch } from '../../../server/src/template/wildcard';
import { WILDCARD_LIMITS } from '../../../server/src/config';

/** The obvious regular-expression translation, as a reference on small inputs only. */
function reference(glob: string, value: string, ignoreCase: boolean): boolean {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '').test(value);
}

function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('wildcard matching', () => {
  it('matches IAM globs the way IAM does', () => {
    assert.equal(wildcardMatch('s3:Get*', 's3:GetObject', false), true);
    assert.equal(wildcardMatch('s3:get*', 's3:GetObject', true), true);
    assert.equal(wildcardMatch('s3:get*', 's3:GetObject', false), false);
    assert.equal(wildcardMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b/', false), true);
    assert.equal(wildcardMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b', false), false);
    assert.equal(wildcardMatch('a?c', 'abc', false), true);
    assert.equal(wildcardMatch('a?c', 'ac', false), false);
    assert.equal(wildcardMatch('*a*b', 'xxaxxbxb', false), true);
    assert.equal(wildcardMatch('*ab*ab', 'abab', false), true);
    assert.equal(wildcardMatch('*ab*ab', 'aba', false), false);
    assert.equal(wildcardMatch('', '', false), true);
    assert.equal(isMatchAll('***'), true);
    assert.equal(isMatchAll('*a'), false);
  });

  it('agrees with a regular expression on 20,000 random small globs and values', () => {
    const random = rng(7);
    const pick = (alphabet: string, max: number) => Array.from({ length: Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const glob = pick('ab*?A:', 8);
      const value = pick('abAB:', 10);
      const ignoreCase = random() < 0.5;
      assert.equal(wildcardMatch(glob, value, ignoreCase), reference(glob, value, ignoreCase), `${glob} ~ ${value} (${ignoreCase})`);
    }
  });

  it('answers pathological globs without backtracking', () => {
    // Each of these takes a backtracking matcher minutes: stars that can each take any run of the value.
    const value = 'a'.repeat(WILDCARD_LIMITS.maxLength);
    const cases = [
      ['a*'.repeat(200) + 'b', value],
      ['*'.repeat(16) + 'Z', 'secretsmanager:GetSecretValue'.repeat(100)],
      ['*a?a*'.repeat(300) + '?b', value],
    ] as const;
    for (const [glob, v] of cases) {
      const started = process.hrtime.bigint();
      assert.equal(wildcardMatch(glob, v, true), false);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 1_000, `${glob.slice(0, 20)}... took ${ms} ms`);
    }
  });

  it('does not compare globs or values beyond the length bound', () => {
    const long = 'a'.repeat(WILDCARD_LIMITS.maxLength + 1);
    assert.equal(wildcardMatch('*', long, false), undefined);
    assert.equal(wildcardMatch(long, 'a', false), undefined);
  });
});
