import type { LayerDefinition, LayerProperty } from '../catalog/index.ts';
import { clusterCountProperty, isClustered } from './layer-query.ts';
import type { Tileset } from './tilesets.ts';
import { maxZoom, tileMatrixSetId, tileMatrixSetLimits, tileMatrixSetUri, webMercatorCrs } from './web-mercator.ts';

/** Longitude/latitude box, degrees: [west, south, east, north]. */
export type Bounds = [number, number, number, number];

export const mvtType = 'application/vnd.mapbox-vector-tile';
const tilingSchemeRel = 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme';

/** Absolute URLs of one tileset, built from the origin the client used (`http://host:port`). */
export function tilesetUrls(origin: string, tileset: Tileset) {
  const root = `${origin}${tileset.path}`;
  return {
    list: root,
    metadata: `${root}/${tileMatrixSetId}`,
    tileJson: `${root}/tilejson.json`,
    ogcTemplate: `${root}/${tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}`,
    xyzTemplate: `${root}/${tileMatrixSetId}/{z}/{y}/{x}`,
    tileMatrixSet: `${origin}/tileMatrixSets/${tileMatrixSetId}`,
  };
}

const geometryDimensions: Partial<Record<LayerDefinition['geometryType'], number>> = {
  Point: 0,
  MultiLineString: 1,
  MultiPolygon: 2,
};

function propertySchema(property: LayerProperty) {
  const type = property.type === 'date' ? 'string' : property.type;
  return {
    type,
    title: property.title,
    ...(property.type === 'date' ? { format: 'date' } : {}),
    ...(property.enum ? { enum: property.enum } : {}),
  };
}

const countSchema = {
  type: 'integer',
  title: 'Puntos agregados',
  description: 'Presente solo en puntos que agregan varios objetos cercanos; entonces el objeto no lleva sus demás propiedades.',
};

function tilesetLayers(tileset: Tileset) {
  return tileset.layers.map(({ layer, minZoom }) => ({
    id: layer.id,
    title: layer.title,
    description: layer.description,
    dataType: 'vector',
    ...(geometryDimensions[layer.geometryType] === undefined ? {} : { geometryDimension: geometryDimensions[layer.geometryType] }),
    minTileMatrix: String(minZoom),
    maxTileMatrix: String(maxZoom),
    propertiesSchema: {
      type: 'object',
      properties: Object.fromEntries([
        ...layer.properties.map((property) => [property.name, propertySchema(property)]),
        ...(isClustered(layer) ? [[clusterCountProperty, countSchema]] : []),
      ]),
    },
  }));
}

function tilesetLinks(origin: string, tileset: Tileset) {
  const urls = tilesetUrls(origin, tileset);
  return [
    { rel: 'self', type: 'application/json', title: 'Metadatos del conjunto de teselas', href: urls.metadata },
    { rel: tilingSchemeRel, type: 'application/json', title: 'Definición de WebMercatorQuad', href: urls.tileMatrixSet },
    { rel: 'item', type: mvtType, title: 'Teselas vectoriales (Mapbox Vector Tile)', href: urls.ogcTemplate, templated: true },
    { rel: 'alternate', type: 'application/json', title: 'TileJSON 3.0.0', href: urls.tileJson },
  ];
}

/** OGC API – Tiles: the list of tilesets of a collection or of the dataset (one, WebMercatorQuad). */
export function tilesetList(origin: string, tileset: Tileset) {
  const urls = tilesetUrls(origin, tileset);
  return {
    links: [{ rel: 'self', type: 'application/json', title: 'Conjuntos de teselas', href: urls.list }],
    tilesets: [
      {
        title: tileset.title,
        dataType: 'vector',
        crs: webMercatorCrs,
        tileMatrixSetURI: tileMatrixSetUri,
        links: tilesetLinks(origin, tileset),
      },
    ],
  };
}

/** OGC API – Tiles: tileset metadata, with the layers and their properties from the catalogue. */
export function tilesetMetadata(origin: string, tileset: Tileset) {
  const minZoom = Math.min(...tileset.layers.map((entry) => entry.minZoom));
  return {
    title: tileset.title,
    description: tileset.description,
    dataType: 'vector',
    crs: webMercatorCrs,
    tileMatrixSetURI: tileMatrixSetUri,
    tileMatrixSetLimits: tileMatrixSetLimits(minZoom),
    layers: tilesetLayers(tileset),
    links: tilesetLinks(origin, tileset),
  };
}

const fieldTypes: Record<LayerProperty['type'], string> = {
  string: 'String',
  integer: 'Number',
  number: 'Number',
  date: 'String',
  boolean: 'Boolean',
};

/** Zoom at which a box of `bounds` about fills a 512-pixel view. */
function zoomToFit(bounds: Bounds): number {
  const span = Math.max(bounds[2] - bounds[0], (bounds[3] - bounds[1]) * 1.5, 1e-6);
  return Math.max(0, Math.min(maxZoom, Math.floor(Math.log2(360 / span))));
}

/**
 * TileJSON 3.0.0 of a tileset. `fields` map each property to its type
 * ("String", "Number", "Boolean"), the convention of tippecanoe and Martin.
 */
export function tileJson(origin: string, tileset: Tileset, bounds: Bounds) {
  const minZoom = Math.min(...tileset.layers.map((entry) => entry.minZoom));
  return {
    tilejson: '3.0.0',
    name: tileset.title,
    description: tileset.description,
    version: '1.0.0',
    attribution: 'SIT Vallenar, Municipalidad de Vallenar (SECPLA). Fuente y precisión en cada objeto.',
    scheme: 'xyz',
    tiles: [tilesetUrls(origin, tileset).xyzTemplate],
    minzoom: minZoom,
    maxzoom: maxZoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(minZoom, zoomToFit(bounds))],
    vector_layers: tileset.layers.map(({ layer, minZoom: layerMinZoom }) => ({
      id: layer.id,
      description: layer.title,
      minzoom: layerMinZoom,
      maxzoom: maxZoom,
      fields: Object.fromEntries([
        ...layer.properties.map((property) => [property.name, fieldTypes[property.type]]),
        ...(isClustered(layer) ? [[clusterCountProperty, 'Number']] : []),
      ]),
    })),
  };
}
