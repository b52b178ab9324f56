import { demoSummaryText } from '../../../server/figures/demo-text.ts';
import { h } from '../ui/dom.ts';
import { figuresTexts } from './figures-texts-es.ts';

/**
 * The marked note over any figure that includes demo data, naming what: the
 * same words and look in every panel. `attribute` is the data-* hook the
 * browser tests read.
 */
export function demoBanner(datos: Record<string, number>, attribute: string): HTMLElement {
  return h(
    'p',
    {
      role: 'note',
      [attribute]: '',
      style: 'border:1px dashed #b5121b;color:#7a0c12;background:#fff6f6;padding:4px;font-size:0.85em',
    },
    figuresTexts.demoBanner(demoSummaryText(datos)),
  );
}
