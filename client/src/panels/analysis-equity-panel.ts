import { getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { nodesAt, type PlanTreeBody } from '../plan/plan-tree.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { buttonRow, field } from '../ui/form.ts';
import { lorenzChart } from './analysis-charts.ts';
import { demoBanner } from './demo-banner.ts';

/** The body of GET /analysis/equidad (server/routes/analysis/schemas.ts, EquityBody). */
interface EquityBody {
  lorenz: { x: number; y: number }[] | null;
  gini: number | null;
  nota?: string;
  unidadesSinProyectos: { codigo: string; nombre: string | null }[];
  unidadesSinPoblacion: string[];
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
}

/**
 * Equity of the plan across neighbourhood units (GET /analysis/equidad): the
 * Lorenz curve and Gini of investment or projects per inhabitant, and the
 * units with no project of the chosen lineamiento.
 */
export function mountAnalysisEquityPanel(sidebar: HTMLElement): void {
  const t = es.analysis.equity;
  const ids = { heading: uniqueId('equidad'), measure: uniqueId('equidad-medida'), line: uniqueId('equidad-lineamiento') };
  const measure = h(
    'select',
    { id: ids.measure },
    h('option', { value: 'proyectos' }, t.projects),
    h('option', { value: 'inversion' }, t.investment),
  );
  const lineamiento = h('select', { id: ids.line }, h('option', { value: '' }, t.all));
  const status = h('p', { role: 'status' });
  const result = h('div', { 'data-equidad': '' });
  let treeLoaded = false;

  const loadLineamientos = async () => {
    if (treeLoaded) return;
    const tree = await getJson<PlanTreeBody>('/plan/arbol');
    for (const node of nodesAt(tree, 'lineamiento'))
      lineamiento.append(h('option', { value: node.codigo, title: `${node.codigo} ${node.nombre}` }, `${node.codigo} ${node.nombre}`));
    treeLoaded = true;
  };

  const compute = async () => {
    status.textContent = es.analysis.computing;
    try {
      const query = new URLSearchParams({ medida: measure.value });
      if (lineamiento.value) query.set('lineamiento', lineamiento.value);
      const body = await getJson<EquityBody>(`/analysis/equidad?${query.toString()}`);
      status.textContent = '';
      const gini = body.gini === null ? t.noGini : t.gini(body.gini.toLocaleString('es-CL', { maximumFractionDigits: 3 }));
      replaceChildren(
        result,
        body.incluye_demo ? demoBanner(body.datos_demo, 'data-equidad-demo') : null,
        h('p', { 'data-gini': body.gini === null ? '' : String(body.gini) }, gini),
        body.nota ? h('p', {}, body.nota) : null,
        body.lorenz ? lorenzChart(body.lorenz, { title: t.lorenzTitle, giniText: gini, xLabel: t.xLabel, yLabel: t.yLabel }) : null,
        h('p', {}, t.withoutProjects(body.unidadesSinProyectos.length)),
        h(
          'ul',
          { 'data-sin-proyectos': '' },
          ...body.unidadesSinProyectos.map((unit) => h('li', { 'data-codigo': unit.codigo }, unit.nombre ?? unit.codigo)),
        ),
        body.unidadesSinPoblacion.length > 0 ? h('p', {}, t.withoutPopulation(body.unidadesSinPoblacion.join(', '))) : null,
      );
    } catch (error) {
      status.textContent = es.analysis.failed((error as Error).message);
    }
  };

  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': ids.heading, 'data-analisis-equidad': '' },
    h('h2', { id: ids.heading }, t.title),
    field(t.measure, measure),
    field(t.lineamiento, lineamiento),
    buttonRow(h('button', { type: 'button', onclick: () => void compute() }, t.compute)),
    status,
    result,
  );
  sidebar.append(section);
  void loadLineamientos().catch(() => undefined);
}
