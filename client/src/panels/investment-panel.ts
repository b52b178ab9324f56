import { getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import type { UnitInvestmentFeature } from '../layers/inversion-3d-layer.ts';
import type { InvestmentMetric } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { demoBanner } from './demo-banner.ts';
import { figuresTexts } from './figures-texts-es.ts';

/** GET /plan/datos-demo: which demo data the database holds. */
interface DemoAnswer {
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
}

/** Demo kinds the 3D view's figures read (budgets and locations of projects). */
const demoKinds = ['lineas_presupuesto', 'ubicaciones_proyecto'];

/**
 * The 3D view's controls, shown while it is on: what the height means
 * (recorded investment or number of projects) and, honestly, when no
 * filtered project has a budget at all, when a unit's investment adds up only
 * part of its projects, and when demo budgets are in it.
 */
export function mountInvestmentPanel(container: HTMLElement, store: Store, units: () => readonly UnitInvestmentFeature[]) {
  const id = uniqueId('metrica');
  const select = h(
    'select',
    { id, 'data-metrica': '' },
    h('option', { value: 'presupuesto' }, es.investment.presupuesto),
    h('option', { value: 'proyectos' }, es.investment.proyectos),
  );
  select.addEventListener('change', () => store.update((state) => ({ ...state, investmentMetric: select.value as InvestmentMetric })));
  const note = h('p', { class: 'investment-note', role: 'status', 'data-sin-presupuesto': '' });
  const partial = h('p', { class: 'investment-note', 'data-inversion-parcial': '', hidden: true });
  const demo = h('div', { class: 'investment-note' });
  replaceChildren(container, h('label', { for: id }, es.investment.metric), select, note, partial, demo);
  container.setAttribute('aria-label', es.layer.inversion3d);
  let demoAsked = false;
  const askDemo = () => {
    if (demoAsked) return;
    demoAsked = true;
    void getJson<DemoAnswer>('/plan/datos-demo').then(
      (answer) => {
        const kinds = Object.fromEntries(Object.entries(answer.datos_demo).filter(([kind]) => demoKinds.includes(kind)));
        replaceChildren(demo, Object.keys(kinds).length === 0 ? null : demoBanner(kinds, 'data-inversion-demo'));
      },
      () => (demoAsked = false),
    );
  };
  return {
    render() {
      const state = store.state;
      container.hidden = !state.layers.inversion_3d?.visible;
      if (container.hidden) return;
      askDemo();
      select.value = state.investmentMetric;
      const figures = units().map((unit) => unit.properties);
      const anyBudget = figures.some((unit) => unit.inversionClp !== null);
      note.hidden = anyBudget || state.investmentMetric !== 'presupuesto';
      note.textContent = note.hidden ? '' : es.investment.noBudgetAnywhere;
      const partly = figures.filter((unit) => unit.conPresupuesto > 0 && unit.conPresupuesto < unit.proyectos).length;
      partial.hidden = partly === 0 || state.investmentMetric !== 'presupuesto';
      partial.textContent = partial.hidden ? '' : figuresTexts.partialInvestment(partly);
    },
  };
}
