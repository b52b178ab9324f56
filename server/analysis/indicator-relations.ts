import type { LayerDefinition } from '../catalog/index.ts';
import type { Database, Queryable } from '../db/database.ts';
import { indicatorUnits, type IndicatorUnitKind } from './indicators.ts';
import { catalogLayer, columnOf, geometryOf, inactiveMicroDumpStates, tableOf, utmOf } from './layers.ts';

const projects = catalogLayer('proyectos');
const microDumps = catalogLayer('microbasurales');
const heritage = catalogLayer('patrimonio');
const cyclePaths = catalogLayer('ciclovias');
const bridges = catalogLayer('puentes');
const blocks = catalogLayer('manzanas_censales');

/**
 * One stored relation (migration 0012): the statements that rebuild it for
 * a kind of unit ($1 = the kind), and the layers it is built from besides
 * the units themselves.
 */
interface Relation {
  name: string;
  sources: readonly LayerDefinition[];
  /** The tables it fills (analysed after a rebuild: the embedded database has no autovacuum). */
  tables: readonly string[];
  rebuild: (kind: IndicatorUnitKind) => string[];
}

/** A project's budget (CLP): approved when known, else estimated, over its lines (non-demo ones only unless `demo`). */
const budgetOf = (demo: boolean) => `(select coalesce(sum(b.aprobado_clp), sum(b.estimado_clp)) from proyecto_presupuestos b
  where b.codigo = ${columnOf('p', projects, 'codigo')}${demo ? '' : ' and not b.demo'})`;

/**
 * The relations, in the order they are rebuilt: the units first, since every
 * other relation reads them. Each keeps the predicates and metric expressions
 * the per-request SQL used (whole polygons, ST_Transform(geom, 32719)), so the
 * stored figures are the ones it computed.
 */
