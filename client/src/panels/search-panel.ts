import type { Static } from 'typebox';
import type { SearchHit, SearchResult } from '../../../server/routes/search/schemas.ts';
import { getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

export type SearchHitFeature = Static<typeof SearchHit>;
type SearchResultBody = Static<typeof SearchResult>;

/**
 * The search box: Enter (or the button) asks `/buscar` and lists the hits;
 * each hit is a button that hands it to `onChoose` (zoom, select).
 */
export function mountSearchPanel(container: HTMLElement, onChoose: (hit: SearchHitFeature) => void): { focus(): void } {
  const inputId = uniqueId('buscar');
  const headingId = uniqueId('buscar-titulo');
  const input = h('input', {
    id: inputId,
    type: 'search',
    name: 'q',
    autocomplete: 'off',
    placeholder: es.search.placeholder,
    maxlength: 200,
    enterkeyhint: 'search',
  });
  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const results = h('ul', { class: 'search-results', 'aria-labelledby': headingId });
  const form = h(
    'form',
    { role: 'search', class: 'search-form' },
    h('label', { for: inputId, class: 'search-label' }, es.search.label),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, es.search.submit)),
  );
  let request = 0;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query.replace(/\s/g, '').length < 2) {
      status.textContent = es.search.tooShort;
      results.replaceChildren();
      return;
    }
    const current = ++request;
    status.textContent = es.search.searching;
    try {
      const body = await getJson<SearchResultBody>(`/buscar?${new URLSearchParams({ q: query, limit: '20' })}`);
      if (current !== request) return;
      status.textContent = body.features.length === 0 ? es.search.none(query) : es.search.results(body.features.length, query);
      replaceChildren(
        results,
        ...body.features.map((hit) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'search-hit',
                'data-capa': hit.properties.capa,
                'data-codigo': hit.properties.codigo ?? '',
                onclick: () => onChoose(hit),
              },
              h('span', { class: 'hit-title' }, hit.properties.titulo),
              h(
                'span',
                { class: 'hit-meta' },
                [hit.properties.capaTitulo, hit.properties.subtitulo, hit.geometry ? null : es.search.unlocated]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      if (current === request) status.textContent = es.search.failed((error as Error).message);
    }
  });
  replaceChildren(container, h('h2', { id: headingId }, es.search.title), form, status, results);
  container.setAttribute('aria-labelledby', headingId);
  return { focus: () => input.focus() };
}
