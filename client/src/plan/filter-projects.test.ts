import { describe, expect, it } from 'vitest';
import { defaultFilters, type ProjectFilters } from '../state/app-state.ts';
import { filterProjects } from './filter-projects.ts';
import type { ProjectProperties } from './project.ts';

const project = (codigo: string, extra: Partial<ProjectProperties> = {}): { properties: ProjectProperties } => {
  const [l, o, p, g] = codigo.split('.');
  return {
    properties: {
      codigo,
      nombre: codigo,
      tipo: 'proyecto',
      estado: null,
      lineamiento_codigo: `${l}`,
      lineamiento: '',
      objetivo_codigo: `${l}.${o}`,
      objetivo: '',
      plan_codigo: `${l}.${o}.${p}`,
      plan: '',
      programa_codigo: g?.startsWith('G') ? `${l}.${o}.${p}.${g}` : null,
      programa: null,
      unidad_responsable: null,
      fuentes_financiamiento: null,
      anio_inicio: null,
      anio_fin: null,
      presupuesto_estimado_clp: null,
      presupuesto_aprobado_clp: null,
      presupuesto_ejecutado_clp: null,
      precision: 'oficial',
      ...extra,
    },
  };
};

const projects = [
  project('L6.O1.P1.G1.03', {
    estado: 'diseño',
    fuentes_financiamiento: 'MOP, FNDR',
    unidad_responsable: 'SECPLA',
    anio_inicio: 2024,
    anio_fin: 2027,
  }),
  project('L6.O1.P1.G1.04', { fuentes_financiamiento: 'SUBDERE PMU', anio_inicio: 2023 }),
  project('L6.O1.P1.G3.01', { estado: 'idea', anio_inicio: 2022, anio_fin: 2022 }),
  project('L4.O1.P1.01'),
  project('L2.O1.P1.G9.01', { anio_fin: 2025 }),
];
const codes = (filters: Partial<ProjectFilters>) =>
  filterProjects(projects, { ...defaultFilters, ...filters }).map((p) => p.properties.codigo);

describe('filterProjects', () => {
  it('keeps every project with no filter', () => {
    expect(codes({})).toHaveLength(projects.length);
  });

  it('filters the lineage at every level, like the API equality filters', () => {
    expect(codes({ lineamiento: 'L6' })).toEqual(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04', 'L6.O1.P1.G3.01']);
    expect(codes({ plan: 'L4.O1.P1' })).toEqual(['L4.O1.P1.01']);
    expect(codes({ programa: 'L6.O1.P1.G1' })).toEqual(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']);
    expect(codes({ lineamiento: 'L6', programa: 'L6.O1.P1.G3' })).toEqual(['L6.O1.P1.G3.01']);
  });

  it('filters status and responsible unit by equality and funding by membership', () => {
    expect(codes({ estado: 'diseño' })).toEqual(['L6.O1.P1.G1.03']);
    expect(codes({ unidad: 'SECPLA' })).toEqual(['L6.O1.P1.G1.03']);
    expect(codes({ fuente: 'FNDR' })).toEqual(['L6.O1.P1.G1.03']);
    expect(codes({ fuente: 'SUBDERE PMU' })).toEqual(['L6.O1.P1.G1.04']);
    expect(codes({ fuente: 'SUBDERE' })).toEqual([]);
  });

  it('keeps projects whose years overlap the range; open-ended years extend to the range', () => {
    expect(codes({ desde: 2026, hasta: 2029, sinAnio: false })).toEqual(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']);
    expect(codes({ desde: 2022, hasta: 2022, sinAnio: false })).toEqual(['L6.O1.P1.G3.01', 'L2.O1.P1.G9.01']);
    expect(codes({ desde: 2028, hasta: 2029, sinAnio: true })).toEqual(['L6.O1.P1.G1.04', 'L4.O1.P1.01']);
  });
});
