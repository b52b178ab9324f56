import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.ts';

/** Deepest JSON nesting a request body may have; a MultiPolygon needs 4 levels inside its Feature. */
export const maxJsonDepth = 32;

/** How deeply a parsed JSON value nests, walked with an explicit stack (a deep value cannot overflow it). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * JSON bodies (application/json, application/geo+json as OGC API – Features
 * Part 4 sends, application/merge-patch+json for PATCH): Fastify's own parser
 * (prototype-poisoning protection included), then a nesting limit, so no
 * later step ever recurses into a hostile body.
 */
export default fp(async function jsonBodyPlugin(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/geo+json', 'application/merge-patch+json'],
    { parseAs: 'string' },
    (request, body, done) => {
      parse(request, body as string, (error: Error | null, value?: unknown) => {
        if (error) return done(error, undefined);
        if (jsonDepth(value, maxJsonDepth) > maxJsonDepth) {
          return done(
            new ApiError(400, 'json_too_deep', `El JSON anida más de ${maxJsonDepth} niveles; no es un objeto geográfico válido.`),
            undefined,
          );
        }
        done(null, value);
      });
    },
  );
});
