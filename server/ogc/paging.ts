import { href, mediaTypes, withParameter, type Link } from './links.ts';

export interface PageLinksInput {
  base: string;
  /** Canonical path of the items resource, e.g. `/collections/comuna/items`. */
  path: string;
  /** The request's query parameters; every one is kept in the links. */
  parameters: URLSearchParams;
  limit: number;
  offset: number;
  returned: number;
  /** Whether features follow this page. */
  hasNext: boolean;
  collectionTitle: string;
}

/** The media type of this answer and of its alternate: `f=json` serves the same GeoJSON as application/json. */
export function answerTypes(parameters: URLSearchParams): { own: string; other: string; otherParameters: URLSearchParams } {
  const asJson = parameters.get('f') === 'json';
  return asJson
    ? { own: mediaTypes.json, other: mediaTypes.geoJson, otherParameters: withParameter(parameters, 'f', undefined) }
    : { own: mediaTypes.geoJson, other: mediaTypes.json, otherParameters: withParameter(parameters, 'f', 'json') };
}

/**
 * Links of a page of features: self and alternate (the same page), next and
 * prev (the same query with another offset, `limit` made explicit) and the
 * collection. Every other parameter of the request is kept.
 */
export function pageLinks(input: PageLinksInput): Link[] {
  const { base, path, parameters, limit, offset } = input;
  const types = answerTypes(parameters);
  const page = (at: number) => withParameter(withParameter(parameters, 'limit', String(limit)), 'offset', String(at));
  const links: Link[] = [
    { href: href(base, path, parameters), rel: 'self', type: types.own, title: 'Esta página' },
    { href: href(base, path, types.otherParameters), rel: 'alternate', type: types.other, title: 'Esta página en otro formato' },
  ];
  if (input.hasNext) {
    links.push({ href: href(base, path, page(offset + input.returned)), rel: 'next', type: types.own, title: 'Página siguiente' });
  }
  if (offset > 0) {
    links.push({ href: href(base, path, page(Math.max(0, offset - limit))), rel: 'prev', type: types.own, title: 'Página anterior' });
  }
  const collectionPath = path.replace(/\/items$/, '');
  links.push({ href: `${base}${collectionPath}`, rel: 'collection', type: mediaTypes.json, title: input.collectionTitle });
  return links;
}
