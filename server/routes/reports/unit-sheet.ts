import type { Geometry } from 'geojson';
import { derivedPublicUrl, defaults } from '../../config.ts';
import type { Queryable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { demoPresence, type DemoPresence } from '../../figures/demo.ts';
import { fullScope, officialScope, type FigureScope } from '../../figures/scope.ts';
import { sumKnown } from '../../figures/unknown.ts';
import { progressOf, projectWeight, type RollupProjectRow } from '../../plan/rollup.ts';
import { todayInChile } from '../plan/tracking-checks.ts';
import { projectStateSql } from './report-sql.ts';
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
  /** null = sin información. */
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

/** The figures of the sheet that depend on which data count (official, or including demo data). */
export interface UnitFigures {
  proyectos: UnitSheetProject[];
  /** Progress of its projects by the roll-up's rule (server/plan/rollup.ts), today. */
  avance: { avance: number | null; incluidos: number; conAvance: number };
  /** Money: null = sin información (no project with that figure recorded), never 0. */
  presupuesto: {
    inversionAtribuida: number | null;
    estimado: number | null;
    aprobado: number | null;
    ejecutado: number | null;
    conPresupuesto: number;
    sinPresupuesto: number;
  };
  /** Counts are null when the comuna has no micro-dump records in scope at all (unknown, not 0). */
  microbasurales: {
    activos: number | null;
    erradicados: number | null;
    porEstado: Array<{ estado: string; sitios: number }>;
    /** Sites of the comuna left out because of their precision (demo, illustrative). */
    fueraDeLasCifras: number;
  };
}

/** The territorial sheet of one neighbourhood unit: the data, before any layout. */
export interface UnitSheet extends UnitFigures {
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
  patrimonio: Array<{ nombre: string; categoria: string | null }>;
  humedal: { vigenteHa: number; ampliacionPropuestaHa: number; porcentajeVigente: number; proyectosEnHumedal: number };
  reglas: string;
  emitido: string;
  /** Absolute address of the sheet's data (SIT_PUBLIC_URL). */
  enlace: string;
  /** The same figures including demo data, for a marked box; null when no demo data is present. */
  datosDemo: (UnitFigures & { aviso: string } & DemoPresence) | null;
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

type ProjectState = RollupProjectRow & { ejecutado_clp: number | null };

export interface UnitSheetOptions {
  publicUrl?: string;
  /** The day the figures refer to (default: today in Chile). */
  emitido?: string;
}

/** Projects, progress, budget and micro-dumps of unit `id` on `day`, from the data in `scope`. */
async function unitFigures(db: Queryable, id: number, day: string, scope: FigureScope): Promise<UnitFigures> {
  const precisions = [...scope.precisions];
  const [hits, states, dumps, [records]] = await Promise.all([
    db.query<{ codigo: string; nombre: string; lineamiento: string; partes: number; en_humedal: boolean }>(sql.unitProjectsSql, [
      id,
      precisions,
    ]),
    db.query<ProjectState>(projectStateSql, [day, scope.demo]),
    db.query<{ estado: string; sitios: number }>(sql.unitDumpsSql, [id, precisions]),
    db.query<{ en_alcance: number; fuera: number }>(sql.dumpRecordsSql, [precisions]),
  ]);
  const stateOf = new Map(states.map((state) => [state.codigo, state]));
  const projects = hits.map((hit): UnitSheetProject => {
    const state = stateOf.get(hit.codigo);
    const monto = state ? projectWeight(state) : null;
    return {
      codigo: hit.codigo,
      nombre: hit.nombre,
      lineamiento: hit.lineamiento,
      estado: state?.estado ?? null,
      avance: state?.avance ?? null,
      estimado: state?.estimado_clp ?? null,
      aprobado: state?.aprobado_clp ?? null,
      ejecutado: state?.ejecutado_clp ?? null,
      monto,
      partes: hit.partes,
      inversionUnidad: monto === null ? null : Math.round(monto / hit.partes),
      enHumedal: hit.en_humedal,
    };
  });
  const progress = progressOf(hits.flatMap((hit) => stateOf.get(hit.codigo) ?? []));
  const known = (counted: (estado: string) => boolean) =>
    records?.en_alcance ? dumps.filter((row) => counted(row.estado)).reduce((sum, row) => sum + row.sitios, 0) : null;
  const eradicated = (estado: string) => (eradicatedStates as readonly string[]).includes(estado);
  // No project in the unit: nothing attributed, a real 0; projects without any budget: unknown (null).
  const total = (values: Array<number | null>) => (projects.length === 0 ? 0 : sumKnown(values).value);
  const attributed = sumKnown(projects.map((project) => project.inversionUnidad));
  return {
    proyectos: projects,
    avance: { avance: progress.avance, incluidos: progress.incluidos, conAvance: progress.conAvance },
    presupuesto: {
      inversionAtribuida: total(projects.map((project) => project.inversionUnidad)),
      estimado: total(projects.map((project) => project.estimado)),
      aprobado: total(projects.map((project) => project.aprobado)),
      ejecutado: total(projects.map((project) => project.ejecutado)),
      conPresupuesto: attributed.known,
      sinPresupuesto: attributed.total - attributed.known,
    },
    microbasurales: {
      activos: known((estado) => !notASite.includes(estado) && !eradicated(estado)),
      erradicados: known(eradicated),
      porEstado: dumps,
      fueraDeLasCifras: records?.fuera ?? 0,
    },
  };
}

/**
 * Gathers the sheet of unit `id` (unidades_vecinales.id); 404 when there is
 * none. Official data only (no demo tracking rows, no illustrative or demo
 * features); with demo data in the database, the same figures including it
 * come apart in `datosDemo`.
 */
export async function buildUnitSheet(db: Queryable, id: number, options: UnitSheetOptions = {}): Promise<UnitSheet> {
  const [unit] = await db.query<UnitRow>(sql.unitSql, [id]);
  if (!unit) throw notFound(`No existe la unidad vecinal con id ${id}.`, 'id');
  const emitido = options.emitido ?? todayInChile();
  const precisions = [...officialScope.precisions];
  const [official, heritage, wetland, presence] = await Promise.all([
    unitFigures(db, id, emitido, officialScope),
    db.query<{ nombre: string; categoria: string | null }>(sql.unitHeritageSql, [id, precisions]),
    db.query<{ version: string; hectareas: number }>(sql.unitWetlandSql, [id, precisions]),
    demoPresence(db),
  ]);
  const withDemo = presence.incluye_demo ? await unitFigures(db, id, emitido, fullScope) : null;
  const hectares = (version: string) => wetland.find((row) => row.version === version)?.hectareas ?? 0;
  const areaKm2 = Number(unit.area_km2);
  const vigente = hectares('vigente');
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
    ...official,
    patrimonio: heritage,
    humedal: {
      vigenteHa: Math.round(vigente * 100) / 100,
      ampliacionPropuestaHa: Math.round(hectares('ampliacion_propuesta') * 100) / 100,
      porcentajeVigente: areaKm2 > 0 ? Math.round((vigente / (areaKm2 * 100)) * 1000) / 10 : 0,
      proyectosEnHumedal: official.proyectos.filter((row) => row.enHumedal).length,
    },
    reglas:
      'Un proyecto pertenece a la unidad si su geometría la intersecta (más que un borde común); su monto (aprobado, si falta, el estimado) se reparte en partes iguales entre las unidades que toca. Presupuestos estimado/aprobado/ejecutado: totales de esos proyectos, todos los años; «sin información» si ninguno lo tiene registrado. Avance: promedio de los proyectos con avance registrado, ponderado por presupuesto (docs/cifras.md). Microbasurales activos: reportados, verificados o programados; erradicados: limpiados o cerrados. Solo datos oficiales: sin datos de demostración ni ubicaciones ilustrativas. Superficies en UTM 19S.',
    emitido,
    enlace: `${options.publicUrl ?? derivedPublicUrl(defaults)}/reportes/unidad-vecinal/${unit.id}`,
    datosDemo: withDemo
      ? {
          aviso: 'Con datos de demostración (inventados; no son información de Vallenar ni parte de esta ficha oficial)',
          ...presence,
          ...withDemo,
        }
      : null,
  };
}

/** Width and height of the sheet's map frame, in SVG pixels (the legend goes below). */
export const unitMapSize = { width: 700, height: 300 } as const;
/** Air around the unit in its frame, as a fraction of its larger span. */
const unitMapMargin = 0.06;

/**
 * The features and frame of the sheet's map (UTM 19S metres), the frame with
 * the map's aspect around the unit: official precisions only, as the figures.
 */
export async function unitMapFeatures(db: Queryable, id: number): Promise<{ features: MapFeature[]; extent: MapExtent | null }> {
  const rows = await db.query<
    {
      capa: MapFeature['capa'];
      clase: string | null;
      nombre: string | null;
      geometria: string;
      lx: number | null;
      ly: number | null;
    } & MapExtent
  >(sql.unitMapSql, [id, [...officialScope.precisions], unitMapSize.width / unitMapSize.height, unitMapMargin]);
  const first = rows[0];
  return {
    features: rows.map((row) => ({
      capa: row.capa,
      clase: row.clase,
      nombre: row.nombre,
      etiqueta: row.lx === null || row.ly === null ? null : [row.lx, row.ly],
      geometry: JSON.parse(row.geometria) as Geometry,
    })),
    extent: first ? { xmin: first.xmin, ymin: first.ymin, xmax: first.xmax, ymax: first.ymax } : null,
  };
}
