import { describe, expect, it } from 'vitest';
import { defaultState, type AppState } from './app-state.ts';
import { decodeState, encodeState } from './url-state.ts';

const layerDefaults = {
  proyectos: { visible: true, opacity: 1 },
  manzanas_censales: { visible: true, opacity: 0.8 },
  inversion_3d: { visible: false, opacity: 1 },
};
const base = defaultState(layerDefaults);

describe('URL state', () => {
  it('writes nothing for a first visit, so the plain address stays plain', () => {
    expect(encodeState(base, layerDefaults)).toBe('');
    expect(decodeState('', base)).toEqual(base);
  });

  it('restores view, layers, opacities, filters, selection and metric from a shared link', () => {
    const shared: AppState = {
      view: { longitude: -70.75123456, latitude: -28.5812345, zoom: 14.256, bearing: -20, pitch: 45 },
      layers: {
        proyectos: { visible: true, opacity: 0.5 },
        manzanas_censales: { visible: false, opacity: 0.8 },
        inversion_3d: { visible: true, opacity: 1 },
      },
      filters: {
        ...base.filters,
        lineamiento: 'L6',
        plan: 'L6.O1.P1',
        programa: 'L6.O1.P1.G1',
        estado: 'diseño',
        fuente: 'SUBDERE PMU',
        desde: 2024,
        hasta: 2026,
        sinAnio: false,
      },
      selected: 'L6.O1.P1.G1.03',
      investmentMetric: 'proyectos',
    };
    const fragment = encodeState(shared, layerDefaults);
    expect(fragment).toContain('mapa=14.26%2F-28.58123%2F-70.75123%2F-20%2F45');
    expect(fragment).toContain('proyecto=L6.O1.P1.G1.03');
    const restored = decodeState(`#${fragment}`, base);
    expect(restored).toEqual({ ...shared, view: { longitude: -70.75123, latitude: -28.58123, zoom: 14.26, bearing: -20, pitch: 45 } });
  });

  it('ignores what it does not understand, so a damaged link still opens', () => {
    const restored = decodeState(
      'mapa=abc/1/2&capas=proyectos,nada&opacidad=proyectos:x,nada:0.5,manzanas_censales:7&lineamiento=DROP TABLE&proyecto=<script>&desde=1990&hasta=3000&metrica=otra',
      base,
    );
    expect(restored.view).toBeNull();
    expect(restored.layers).toEqual({
      proyectos: { visible: true, opacity: 1 },
      manzanas_censales: { visible: false, opacity: 1 },
      inversion_3d: { visible: false, opacity: 1 },
    });
    expect(restored.filters.lineamiento).toBeNull();
    expect(restored.selected).toBeNull();
    expect([restored.filters.desde, restored.filters.hasta]).toEqual([2022, 2029]);
    expect(restored.investmentMetric).toBe('presupuesto');
  });

  it('puts a reversed year range the right way round and keeps latitude in range', () => {
    const restored = decodeState('desde=2028&hasta=2023&mapa=12/-95/-70', base);
    expect([restored.filters.desde, restored.filters.hasta]).toEqual([2023, 2028]);
    expect(restored.view).toBeNull();
  });
});
