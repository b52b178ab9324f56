import type { FastifyInstance } from 'fastify';
import collectionRoutes from './collections.ts';
import itemRoutes from './items.ts';
import landingRoutes from './landing.ts';
import { LayerStatsCache } from './layer-stats.ts';
import openApiRoutes from './openapi.ts';
import { formatValidationError } from './validation-errors.ts';

/**
 * OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by
 * reference) over the layer catalogue: landing page, conformance, API
 * definition, collections and items. Every SQL identifier comes from the
 * catalogue; Ajv errors of these routes become Spanish 400 answers.
 */
export default async function ogcRoutes(app: FastifyInstance) {
  app.setSchemaErrorFormatter(formatValidationError);
  const stats = new LayerStatsCache(app.db);
  await app.register(landingRoutes);
  await app.register(openApiRoutes);
  await app.register(collectionRoutes, { stats });
  await app.register(itemRoutes, { stats });
}
