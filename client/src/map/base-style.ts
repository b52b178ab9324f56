import type { StyleSpecification } from 'maplibre-gl';

/**
 * The offline base style: no external tiles, fonts or sprites. Territory
 * layers are added from the SIT's own API.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'SIT Vallenar (local)',
    sources: {},
    layers: [{ id: 'fondo', type: 'background', paint: { 'background-color': '#eef1ec' } }],
  };
}
