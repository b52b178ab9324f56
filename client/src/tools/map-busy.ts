/**
 * Who is using clicks on the map right now (a drawing, a pick for an
 * analysis, a geometry being edited). While anyone is, a click belongs to
 * them and must not also open a project's card.
 */
const owners = new Set<string>();

export function setMapBusy(owner: string, busy: boolean): void {
  if (busy) owners.add(owner);
  else owners.delete(owner);
}

export function mapBusy(): boolean {
  return owners.size > 0;
}
