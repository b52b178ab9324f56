import type { AppState } from './app-state.ts';

export type Listener = (state: AppState, previous: AppState) => void;

/** The one holder of the workbench's state: panels and map read it and change it through `update`. */
export class Store {
  #state: AppState;
  readonly #listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.#state = initial;
  }

  get state(): AppState {
    return this.#state;
  }

  /** Replaces the state with `change(state)` (a new object) and tells every listener. */
  update(change: (state: AppState) => AppState): void {
    const previous = this.#state;
    const next = change(previous);
    if (next === previous) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
