/**
 * Client configuration, fixed when the client is built (Vite reads `VITE_*`
 * variables from the environment of `npm run build`). Everything works
 * without any of them: the map needs no internet.
 */
export interface ExternalBasemap {
  /** XYZ raster tile URL template with {z}/{x}/{y}. */
  tiles: string;
  /** Attribution required by the tile provider, shown on the map and in exports. */
  attribution: string;
}

/**
 * The optional external basemap from build variables: an https URL with
 * {z}, {x} and {y}, and a non-empty attribution; otherwise none (and a
 * warning in the console when only half of it was given).
 */
export function readBasemap(env: { VITE_SIT_BASEMAP_TILES?: string; VITE_SIT_BASEMAP_ATTRIBUTION?: string }): ExternalBasemap | null {
  const tiles = env.VITE_SIT_BASEMAP_TILES?.trim();
  const attribution = env.VITE_SIT_BASEMAP_ATTRIBUTION?.trim();
  if (!tiles) return null;
  if (!/^https:\/\/[^\s]+$/.test(tiles) || !['{z}', '{x}', '{y}'].every((part) => tiles.includes(part)) || !attribution) {
    console.warn(
      'VITE_SIT_BASEMAP_TILES necesita una URL https con {z}, {x} e {y}, y VITE_SIT_BASEMAP_ATTRIBUTION su atribución; el mapa base externo queda desactivado.',
    );
    return null;
  }
  return { tiles, attribution };
}

/** The optional external basemap: none unless configured, and even then off until the user turns it on. */
export const externalBasemap = readBasemap(import.meta.env);
