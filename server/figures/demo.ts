import type { Queryable } from '../db/database.ts';

/**
 * What demo data the database holds, by kind: plan tracking rows marked demo
 * (migration 0011) and features whose precision is 'demo'. Only kinds with
 * something are listed.
 */
export interface DemoPresence {
  /** True when any demo data is present. */
  incluye_demo: boolean;
  /** Counts by kind: proyectos (with demo tracking), cambios_estado, avances, hitos, lineas_presupuesto, indicadores, microbasurales… */
  datos_demo: Record<string, number>;
}

/** Counts of demo data, one row. Feature layers are those the figures read. */
export const demoPresenceSql = `select
  (select count(distinct codigo) from (
    select codigo from proyecto_estados where demo union all select codigo from proyecto_avances where demo
    union all select codigo from proyecto_hitos where demo union all select codigo from proyecto_presupuestos where demo
  ) d)::int as proyectos_con_seguimiento_demo,
  (select count(*) from proyecto_estados where demo)::int as cambios_estado,
  (select count(*) from proyecto_avances where demo)::int as avances,
  (select count(*) from proyecto_hitos where demo)::int as hitos,
  (select count(*) from proyecto_presupuestos where demo)::int as lineas_presupuesto,
  (select count(*) from indicadores_programa where demo)::int as indicadores,
  (select count(*) from microbasurales where "precision" = 'demo')::int as microbasurales,
  (select count(*) from proyectos where "precision" = 'demo' and geom is not null)::int as ubicaciones_proyecto,
  (select count(*) from ciclovias where "precision" = 'demo')::int as ciclovias,
  (select count(*) from patrimonio where "precision" = 'demo')::int as patrimonio,
  (select count(*) from puentes where "precision" = 'demo')::int as puentes`;

/** Which demo data is present, for an answer's `incluye_demo` and `datos_demo`. */
export async function demoPresence(db: Queryable): Promise<DemoPresence> {
  const [row] = await db.query<Record<string, number>>(demoPresenceSql);
  const datos = Object.fromEntries(Object.entries(row ?? {}).filter(([, count]) => count > 0));
  return { incluye_demo: Object.keys(datos).length > 0, datos_demo: datos };
}

/** The same, restricted to the kinds a figure actually reads (e.g. only micro-dumps). */
export function demoPresenceOf(presence: DemoPresence, kinds: readonly string[]): DemoPresence {
  const datos = Object.fromEntries(Object.entries(presence.datos_demo).filter(([kind]) => kinds.includes(kind)));
  return { incluye_demo: Object.keys(datos).length > 0, datos_demo: datos };
}
