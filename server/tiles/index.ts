import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { chooseEncoder } from './encoder.ts';
import { registerMetadataRoutes } from './metadata-routes.ts';
import { registerTileRoutes } from './tile-routes.ts';
import { TileService } from './tile-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Vector tile rendering, caching and its statistics. */
    tiles: TileService;
  }
}

export interface TilePluginOptions {
  /** Bytes of tile bodies kept in memory (default 64 MiB). */
  cacheBytes?: number;
  /** Milliseconds a snapshot of layer versions is reused (default 0: read on every request). */
  versionTtlMs?: number;
}

const defaultCacheBytes = 64 * 1024 * 1024;

/**
 * Vector tiles (OGC API – Tiles, WebMercatorQuad): the map tileset at
 * `/tiles`, one tileset per collection at `/collections/{id}/tiles`, the tile
 * matrix set and TileJSON documents. The encoder follows the database's
 * capabilities (see encoder.ts).
 */
export default fp<TilePluginOptions>(
  async function tileRoutes(app: FastifyInstance, options) {
    const service = new TileService(
      app.db,
      chooseEncoder(app.capabilities),
      options.cacheBytes ?? defaultCacheBytes,
      options.versionTtlMs ?? 0,
    );
    app.decorate('tiles', service);
    registerMetadataRoutes(app, app.db);
    registerTileRoutes(app, service);
  },
  { name: 'tiles' },
);
