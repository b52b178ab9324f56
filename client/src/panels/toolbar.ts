import { es } from '../i18n/es.ts';
import type { MeasureMode } from '../layers/medicion-layer.ts';
import type { Measurement } from '../tools/measure-tool.ts';
import { describeMeasurement } from '../tools/measure-tool.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

export interface ToolbarProps {
  onMeasure: (mode: MeasureMode) => void;
  onAddCenter: () => void;
  onFinishMeasure: () => void;
  onClearMeasure: () => void;
  on3d: (on: boolean) => void;
  onExport: () => Promise<void>;
  /** The link to share, at the moment of asking. */
  shareUrl: () => string;
}

/**
 * The tools over the map: measure distance and area (with a keyboard way to
 * add the map centre as a vertex), the 3D view, PNG export and the share link.
 */
export function mountToolbar(container: HTMLElement, props: ToolbarProps) {
  container.setAttribute('role', 'toolbar');
  container.setAttribute('aria-label', es.tools.label);
  const button = (label: string, attributes: Record<string, string> = {}) => h('button', { type: 'button', ...attributes }, label);
  const distance = button(es.tools.measureDistance, { 'aria-pressed': 'false', 'data-tool': 'distancia' });
  const area = button(es.tools.measureArea, { 'aria-pressed': 'false', 'data-tool': 'area' });
  const view3d = button(es.tools.view3d, { 'aria-pressed': 'false', 'data-tool': '3d' });
  const exportButton = button(es.tools.exportPng, { 'data-tool': 'exportar' });
  const share = button(es.tools.share, { 'data-tool': 'compartir' });
  distance.addEventListener('click', () => props.onMeasure('distancia'));
  area.addEventListener('click', () => props.onMeasure('area'));
  view3d.addEventListener('click', () => props.on3d(view3d.getAttribute('aria-pressed') !== 'true'));

  const readout = h('p', { class: 'measure-readout', role: 'status', 'aria-live': 'polite', 'data-measure': '' });
  const addCenter = button(es.tools.addCenter, {
    class: 'secondary',
    'data-tool': 'agregar-centro',
    title: es.tools.addCenterLabel,
    'aria-label': es.tools.addCenterLabel,
  });
  const finish = button(es.tools.finishMeasure, { class: 'secondary', 'data-tool': 'terminar' });
  const clear = button(es.tools.clearMeasure, { class: 'secondary', 'data-tool': 'borrar' });
  addCenter.addEventListener('click', props.onAddCenter);
  finish.addEventListener('click', props.onFinishMeasure);
  clear.addEventListener('click', props.onClearMeasure);
  const measurePanel = h(
    'div',
    { class: 'measure-panel', hidden: true },
    readout,
    h('div', { class: 'measure-actions' }, addCenter, finish, clear),
  );

  const message = h('p', { class: 'tool-message', role: 'status', 'aria-live': 'polite' });
  const shareId = uniqueId('enlace');
  const shareInput = h('input', { id: shareId, type: 'text', readonly: true, class: 'share-url', 'data-share-url': '' });
  const sharePanel = h('div', { class: 'share-panel', hidden: true }, h('label', { for: shareId }, es.tools.shareLabel), shareInput);

  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    try {
      await props.onExport();
      message.textContent = es.tools.exported;
    } catch (error) {
      message.textContent = es.tools.exportFailed((error as Error).message);
    } finally {
      exportButton.disabled = false;
    }
  });
  share.addEventListener('click', async () => {
    const url = props.shareUrl();
    shareInput.value = url;
    sharePanel.hidden = false;
    shareInput.select();
    try {
      await navigator.clipboard.writeText(url);
      message.textContent = es.tools.copied;
    } catch {
      // Without a secure context there is no clipboard API: the selected text box is the fallback.
      message.textContent = es.tools.copyManually;
      shareInput.focus();
      shareInput.select();
    }
  });

  replaceChildren(
    container,
    h('div', { class: 'tool-buttons' }, distance, area, view3d, exportButton, share),
    measurePanel,
    sharePanel,
    message,
  );

  return {
    /** Shows the state of the measurement (or none). */
    renderMeasure(measurement: Measurement | null) {
      distance.setAttribute('aria-pressed', String(measurement?.active === true && measurement.mode === 'distancia'));
      area.setAttribute('aria-pressed', String(measurement?.active === true && measurement.mode === 'area'));
      measurePanel.hidden = measurement === null;
      if (!measurement) return;
      readout.textContent =
        measurement.positions.length === 0 && measurement.active ? es.tools.measureHint : describeMeasurement(measurement);
      readout.dataset.mode = measurement.mode;
      addCenter.hidden = !measurement.active;
      finish.hidden = !measurement.active;
    },
    render3d(on: boolean) {
      view3d.setAttribute('aria-pressed', String(on));
    },
  };
}