const relations: readonly Relation[] = [
  {
    name: 'unidades',
    sources: [],
    tables: ['analisis_unidad', 'analisis_unidad_parte'],
    rebuild: (kind) => {
      const { layer: unit, codeColumn } = indicatorUnits[kind];
      return [
        'delete from analisis_unidad_parte where tipo = $1',
        'delete from analisis_unidad where tipo = $1',
        `insert into analisis_unidad (tipo, unidad_id, codigo, nombre, poblacion, geom, utm, area_m2)
         select $1::text, ${columnOf('x', unit, unit.idColumn)}, ${columnOf('x', unit, codeColumn)}, ${columnOf('x', unit, 'nombre')},
           ${columnOf('x', unit, 'poblacion')}, ${geometryOf('x', unit)}, t.utm, ST_Area(t.utm)
         from ${tableOf(unit)} x cross join lateral (select ${utmOf('x', unit)} as utm) t`,
        `insert into analisis_unidad_parte (tipo, unidad_id, utm)
         select tipo, unidad_id, ST_Subdivide(utm, 64) from analisis_unidad where tipo = $1`,
      ];
    },
  },
  {
    name: 'manzanas',
    sources: [blocks],
    tables: ['analisis_manzana'],
    rebuild: () => [
      'delete from analisis_manzana where tipo = $1',
      // Candidates from the parts' boxes (each pair once), then the exact tests per unit, one unit after another so
      // that PostGIS reuses its prepared copy of the unit's polygon. A block the unit contains cannot merely touch it,
      // so ST_Touches (a full relate against hundreds of vertices) runs only for blocks on the unit's edge.
      `insert into analisis_manzana (tipo, unidad_id, manzana_id, poblacion, "precision", area_manzana_m2, area_en_unidad_m2, utm)
       with candidatos as materialized (
         select distinct q.unidad_id, ${columnOf('b', blocks, blocks.idColumn)} as id
         from analisis_unidad_parte q join ${tableOf(blocks)} b on ${utmOf('b', blocks)} && q.utm
         where q.tipo = $1
       )
       select u.tipo, u.unidad_id, b.id, b.poblacion, b."precision", ST_Area(b.utm), ST_Area(i.utm), i.utm
       from analisis_unidad u
       cross join lateral (
         select c.id, ${columnOf('b', blocks, 'poblacion')} as poblacion, ${columnOf('b', blocks, 'precision')} as "precision",
           ${utmOf('b', blocks)} as utm
         from candidatos c join ${tableOf(blocks)} b on ${columnOf('b', blocks, blocks.idColumn)} = c.id
         where c.unidad_id = u.unidad_id
         offset 0
       ) b
       cross join lateral (select ST_Intersection(b.utm, u.utm) as utm) i
       where u.tipo = $1 and ST_Intersects(b.utm, u.utm) and (ST_Contains(u.utm, b.utm) or not ST_Touches(b.utm, u.utm))`,
    ],
  },
  {
    name: 'proyectos',
    sources: [projects],
    tables: ['analisis_proyecto'],
    rebuild: () => [
      'delete from analisis_proyecto where tipo = $1',
      `insert into analisis_proyecto (tipo, unidad_id, codigo, "precision", lineamiento_codigo, estado, presupuesto_clp, presupuesto_sin_demo_clp)
       select u.tipo, u.unidad_id, ${columnOf('p', projects, 'codigo')}, ${columnOf('p', projects, 'precision')},
         ${columnOf('p', projects, 'lineamiento_codigo')}, ${columnOf('p', projects, 'estado')}, ${budgetOf(true)}, ${budgetOf(false)}
       from analisis_unidad u
       join ${tableOf(projects)} p on ST_Intersects(u.geom, ${geometryOf('p', projects)}) and not ST_Touches(u.geom, ${geometryOf('p', projects)})
       where u.tipo = $1`,
    ],
  },
  {
    name: 'microbasurales',
    sources: [microDumps],
    tables: ['analisis_microbasurales', 'analisis_microbasurales_comuna'],
    rebuild: () => [
      'delete from analisis_microbasurales where tipo = $1',
      'delete from analisis_microbasurales_comuna where tipo = $1',
      `insert into analisis_microbasurales (tipo, unidad_id, "precision", activos)
       select u.tipo, u.unidad_id, ${columnOf('m', microDumps, 'precision')}, count(*)::int
       from analisis_unidad u
       join ${tableOf(microDumps)} m on ST_Intersects(u.geom, ${geometryOf('m', microDumps)})
       where u.tipo = $1
         and ${columnOf('m', microDumps, 'estado')} not in (${inactiveMicroDumpStates.map((state) => `'${state}'`).join(', ')})
       group by 1, 2, 3`,
      `insert into analisis_microbasurales_comuna (tipo, "precision", total)
       select $1::text, ${columnOf('m', microDumps, 'precision')}, count(*)::int from ${tableOf(microDumps)} m group by 2`,
    ],
  },
  {
    name: 'patrimonio',
    sources: [heritage],
    tables: ['analisis_patrimonio'],
    rebuild: () => [
      'delete from analisis_patrimonio where tipo = $1',
      `insert into analisis_patrimonio (tipo, unidad_id, "precision", items)
       select u.tipo, u.unidad_id, ${columnOf('h', heritage, 'precision')}, count(*)::int
       from analisis_unidad u join ${tableOf(heritage)} h on ST_Intersects(u.geom, ${geometryOf('h', heritage)})
       where u.tipo = $1
       group by 1, 2, 3`,
    ],
  },
  {
    name: 'ciclovias',
    sources: [cyclePaths],
    tables: ['analisis_ciclovia'],
    rebuild: () => [
      'delete from analisis_ciclovia where tipo = $1',
      `insert into analisis_ciclovia (tipo, unidad_id, ciclovia_id, "precision", existente, largo_m)
       select u.tipo, u.unidad_id, ${columnOf('c', cyclePaths, cyclePaths.idColumn)}, ${columnOf('c', cyclePaths, 'precision')},
         ${columnOf('c', cyclePaths, 'estado')} = 'existente', ST_Length(ST_Intersection(${utmOf('c', cyclePaths)}, u.utm))
       from analisis_unidad u join ${tableOf(cyclePaths)} c on ST_Intersects(${utmOf('c', cyclePaths)}, u.utm)
       where u.tipo = $1`,
    ],
  },
  {
    name: 'puentes',
    sources: [bridges],
    tables: ['analisis_puente'],
    rebuild: () => [
      'delete from analisis_puente where tipo = $1',
      `insert into analisis_puente (tipo, unidad_id, puente_id, "precision", distancia_m)
       select u.tipo, u.unidad_id, ${columnOf('p', bridges, bridges.idColumn)}, ${columnOf('p', bridges, 'precision')},
         ST_Distance(${utmOf('p', bridges)}, u.utm)
       from analisis_unidad u cross join ${tableOf(bridges)} p
       where u.tipo = $1`,
    ],
  },
];

