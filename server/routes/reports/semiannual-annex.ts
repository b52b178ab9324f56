import { csvTable } from '../../analysis/csv.ts';
import type { Queryable } from '../../db/database.ts';
import { officialScope, scopeParams } from '../../figures/scope.ts';
import { csvFigure, unknownText } from '../../figures/unknown.ts';
import type { RollupNode } from '../../plan/rollup.ts';
import * as sql from './report-sql.ts';
import type { SemiannualReport } from './semiannual.ts';

const header = [
  'nivel',
  'codigo',
  'nombre',
  'lineamiento',
  'programa',
  'estado_al_corte',
  'avance_fisico',
  'proyectos_incluidos',
  'proyectos_con_avance',
  'estimado_clp',
  'aprobado_clp',
  'ejecutado_clp',
  'evaluado_igualdad_genero',
  'unidades_vecinales',
  'precision_ubicacion',
];

const yesNo = (value: unknown) => (value === true ? 'sí' : value === false ? 'no' : unknownText);

/**
 * The report's data annex (official figures, the same as sections 1 to 7):
 * first one row per lineamiento with its progress and over how many projects
 * it stands, then one row per project with its progress at the cut-off date.
 * What was not recorded reads «sin información», never an empty cell or 0;
 * cells that do not apply to a row are empty.
 */
export async function reportAnnexCsv(db: Queryable, report: SemiannualReport): Promise<string> {
  const rows = await db.query<Record<string, unknown>>(sql.annexSql, scopeParams(officialScope));
  const progress = new Map<string, RollupNode>();
  const walk = (node: RollupNode) => {
    if (node.nivel === 'proyecto') progress.set(node.codigo, node);
    node.hijos.forEach(walk);
  };
  report.avance.forEach(walk);
  const lines = report.lineamientos.map((line) => [
    'lineamiento',
    line.codigo,
    line.nombre,
    line.codigo,
    null,
    null,
    csvFigure(line.avance),
    line.incluidos,
    line.conAvance,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  const projects = rows.map((row) => {
    const node = progress.get(String(row.codigo));
    return [
      'proyecto',
      row.codigo,
      row.nombre,
      row.lineamiento_codigo,
      row.programa_codigo,
      node?.estado ?? unknownText,
      node && node.incluidos === 0 ? null : csvFigure(node?.avance),
      null,
      null,
      csvFigure(row.estimado as number | null),
      csvFigure(row.aprobado as number | null),
      csvFigure(row.ejecutado as number | null),
      yesNo(row.evaluado_igualdad_genero),
      row.unidades_vecinales,
      row.ubicado ? row.precision : 'sin ubicación',
    ];
  });
  return csvTable(header, [...lines, ...projects], { bom: false });
}
