import { es } from '../i18n/es.ts';
import type { UnitInvestmentFeature } from '../layers/inversion-3d-layer.ts';
import type { InvestmentMetric } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

/**
 * The 3D view's controls, shown while it is on: what the height means
 * (recorded investment or number of projects) and, honestly, when no
 * filtered project has a budget at all.
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
  replaceChildren(container, h('label', { for: id }, es.investment.metric), select, note);
  container.setAttribute('aria-label', es.layer.inversion3d);
  return {
    render() {
      const state = store.state;
      container.hidden = !state.layers.inversion_3d?.visible;
      if (container.hidden) return;
      select.value = state.investmentMetric;
      const anyBudget = units().some((unit) => unit.properties.inversionClp !== null);
      note.hidden = anyBudget || state.investmentMetric !== 'presupuesto';
      note.textContent = note.hidden ? '' : es.investment.noBudgetAnywhere;
    },
  };
}
