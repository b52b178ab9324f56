import { describe, expect, it } from 'vitest';
import { filterDumps, noDumpsFilter } from './microbasurales-filter.ts';
import type { DumpFeature } from './microbasurales-layer.ts';

const dump = (codigo: string, estado: string, primer_reporte: string | null): DumpFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-70.76, -28.57] },
  properties: { codigo, estado, precision: 'referencial', primer_reporte },
});
const dumps = [dump('A', 'reportado', '2026-01-10'), dump('B', 'limpiado', '2025-12-31'), dump('C', 'reportado', null)];

describe('filterDumps', () => {
  it('keeps the same array when nothing is filtered', () => {
    expect(filterDumps(dumps, noDumpsFilter)).toBe(dumps);
  });

  it('filters by status and by an inclusive range of first-report dates', () => {
    const codes = (filter: Parameters<typeof filterDumps>[1]) => filterDumps(dumps, filter).map((item) => item.properties.codigo);
    expect(codes({ estado: 'reportado', desde: null, hasta: null })).toEqual(['A', 'C']);
    expect(codes({ estado: null, desde: '2026-01-10', hasta: '2026-01-10' })).toEqual(['A']);
    expect(codes({ estado: null, desde: null, hasta: '2025-12-31' })).toEqual(['B']);
  });
});
