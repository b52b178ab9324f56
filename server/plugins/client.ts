import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends the client's index.html, or a 503 page telling how to build it. */
    sendClient(reply: FastifyReply): FastifyReply;
  }
}

/**
 * Serves the built client (Vite output) when it exists. `/` itself belongs to
 * the OGC landing route, which hands browsers the client through `sendClient`.
 */
export default fp<{ clientDir: string }>(async function clientPlugin(app: FastifyInstance, { clientDir }) {
  const built = existsSync(path.join(clientDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      index: false,
      wildcard: false,
      cacheControl: false,
      setHeaders(reply, file) {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The field app (issue 7): its start_url and service-worker scope is /campo.
    app.get('/campo', { schema: { hide: true } }, (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('campo.html'));
  } else {
    app.log.warn({ clientDir }, 'el cliente no está compilado: ejecute npm run build');
  }
  app.decorate('sendClient', (reply: FastifyReply) => {
    if (built) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="es-CL"><meta charset="utf-8"><title>SIT Vallenar</title><p>El cliente no está compilado. Ejecute <code>npm run build</code> o <code>npm start</code>.</p></html>',
      );
  });
});