/** Every layer the indicators of `kind` read, the units first: the answer changes only when one of their versions does. */
export function indicatorSources(kind: IndicatorUnitKind): LayerDefinition[] {
  return [indicatorUnits[kind].layer, ...relations.flatMap((relation) => relation.sources)];
}

/** Layer versions as `layer_version` holds them: id → `version.changed` (the token format of server/tiles/layer-versions.ts). */
export type LayerVersions = ReadonlyMap<string, string>;

/** What one small query tells about a kind: the versions of its source layers, and those its stored relations were built from. */
export interface RelationState {
  versions: LayerVersions;
  built: Record<string, string>;
}

/**
 * Reads, in one statement, the current versions of every source layer of
 * `kind` and the versions each stored relation was built from.
 */
export async function readRelationState(db: Queryable, kind: IndicatorUnitKind): Promise<RelationState> {
  const ids = indicatorSources(kind).map((layer) => layer.id);
  const [row] = await db.query<{ versions: Record<string, string> | null; built: Record<string, string> | null }>(
    `select (select json_object_agg(layer_id, version || '.' || to_char(changed_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS'))
         from layer_version where layer_id = any(string_to_array($1, ','))) as versions,
       (select relaciones from analisis_version where tipo = $2) as built`,
    [ids.join(','), kind],
    { prepared: true },
  );
  return { versions: new Map(Object.entries(row?.versions ?? {})), built: row?.built ?? {} };
}

/** The version token of some layers, e.g. `unidades_vecinales=3.20250101…,proyectos=0` (0: never written). */
export function versionToken(versions: LayerVersions, layers: readonly LayerDefinition[]): string {
  return layers.map((layer) => `${layer.id}=${versions.get(layer.id) ?? '0'}`).join(',');
}

/** The token a relation of `kind` must have been built from to be current. */
const relationToken = (kind: IndicatorUnitKind, relation: Relation, versions: LayerVersions) =>
  versionToken(versions, [indicatorUnits[kind].layer, ...relation.sources]);

/** Names of the relations of `kind` that are not current for `state`. */
export function staleRelations(kind: IndicatorUnitKind, state: RelationState): string[] {
  return relations
    .filter((relation) => state.built[relation.name] !== relationToken(kind, relation, state.versions))
    .map((relation) => relation.name);
}

/**
 * Brings the stored relations of `kind` up to date with the layers' current
 * versions and returns the names of those rebuilt (none when `state`, read
 * by the caller, shows them current).
 *
 * One transaction: the kind's row of analisis_version is locked first, so
 * a concurrent request (PostgreSQL) waits for this rebuild and then finds
 * the relations current; the versions are read after the lock and before the
 * rebuild, so what is built is at least as new as what is recorded (a write
 * racing with it causes one more rebuild later, never a stale relation).
 * Readers see the old relations or the new ones, never half of each.
 *
 * Lazily here rather than by triggers on the source tables: every write path
 * (editing API, import, field reports, plain SQL, TRUNCATE, seeds) already
 * bumps `layer_version` by statement triggers (migration 0005), so keying on
 * it covers them all with one rule, writes cost what they did (a 100 000-row
 * import pays nothing per row), and the same statements run on PostgreSQL and
 * on PGlite (whose transactions run on the primary; the write turns the read
 * replica stale, so the indicators read right after see the rebuild).
 */
export async function refreshRelations(db: Database, kind: IndicatorUnitKind, state: RelationState): Promise<string[]> {
  if (staleRelations(kind, state).length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.query('set local jit = off');
    await tx.query('select tipo from analisis_version where tipo = $1 for update', [kind]);
    const current = await readRelationState(tx, kind);
    const stale = staleRelations(kind, current);
    const built: Record<string, string> = { ...current.built };
    for (const relation of relations) {
      if (!stale.includes(relation.name)) continue;
      for (const statement of relation.rebuild(kind)) await tx.query(statement, [kind]);
      for (const table of relation.tables) await tx.query(`analyze ${table}`);
      built[relation.name] = relationToken(kind, relation, current.versions);
    }
    await tx.query('update analisis_version set relaciones = $2::jsonb where tipo = $1', [kind, JSON.stringify(built)]);
    return stale;
  });
}
