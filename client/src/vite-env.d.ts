/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional external raster basemap, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (off by default). */
  readonly VITE_SIT_BASEMAP_TILES?: string;
  /** Its attribution, e.g. "© colaboradores de OpenStreetMap". */
  readonly VITE_SIT_BASEMAP_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
