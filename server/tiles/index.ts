import type { FastifyInstance } from 'fastify';

/** Vector tiles (OGC API – Tiles, WebMercatorQuad). */
export default async function tileRoutes(_app: FastifyInstance) {}
