import { describe, expect, it } from 'vitest';
import { defaultFilters } from '../state/app-state.ts';
import { facetCounts } from './facet-counts.ts';
import type { ProjectProperties } from './project.ts';

const project = (codigo: string, lineamiento: string, extra: Partial<ProjectProperties> = {}) => ({
  properties: {
    codigo,
    lineamiento_codigo: lineamiento,
    objetivo_codigo: `${lineamiento}.O1`,
    plan_codigo: `${lineamiento}.O1.P1`,
    programa_codigo: null,
    estado: null,
    unidad_responsable: null,
    fuentes_financiamiento: null,
    anio_inicio: null,
    anio_fin: null,
    ...extra,
  } as ProjectProperties,
});

const projects = [
  project('a', 'L1', { estado: 'idea', fuentes_financiamiento: 'FNDR, municipal' }),
  project('b', 'L1', { estado: 'diseño', fuentes_financiamiento: 'FNDR' }),
  project('c', 'L6', { estado: 'idea', programa_codigo: 'L6.O1.P1.G1' }),
];

describe('facetCounts', () => {
  it('counts each value of each facet over all projects when nothing is chosen', () => {
    const counts = facetCounts(projects, defaultFilters);
    expect(Object.fromEntries(counts.lineamiento)).toEqual({ L1: 2, L6: 1 });
    expect(Object.fromEntries(counts.estado)).toEqual({ idea: 2, diseño: 1 });
    expect(Object.fromEntries(counts.fuente)).toEqual({ FNDR: 2, municipal: 1 });
    expect(Object.fromEntries(counts.programa)).toEqual({ 'L6.O1.P1.G1': 1 });
  });

  it('counts a facet under the other filters, ignoring its own choice', () => {
    const counts = facetCounts(projects, { ...defaultFilters, lineamiento: 'L1', estado: 'idea' });
    expect(Object.fromEntries(counts.lineamiento)).toEqual({ L1: 1, L6: 1 });
    expect(Object.fromEntries(counts.estado)).toEqual({ idea: 1, diseño: 1 });
    expect(Object.fromEntries(counts.fuente)).toEqual({ FNDR: 1, municipal: 1 });
  });
});
