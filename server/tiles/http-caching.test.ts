import { describe, expect, it } from 'vitest';
import { acceptsGzip, entityTag, matchingEntityTag } from './http-caching.ts';

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.5', true],
    ['*', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['br, *;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
    [undefined, false],
    ['', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('matchingEntityTag', () => {
  it('matches either representation of the resource, weak or strong, in a list', () => {
    expect(matchingEntityTag(entityTag('abc', false), 'abc')).toBe('"abc"');
    expect(matchingEntityTag(`W/${entityTag('abc', true)}`, 'abc')).toBe('"abc-gz"');
    expect(matchingEntityTag('"zzz", "abc-gz"', 'abc')).toBe('"abc-gz"');
    expect(matchingEntityTag('*', 'abc')).toBe('"abc"');
  });

  it('does not match another resource or an absent header', () => {
    expect(matchingEntityTag('"abd"', 'abc')).toBeNull();
    expect(matchingEntityTag('"abc-gzip"', 'abc')).toBeNull();
    expect(matchingEntityTag(undefined, 'abc')).toBeNull();
  });
});
