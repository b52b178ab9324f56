import type { LayerDefinition } from '../catalog/index.ts';
import type { Capabilities } from '../db/capabilities.ts';
import type { Queryable } from '../db/database.ts';
import type { TileAddress } from './tile-address.ts';
import { nodeEncoder } from './node-encoder.ts';
import { postgisEncoder } from './postgis-encoder.ts';

export type EncoderName = 'postgis' | 'node';

/**
 * Turns the features of some layers in one tile into Mapbox Vector Tile
 * bytes, one MVT layer per catalogue layer that has features there. An empty
 * result means the tile is empty.
 */
export interface TileEncoder {
  readonly name: EncoderName;
  encode(db: Queryable, tile: TileAddress, layers: readonly LayerDefinition[]): Promise<Buffer>;
}

/**
 * The one place where the encoder is chosen: ST_AsMVT where PostGIS has it
 * (a PostgreSQL/PostGIS server), the SQL emulation of ST_AsMVTGeom plus the
 * Node encoder otherwise (the embedded PostGIS, built without protobuf-c).
 */
export function chooseEncoder(capabilities: Pick<Capabilities, 'mvt'>): TileEncoder {
  return capabilities.mvt ? postgisEncoder : nodeEncoder;
}

/** Both encoders by name, for tests that compare them on one database. */
export const encoders: Record<EncoderName, TileEncoder> = { postgis: postgisEncoder, node: nodeEncoder };
