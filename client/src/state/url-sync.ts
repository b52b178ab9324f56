import { defaultState, type AppState, type LayerSetting } from './app-state.ts';
import type { Store } from './store.ts';
import { decodeState, encodeState } from './url-state.ts';

/** Milliseconds the URL waits after the last change before it is rewritten (panning changes it every frame). */
const delay = 250;

/**
 * Keeps the URL fragment equal to the state, so the address bar is always a
 * link to the current view; a fragment pasted or edited by hand is applied
 * through `onExternalChange`. The history is replaced, not pushed.
 */
export function syncUrl(store: Store, layerDefaults: Record<string, LayerSetting>, onExternalChange: (state: AppState) => void) {
  let written = location.hash.replace(/^#/, '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    const fragment = encodeState(store.state, layerDefaults);
    if (fragment === written) return;
    written = fragment;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`);
  };
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(write, delay);
  });
  window.addEventListener('hashchange', () => {
    const fragment = location.hash.replace(/^#/, '');
    if (fragment === written) return;
    written = fragment;
    onExternalChange(decodeState(fragment, defaultState(layerDefaults)));
  });
  return {
    /** The link to the current view, written now. */
    shareUrl(): string {
      write();
      return location.href;
    },
  };
}
