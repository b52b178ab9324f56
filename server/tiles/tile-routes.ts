import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { findLayer, type LayerDefinition } from '../catalog/index.ts';
import { notFound } from '../errors.ts';
import { acceptsGzip } from './http-caching.ts';
import { mvtType } from './metadata.ts';
import { parseTileAddress, type TileParams } from './tile-address.ts';
import type { TileService } from './tile-service.ts';
import { collectionTileset, mapTileset, type Tileset } from './tilesets.ts';
import { tileMatrixSetId } from './web-mercator.ts';

/** Browsers and proxies may reuse a tile for a minute without asking; after that they revalidate with the ETag. */
export const tileCacheControl = 'public, max-age=60';

const tileParams = {
  tileMatrix: Type.String({ description: 'Nivel de zoom (z), 0 a 22' }),
  tileRow: Type.String({ description: 'Fila de la tesela (y), de norte a sur' }),
  tileCol: Type.String({ description: 'Columna de la tesela (x), de oeste a este' }),
};
const CollectionTileParams = Type.Object({ collectionId: Type.String(), ...tileParams });
const MapTileParams = Type.Object(tileParams);

async function sendTile(service: TileService, tileset: Tileset, request: FastifyRequest, reply: FastifyReply) {
  const address = parseTileAddress(request.params as TileParams);
  const started = performance.now();
  const outcome = await service.tile(tileset, address, {
    ifNoneMatch: request.headers['if-none-match'],
    acceptsGzip: acceptsGzip(request.headers['accept-encoding']),
  });
  if (request.log.level === 'debug' || request.log.level === 'trace') {
    request.log.debug(
      {
        tileset: tileset.key,
        tile: `${address.z}/${address.y}/${address.x}`,
        status: outcome.status,
        ms: Math.round(performance.now() - started),
      },
      'tesela',
    );
  }
  reply.header('Cache-Control', tileCacheControl).header('Vary', 'Accept-Encoding').header('ETag', outcome.etag);
  if (outcome.status !== 200) return reply.code(outcome.status).send();
  if (outcome.gzip) reply.header('Content-Encoding', 'gzip');
  return reply.code(200).type(mvtType).send(outcome.body);
}

/** The tileset of each collection, made once (a tile request allocates nothing it can share). */
const collectionTilesets = new Map<string, Tileset>();

function tilesetOf(layer: LayerDefinition): Tileset {
  let tileset = collectionTilesets.get(layer.id);
  if (!tileset) collectionTilesets.set(layer.id, (tileset = collectionTileset(layer)));
  return tileset;
}

/** Tile routes: the map tileset and one tileset per collection, WebMercatorQuad, OGC order z/y/x. */
export function registerTileRoutes(app: FastifyInstance, service: TileService) {
  const description = 'Tesela vectorial (Mapbox Vector Tile). 204 si está vacía; ETag y If-None-Match; gzip si se acepta.';
  app.get(
    `/tiles/${tileMatrixSetId}/:tileMatrix/:tileRow/:tileCol`,
    { schema: { summary: 'Tesela del mapa (todas las capas visibles en el zoom)', description, tags: ['teselas'], params: MapTileParams } },
    (request, reply) => sendTile(service, mapTileset, request, reply),
  );
  app.get(
    `/collections/:collectionId/tiles/${tileMatrixSetId}/:tileMatrix/:tileRow/:tileCol`,
    { schema: { summary: 'Tesela de una colección', description, tags: ['teselas'], params: CollectionTileParams } },
    (request, reply) => {
      const { collectionId } = request.params as { collectionId: string };
      const layer = findLayer(collectionId);
      if (!layer) throw notFound(`No existe la colección «${collectionId}».`, 'collectionId');
      return sendTile(service, tilesetOf(layer), request, reply);
    },
  );
}
