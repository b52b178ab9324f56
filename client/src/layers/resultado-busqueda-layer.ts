import { ScatterplotLayer } from '@deck.gl/layers';

export const searchMarkerLayerId = 'resultado-busqueda';

/** A ring on the place a search result points at (lon/lat), until another is chosen. */
export function searchMarkerLayer(position: [number, number] | null) {
  return new ScatterplotLayer<[number, number]>({
    id: searchMarkerLayerId,
    data: position ? [position] : [],
    visible: position !== null,
    getPosition: (point) => point,
    getRadius: 14,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: [255, 170, 0, 255],
    getLineWidth: 4,
    lineWidthUnits: 'pixels',
  });
}
