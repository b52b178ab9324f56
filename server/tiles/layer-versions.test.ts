import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database.ts';
import type { LayerDefinition } from '../catalog/index.ts';
import { LayerVersionReader } from './layer-versions.ts';

function fakeDb(rows: { layer_id: string; version: number; changed: string }[]) {
  let queries = 0;
  const db: Queryable = {
    async query<Row>() {
      queries += 1;
      return rows.map((row) => ({ ...row })) as Row[];
    },
    async exec() {},
  };
  return { db, queries: () => queries, rows };
}

const layer = (id: string) => ({ id }) as LayerDefinition;

describe('LayerVersionReader', () => {
  it('reuses one snapshot within the TTL, and reads again after invalidate()', async () => {
    const fake = fakeDb([{ layer_id: 'rio', version: 1, changed: '20260101000000000000' }]);
    const reader = new LayerVersionReader(fake.db, 60_000);
    const first = await reader.token([layer('rio'), layer('comuna')]);
    await Promise.all([reader.token([layer('rio')]), reader.token([layer('rio')])]);
    expect(fake.queries()).toBe(1);
    expect(first).toBe('rio=1.20260101000000000000,comuna=0');
    (fake.rows[0] as { version: number }).version = 2;
    expect(await reader.token([layer('rio')])).toBe('rio=1.20260101000000000000');
    reader.invalidate();
    expect(await reader.token([layer('rio')])).toBe('rio=2.20260101000000000000');
    expect(fake.queries()).toBe(2);
  });

  it('reads on every request when the TTL is 0', async () => {
    const fake = fakeDb([]);
    const reader = new LayerVersionReader(fake.db, 0);
    await reader.token([layer('rio')]);
    await reader.token([layer('rio')]);
    expect(fake.queries()).toBe(2);
  });
});
