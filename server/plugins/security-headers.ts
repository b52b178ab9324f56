import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. The pages load nothing from
 * other origins; what each directive allows beyond 'self', and why:
 * - style-src 'unsafe-inline': the printable reports carry their own <style>
 *   and the workbench sets style attributes on elements it builds; no page
 *   parses HTML from data, so this does not open a way to inject markup.
 * - img-src data: blob:: the favicon and the PRC review's map are data: URLs;
 *   photos chosen on the phone are previewed from blob: URLs.
 * - worker-src/child-src blob:: 'self' covers MapLibre's worker file and the
 *   field app's service worker; loaders.gl (inside deck.gl) starts its
 *   workers from blob: URLs (child-src for browsers without worker-src).
 * Scripts only from the SIT itself, never inline or eval'd.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every answer, pages, API and errors alike, through
 * @fastify/helmet: the CSP above, X-Content-Type-Options: nosniff,
 * X-Frame-Options: DENY, Referrer-Policy: no-referrer (the SIT links to
 * nothing outside, and its URLs carry the view in the fragment),
 * Cross-Origin-Opener-Policy and -Resource-Policy same-origin. Not sent:
 * upgrade-insecure-requests (the SIT may be served over plain HTTP inside the
 * municipal network) and Strict-Transport-Security (the TLS proxy in front,
 * which knows the domain, decides it). Registered before the other plugins
 * so its onRequest hook runs first, and even a 401 from the auth hook has
 * the headers.
 */
export default fp(async function securityHeadersPlugin(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
});
