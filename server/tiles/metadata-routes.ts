import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { findLayer } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { dataBounds } from './data-bounds.ts';
import { readVersionToken } from './layer-versions.ts';
import { tileJson, tilesetList, tilesetMetadata, type Bounds } from './metadata.ts';
import { collectionTileset, mapTileset, type Tileset } from './tilesets.ts';
import { tileMatrixSetDefinition, tileMatrixSetId } from './web-mercator.ts';

const CollectionParams = Type.Object({ collectionId: Type.String() });

/** `http://host:port` as the client addressed the server, for absolute links. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function collectionTilesetOf(request: FastifyRequest): Tileset {
  const { collectionId } = request.params as { collectionId: string };
  const layer = findLayer(collectionId);
  if (!layer) throw notFound(`No existe la colección «${collectionId}».`, 'collectionId');
  return collectionTileset(layer);
}

/** Data bounds per tileset, recomputed only when one of its layers was written. */
function boundsCache(db: Queryable) {
  const known = new Map<string, { versions: string; bounds: Bounds }>();
  return async (tileset: Tileset): Promise<Bounds> => {
    const layers = tileset.layers.map((entry) => entry.layer);
    const versions = await readVersionToken(db, layers);
    const cached = known.get(tileset.key);
    if (cached?.versions === versions) return cached.bounds;
    const bounds = await dataBounds(db, layers);
    known.set(tileset.key, { versions, bounds });
    return bounds;
  };
}

/** JSON documents: tile matrix set, OGC tileset lists and metadata, TileJSON. */
export function registerMetadataRoutes(app: FastifyInstance, db: Queryable) {
  const boundsOf = boundsCache(db);
  const tags = ['teselas'];

  app.get('/tileMatrixSets', { schema: { summary: 'Conjuntos de matrices de teselas', tags } }, async (request) => ({
    tileMatrixSets: [
      {
        id: tileMatrixSetId,
        title: 'Google Maps Compatible for the World',
        links: [{ rel: 'self', type: 'application/json', href: `${originOf(request)}/tileMatrixSets/${tileMatrixSetId}` }],
      },
    ],
  }));
  app.get(`/tileMatrixSets/${tileMatrixSetId}`, { schema: { summary: 'Definición de WebMercatorQuad', tags } }, async () =>
    tileMatrixSetDefinition(),
  );

  app.get('/tiles', { schema: { summary: 'Conjuntos de teselas del mapa', tags } }, async (request) =>
    tilesetList(originOf(request), mapTileset),
  );
  app.get(`/tiles/${tileMatrixSetId}`, { schema: { summary: 'Metadatos de las teselas del mapa', tags } }, async (request) =>
    tilesetMetadata(originOf(request), mapTileset),
  );
  app.get('/tiles/tilejson.json', { schema: { summary: 'TileJSON de las teselas del mapa', tags } }, async (request) =>
    tileJson(originOf(request), mapTileset, await boundsOf(mapTileset)),
  );

  const params = CollectionParams;
  app.get(
    '/collections/:collectionId/tiles',
    { schema: { summary: 'Conjuntos de teselas de una colección', tags, params } },
    async (request) => tilesetList(originOf(request), collectionTilesetOf(request)),
  );
  app.get(
    `/collections/:collectionId/tiles/${tileMatrixSetId}`,
    { schema: { summary: 'Metadatos de las teselas de una colección', tags, params } },
    async (request) => tilesetMetadata(originOf(request), collectionTilesetOf(request)),
  );
  app.get(
    '/collections/:collectionId/tiles/tilejson.json',
    { schema: { summary: 'TileJSON de una colección', tags, params } },
    async (request) => {
      const tileset = collectionTilesetOf(request);
      return tileJson(originOf(request), tileset, await boundsOf(tileset));
    },
  );
}
