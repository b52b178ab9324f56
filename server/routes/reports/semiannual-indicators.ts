import type { Queryable } from '../../db/database.ts';
import type { FigureScope } from '../../figures/scope.ts';
import * as sql from './report-sql.ts';

/** A programme indicator as the report prints it. */
export interface Indicator {
  programa: string | null;
  nombrePrograma: string | null;
  nombre: string;
  unidad: string;
  /** null = sin información. */
  meta: number | null;
  /** null = sin información (never 0 for "nothing recorded"). */
  valor: number | null;
  fuente: 'calculado' | 'manual';
  /** The day the value refers to: the period's last day, the day of emission, or the day it was measured. */
  fecha: string | null;
  nota?: string;
  /** A manual value loaded as demo data (only inside the demo box). */
  demo?: boolean;
}

interface Period {
  desde: string;
  hasta: string;
}

async function programmeOf(db: Queryable, like: string): Promise<{ programa: string | null; nombrePrograma: string | null }> {
  const [programme] = await db.query<{ codigo: string | null }>(sql.programmeOfNodeSql, [like]);
  if (!programme?.codigo) return { programa: null, nombrePrograma: null };
  const [node] = await db.query<{ nombre: string }>(`select nombre from plan_nodos where codigo = $1`, [programme.codigo]);
  return { programa: programme.codigo, nombrePrograma: node?.nombre ?? null };
}

/**
 * Micro-dumps eradicated within the period (cleaned, or closed with no
 * cleaning date, between its first and last day), among the sites in scope.
 * With no site in scope at all the value is unknown, not 0.
 */
async function dumpsEradicated(db: Queryable, periodo: Period, scope: FigureScope): Promise<Indicator> {
  const [[row], programme] = await Promise.all([
    db.query<{ valor: number; sin_fecha: number; sitios: number }>(sql.dumpsEradicatedSql, [
      periodo.desde,
      periodo.hasta,
      [...scope.precisions],
    ]),
    programmeOf(db, 'Programa de erradicación de microbasurales%'),
  ]);
  const sitios = row?.sitios ?? 0;
  const notes = [
    `Sitios limpiados (o cerrados sin fecha de limpieza) entre el ${periodo.desde} y el ${periodo.hasta}.`,
    row && row.sin_fecha > 0
      ? `${row.sin_fecha} sitio(s) erradicado(s) sin fecha registrada no se pueden asignar a un período y no se cuentan.`
      : null,
    sitios === 0
      ? scope.demo
        ? 'No hay microbasurales registrados.'
        : 'No hay microbasurales con datos oficiales (los sitios de demostración no cuentan).'
      : null,
  ];
  return {
    ...programme,
    nombre: 'Microbasurales erradicados en el semestre',
    unidad: 'sitios',
    meta: null,
    valor: sitios === 0 ? null : (row?.valor ?? null),
    fuente: 'calculado',
    fecha: periodo.hasta,
    nota: notes.filter(Boolean).join(' '),
  };
}

/**
 * Kilometres of existing cycle path. The layer records no construction
 * dates, so the figure is the one on the day of emission, and says so; when
 * every mapped path is a proposal it says that instead of a bare 0.
 */
async function cyclePathKm(db: Queryable, emitido: string, scope: FigureScope): Promise<Indicator> {
  const [[row], programme] = await Promise.all([
    db.query<{ valor: number; existentes: number; tramos: number; todas: number }>(sql.cyclePathKmSql, [[...scope.precisions]]),
    programmeOf(db, 'Red de Ciclovías%'),
  ]);
  const tramos = row?.tramos ?? 0;
  const note =
    tramos === 0
      ? row?.todas
        ? `Las ${row.todas} ciclovías registradas tienen ubicación ilustrativa o de demostración: no entran en una cifra oficial.`
        : 'No hay ciclovías registradas.'
      : row?.existentes === 0
        ? `Todas propuestas: sin ciclovías existentes (${tramos} tramo(s) propuesto(s) o en ejecución).`
        : `La capa no registra fechas de construcción: longitud existente al ${emitido} (emisión), no necesariamente al cierre del período.`;
  return {
    ...programme,
    nombre: 'Ciclovías construidas',
    unidad: 'km',
    meta: null,
    valor: tramos === 0 || !row ? null : Math.round(row.valor * 100) / 100,
    fuente: 'calculado',
    fecha: emitido,
    nota: note,
  };
}

/** The indicators the SIT computes from its layers, for the period and scope. */
export function computedIndicators(db: Queryable, periodo: Period, emitido: string, scope: FigureScope): Promise<Indicator[]> {
  return Promise.all([dumpsEradicated(db, periodo, scope), cyclePathKm(db, emitido, scope)]);
}

/** The manual indicators recorded by SECPLA, latest value on or before the cut-off date. */
export async function manualIndicators(db: Queryable, hasta: string, scope: FigureScope): Promise<Indicator[]> {
  const rows = await db.query<{
    codigo: string;
    programa: string;
    nombre: string;
    unidad: string;
    meta: number | null;
    valor: number | null;
    fecha: string;
    demo: boolean;
  }>(sql.manualIndicatorsSql, [hasta, scope.demo]);
  return rows.map((row) => ({
    programa: row.codigo,
    nombrePrograma: row.programa,
    nombre: row.nombre,
    unidad: row.unidad,
    meta: row.meta,
    valor: row.valor,
    fuente: 'manual',
    fecha: row.fecha,
    ...(row.demo ? { demo: true } : {}),
  }));
}
