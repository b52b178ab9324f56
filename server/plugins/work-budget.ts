import fp from 'fastify-plugin';
import type { FastifyInstance, onRequestHookHandler, RouteHandlerMethod } from 'fastify';
import { WorkBudget, heavyWork } from '../limits/work-budget.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The budget of heavy work (analysis, reports, exports). */
    heavyBudget: WorkBudget;
  }
}

/** Routes whose work grows with the data or with the request: spatial analysis, reports and exports. */
const heavyPrefixes = ['/analysis/', '/reportes/', '/exportar/'];

/**
 * Bodies of analysis requests that carry only a geometry: 1 MiB holds a
 * polygon at the vertex limit (10 000 positions at full precision take about
 * 0.4 MB) with room to spare.
 */
const geometryBodyLimit = 1024 * 1024;
const geometryRoutes = new Set(['/analysis/proximidad', '/analysis/revision-prc']);

export interface WorkBudgetOptions {
  concurrency: number;
  queueLength: number;
  maxWaitMs: number;
}

/**
 * Puts every heavy route inside one concurrency budget (see WorkBudget) and
 * marks its database work as heavy, so the embedded database runs map reads
 * and writes first. Must be registered before the routes it wraps.
 */
export default fp<WorkBudgetOptions>(async function workBudgetPlugin(app: FastifyInstance, options) {
  const budget = new WorkBudget(options.concurrency, options.queueLength, options.maxWaitMs);
  app.decorate('heavyBudget', budget);
  app.addHook('onRoute', (route) => {
    if (!heavyPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
    if (geometryRoutes.has(route.url)) route.bodyLimit ??= geometryBodyLimit;
    // Refused before the body is read when the budget is already full: a flood costs no parsing.
    const refuseWhenFull: onRequestHookHandler = async () => {
      if (budget.full) throw budget.refusal();
    };
    route.onRequest = [...(Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : []), refuseWhenFull];
    const handler = route.handler as (...args: Parameters<RouteHandlerMethod>) => unknown;
    route.handler = function budgeted(this: FastifyInstance, request, reply) {
      return budget.run(() => heavyWork.run(true, async () => handler.call(this, request, reply)));
    } as RouteHandlerMethod;
  });
});
