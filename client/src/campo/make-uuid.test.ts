import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUuid } from './make-uuid.ts';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('makeUuid', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct version 4 UUIDs', () => {
    const made = new Set(Array.from({ length: 100 }, makeUuid));
    expect(made.size).toBe(100);
    for (const uuid of made) expect(uuid).toMatch(v4);
  });

  it('makes them without crypto.randomUUID (plain HTTP on the office network)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes) });
    expect(makeUuid()).toMatch(v4);
  });
});
