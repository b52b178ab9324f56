import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Link as LinkSchema } from './schemas.ts';

/** A link of the API's JSON documents. */
export type Link = Static<typeof LinkSchema>;

export const mediaTypes = {
  json: 'application/json',
  geoJson: 'application/geo+json',
  html: 'text/html',
  openApi: 'application/vnd.oai.openapi+json;version=3.0',
  jsonSchema: 'application/schema+json',
} as const;

const hostPattern = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * The absolute root URL clients reached, e.g. `https://sit.vallenar.cl`:
 * X-Forwarded-Proto/Host from a reverse proxy when present, else the
 * request's own protocol and Host. A host that is not a plain host[:port]
 * is ignored, so a forged header cannot inject text into the links.
 */
export function baseUrl(request: FastifyRequest): string {
  const forwardedProto = firstValue(request.headers['x-forwarded-proto'])?.toLowerCase();
  const protocol = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : request.protocol;
  const candidates = [firstValue(request.headers['x-forwarded-host']), firstValue(request.headers.host)];
  const host = candidates.find((candidate) => candidate !== undefined && hostPattern.test(candidate)) ?? 'localhost';
  return `${protocol}://${host}`;
}

/** The query string of a request as URLSearchParams (repeated names kept). */
export function requestParameters(request: FastifyRequest): URLSearchParams {
  const index = request.url.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : request.url.slice(index + 1));
}

/** `base + path`, with the given query parameters when there are any. */
export function href(base: string, path: string, parameters?: URLSearchParams): string {
  const query = parameters?.toString();
  return query ? `${base}${path}?${query}` : `${base}${path}`;
}

/** A copy of `parameters` with `name` set to `value` (or removed when `value` is undefined). */
export function withParameter(parameters: URLSearchParams, name: string, value: string | undefined): URLSearchParams {
  const copy = new URLSearchParams(parameters);
  if (value === undefined) copy.delete(name);
  else copy.set(name, value);
  return copy;
}

/** The path of a request without its query string. */
export function requestPath(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? request.url : request.url.slice(0, index);
}
