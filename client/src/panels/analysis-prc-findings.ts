import type { NearbyHeritage } from '../analysis/heritage-nearby.ts';
import type { WetlandOverlap } from '../analysis/wetland-overlap.ts';
import { es } from '../i18n/es.ts';
import { h } from '../ui/dom.ts';

/** The body of POST /analysis/revision-prc (server/routes/analysis/schemas.ts, PrcReviewBody). */
export interface PrcFindings {
  distancia_patrimonio: number;
  patrimonio: { id: number; nombre: string; categoria: string | null; distancia_m: number; dentro: boolean }[];
  zonas_prc: { codigo: string; nombre: string | null; usos_permitidos: string | null; usos_prohibidos: string | null; area_m2: number }[];
  limite_urbano: { nombre: string; instrumento: string | null; relacion: string }[];
  humedal: { version: string; area_m2: number; area_ha: number; intersecta: boolean }[];
  puntos_criticos: { id: number; sector: string | null; riesgo: string | null; distancia_m: number }[];
}

const t = es.prcReview;
const metres = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 1 });
const squareMetres = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 0 });
const hectares = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 2 });
const dash = (value: string | null) => value ?? '—';

function list(items: HTMLElement[]): HTMLElement {
  return items.length === 0 ? h('p', {}, t.none) : h('ul', {}, ...items);
}

/** The browser preview: wetland overlap per version and heritage within the distance, with machine-readable values. */
export function previewView(wetland: readonly WetlandOverlap[], heritage: readonly NearbyHeritage[]): HTMLElement {
  return h(
    'div',
    { 'data-prc-vista-previa': '' },
    h('h3', {}, t.previewTitle),
    h(
      'ul',
      {},
      ...wetland.map((row) =>
        h(
          'li',
          { 'data-preview-humedal': row.version, 'data-area-m2': row.area_m2.toFixed(2) },
          t.previewWetland(t.versions[row.version] ?? row.version, squareMetres(row.area_m2), hectares(row.area_ha)),
        ),
      ),
      ...heritage.map((row) =>
        h(
          'li',
          { 'data-preview-patrimonio': String(row.id), 'data-distancia-m': row.distancia_m.toFixed(2) },
          t.previewHeritage(row.nombre, metres(row.distancia_m)),
        ),
      ),
    ),
    heritage.length === 0 ? h('p', {}, t.previewNoHeritage) : null,
  );
}

/** «ZR3 Zona de Restricción» once, whether or not the zone's name already starts with its code. */
export function zoneName(codigo: string, nombre: string | null): string {
  const name = nombre?.trim();
  if (!name) return codigo;
  return name.toLocaleUpperCase('es-CL').startsWith(codigo.toLocaleUpperCase('es-CL')) ? name : `${codigo} ${name}`;
}

/** The overlap of an area with a zone: none for points and lines, «< 1 m²» for a zone only touched at its edge. */
export function zoneArea(m2: number, isArea: boolean): string | null {
  if (!isArea) return null;
  return m2 < 1 ? t.zoneTouchesOnly : t.zoneArea(squareMetres(m2));
}

/** The server's findings, section by section, in Spanish; `isArea` when the reviewed geometry is a polygon. */
export function findingsView(findings: PrcFindings, isArea = true): HTMLElement {
  const section = (title: string, content: HTMLElement) => h('section', {}, h('h3', {}, title), content);
  return h(
    'div',
    { 'data-prc-hallazgos': '' },
    section(
      `${t.sections.heritage} (${findings.distancia_patrimonio} m)`,
      list(
        findings.patrimonio.map((row) =>
          h(
            'li',
            { 'data-patrimonio': String(row.id), 'data-distancia-m': String(row.distancia_m) },
            t.heritageItem(row.nombre, row.categoria?.trim() || null, metres(row.distancia_m), row.dentro),
          ),
        ),
      ),
    ),
    section(
      t.sections.zones,
      list(
        findings.zonas_prc.map((row) =>
          h(
            'li',
            { 'data-zona': row.codigo },
            t.zoneItem(
              zoneName(row.codigo, row.nombre),
              zoneArea(row.area_m2, isArea),
              dash(row.usos_permitidos),
              dash(row.usos_prohibidos),
            ),
          ),
        ),
      ),
    ),
    section(
      t.sections.limit,
      list(findings.limite_urbano.map((row) => h('li', {}, t.limitItem(dash(row.instrumento), t.relations[row.relacion] ?? row.relacion)))),
    ),
    section(
      t.sections.wetland,
      list(
        findings.humedal.map((row) =>
          h(
            'li',
            { 'data-humedal': row.version, 'data-area-m2': String(row.area_m2) },
            t.previewWetland(t.versions[row.version] ?? row.version, squareMetres(row.area_m2), hectares(row.area_ha)),
          ),
        ),
      ),
    ),
    section(
      t.sections.risk,
      list(findings.puntos_criticos.map((row) => h('li', {}, t.riskItem(dash(row.sector), dash(row.riesgo), metres(row.distancia_m))))),
    ),
  );
}
