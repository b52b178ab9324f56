import type { Geometry } from 'geojson';
import type { Queryable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import * as sql from './unit-sheet-sql.ts';
import type { MapExtent, MapFeature } from './unit-map-svg.ts';

/** Micro-dump states that count as eradicated (the report's computed indicator uses the same). */
export const eradicatedStates = ['limpiado', 'cerrado'] as const;
/** States that are not a real site (merged into another report, or dismissed). */
const notASite = ['duplicado', 'descartado'];

export interface UnitSheetProject {
  codigo: string;
  nombre: string;
  lineamiento: string;
  estado: string | null;
  avance: number | null;
  estimado: number | null;
  aprobado: number | null;
  ejecutado: number | null;
  /** Approved total, else estimated (CLP); null without budget. */
  monto: number | null;
  /** Units the project overlaps: its amount is split among them. */
  partes: number;
  /** This unit's share of the amount (CLP); null without budget. */
  inversionUnidad: number | null;
  /** Its geometry touches the current urban wetland. */
  enHumedal: boolean;
}

/** The territorial sheet of one neighbourhood unit: the data, before any layout. */
export interface UnitSheet {
  unidad: {
    id: number;
    codigo: string;
    nombre: string;
    area: string;
    poblacion: number | null;
    hogares: number | null;
    viviendas: number | null;
    superficieKm2: number;
    fuente: string;
    precision: string;
  };
  proyectos: UnitSheetProject[];
  presupuesto: { inversionAtribuida: number; estimado: number; aprobado: number; ejecutado: number; sinPresupuesto: number };
  microbasurales: { activos: number; erradicados: number; porEstado: Array<{ estado: string; sitios: number }> };
  patrimonio: Array<{ nombre: string; categoria: string | null }>;
  humedal: { vigenteHa: number; ampliacionPropuestaHa: number; porcentajeVigente: number; proyectosEnHumedal: number };
  reglas: string;
  emitido: string;
}

interface UnitRow {
  id: number;
  codigo: string;
  nombre: string;
  area: string;
  poblacion: number | null;
  hogares: number | null;
  viviendas: number | null;
  fuente: string;
  precision: string;
  area_km2: number;
}

interface ProjectRow {
  codigo: string;
  nombre: string;
  lineamiento: string;
  estado: string | null;
  avance: number | null;
  estimado: number | null;
  aprobado: number | null;
  ejecutado: number | null;
  monto: number | null;
  partes: number;
  inversion_unidad: number | null;
  en_humedal: boolean;
}

const total = (rows: ProjectRow[], key: 'estimado' | 'aprobado' | 'ejecutado') => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);

/** Gathers the sheet of unit `id` (unidades_vecinales.id); 404 when there is none. */
export async function buildUnitSheet(db: Queryable, id: number): Promise<UnitSheet> {
  const [unit] = await db.query<UnitRow>(sql.unitSql, [id]);
  if (!unit) throw notFound(`No existe la unidad vecinal con id ${id}.`, 'id');
  const [projects, dumps, heritage, wetland] = await Promise.all([
    db.query<ProjectRow>(sql.unitProjectsSql, [id]),
    db.query<{ estado: string; sitios: number }>(sql.unitDumpsSql, [id]),
    db.query<{ nombre: string; categoria: string | null }>(sql.unitHeritageSql, [id]),
    db.query<{ version: string; hectareas: number }>(sql.unitWetlandSql, [id]),
  ]);
  const hectares = (version: string) => wetland.find((row) => row.version === version)?.hectareas ?? 0;
  const areaKm2 = Number(unit.area_km2);
  const vigente = hectares('vigente');
  const sites = (filter: (estado: string) => boolean) =>
    dumps.filter((row) => filter(row.estado)).reduce((sum, row) => sum + row.sitios, 0);
  return {
    unidad: {
      id: unit.id,
      codigo: unit.codigo,
      nombre: unit.nombre,
      area: unit.area,
      poblacion: unit.poblacion,
      hogares: unit.hogares,
      viviendas: unit.viviendas,
      superficieKm2: Math.round(areaKm2 * 100) / 100,
      fuente: unit.fuente,
      precision: unit.precision,
    },
    proyectos: projects.map((row) => ({
      codigo: row.codigo,
      nombre: row.nombre,
      lineamiento: row.lineamiento,
      estado: row.estado,
      avance: row.avance,
      estimado: row.estimado,
      aprobado: row.aprobado,
      ejecutado: row.ejecutado,
      monto: row.monto,
      partes: row.partes,
      inversionUnidad: row.inversion_unidad === null ? null : Math.round(row.inversion_unidad),
      enHumedal: row.en_humedal,
    })),
    presupuesto: {
      inversionAtribuida: Math.round(projects.reduce((sum, row) => sum + (row.inversion_unidad ?? 0), 0)),
      estimado: total(projects, 'estimado'),
      aprobado: total(projects, 'aprobado'),
      ejecutado: total(projects, 'ejecutado'),
      sinPresupuesto: projects.filter((row) => row.monto === null).length,
    },
    microbasurales: {
      activos: sites((estado) => !notASite.includes(estado) && !(eradicatedStates as readonly string[]).includes(estado)),
      erradicados: sites((estado) => (eradicatedStates as readonly string[]).includes(estado)),
      porEstado: dumps,
    },
    patrimonio: heritage,
    humedal: {
      vigenteHa: Math.round(vigente * 100) / 100,
      ampliacionPropuestaHa: Math.round(hectares('ampliacion_propuesta') * 100) / 100,
      porcentajeVigente: areaKm2 > 0 ? Math.round((vigente / (areaKm2 * 100)) * 1000) / 10 : 0,
      proyectosEnHumedal: projects.filter((row) => row.en_humedal).length,
    },
    reglas:
      'Un proyecto pertenece a la unidad si su geometría la intersecta (más que un borde común); su monto (aprobado, si falta, el estimado) se reparte en partes iguales entre las unidades que toca. Presupuestos estimado/aprobado/ejecutado: totales de esos proyectos, todos los años. Microbasurales activos: reportados, verificados o programados; erradicados: limpiados o cerrados. Superficies en UTM 19S.',
    emitido: new Date().toISOString().slice(0, 10),
  };
}

/** The features and extent of the sheet's map (UTM 19S metres). */
export async function unitMapFeatures(db: Queryable, id: number): Promise<{ features: MapFeature[]; extent: MapExtent | null }> {
  const rows = await db.query<{ capa: MapFeature['capa']; clase: string | null; geometria: string } & MapExtent>(sql.unitMapSql, [id]);
  const first = rows[0];
  return {
    features: rows.map((row) => ({ capa: row.capa, clase: row.clase, geometry: JSON.parse(row.geometria) as Geometry })),
    extent: first ? { xmin: first.xmin, ymin: first.ymin, xmax: first.xmax, ymax: first.ymax } : null,
  };
}
