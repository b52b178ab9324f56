import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../map/layer-entry.ts';
import { defaultState } from '../state/app-state.ts';
import { legendColumns, legendHeight, visibleLegend } from './print-legend.ts';

const entry = (id: string, items: number, minZoom?: number): LayerEntry => ({
  id,
  title: id,
  group: 'contexto',
  defaultVisible: true,
  defaultOpacity: 1,
  minZoom,
  legend: Array.from({ length: items }, (_, index) => ({ label: `${id} ${index}`, color: '#000000', symbol: 'point' as const })),
});

describe('the printed legend', () => {
  it('lists the layers switched on that draw at this zoom, in the panel order, and nothing else', () => {
    const entries = [entry('proyectos', 3), entry('calles', 1, 13), entry('oculta', 2), entry('sin_leyenda', 0)];
    const state = defaultState({
      proyectos: { visible: true, opacity: 1 },
      calles: { visible: true, opacity: 1 },
      oculta: { visible: false, opacity: 1 },
      sin_leyenda: { visible: true, opacity: 1 },
    });
    expect(visibleLegend(entries, state, 12).map((section) => section.title)).toEqual(['proyectos']);
    expect(visibleLegend(entries, state, 13).map((section) => section.title)).toEqual(['proyectos', 'calles']);
  });

  it('splits a legend taller than the map into columns without splitting a layer', () => {
    const sections = [entry('a', 10), entry('b', 10), entry('c', 10)].map((layer) => ({ title: layer.title, items: layer.legend }));
    const one = legendColumns(sections, 10_000);
    expect(one).toHaveLength(1);
    const columns = legendColumns(sections, legendHeight(sections.slice(0, 2)));
    expect(columns.map((column) => column.map((section) => section.title))).toEqual([['a', 'b'], ['c']]);
    for (const column of columns) expect(legendHeight(column)).toBeLessThanOrEqual(legendHeight(sections.slice(0, 2)));
  });
});
