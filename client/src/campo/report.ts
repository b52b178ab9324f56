/** Waste categories a field report may name (the `categoria_residuo` enum of the SIT). */
export const wasteCategories = ['domiciliarios', 'escombros', 'voluminosos', 'neumaticos', 'residuos_verdes', 'mixto'] as const;
export type WasteCategory = (typeof wasteCategories)[number];

/** Land tenure of the site (the `tenencia` enum of the SIT). */
export const tenures = ['publica', 'privada', 'desconocida'] as const;
export type Tenure = (typeof tenures)[number];

/** Where the position came from: the phone's GPS, or a tap/drag on the map. */
export type PositionOrigin = 'gps' | 'mapa';

/** Photos per report, inclusive. */
export const minPhotos = 1;
export const maxPhotos = 5;
/** Longest side of a photo after resizing on the phone, pixels. */
export const maxPhotoSide = 1600;
/** JPEG quality of the resized photos (0–1). */
export const photoQuality = 0.85;
/** Longest notes accepted, characters. */
export const maxNotesLength = 2000;
/** Largest area or volume a person could mean for a micro-dump (m² or m³). */
export const maxMeasure = 1_000_000;

/**
 * The JSON part of POST /campo/reportes (field `reporte`). Longitude and
 * latitude are WGS 84 degrees (EPSG:4326); `creado_en` is the phone's ISO time.
 */
export interface ReportBody {
  uuid: string;
  lon: number;
  lat: number;
  precision_gps_m: number | null;
  origen_posicion: PositionOrigin;
  categoria_residuo: WasteCategory;
  superficie_m2: number | null;
  volumen_m3: number | null;
  tenencia: Tenure;
  notas: string | null;
  creado_en: string;
}

/** A photo already resized on the phone, ready to be sent as one `fotos` file. */
export interface ReportPhoto {
  blob: Blob;
  width: number;
  height: number;
}
