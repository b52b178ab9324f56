/** An error answer of the SIT API: its code and the Spanish description for the user. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** GETs JSON from the SIT API, turning error answers into ApiRequestError with the server's message. */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; description?: string; field?: string } | null;
    throw new ApiRequestError(response.status, body?.code ?? 'http_error', body?.description ?? `HTTP ${response.status}`, body?.field);
  }
  return (await response.json()) as T;
}

interface FeaturePage<F> {
  features: F[];
  links?: { rel: string; href: string }[];
}

/**
 * Every feature of an OGC API – Features items URL, following `next` links
 * page after page (the server caps a page at 10 000 features).
 */
export async function getAllFeatures<F>(url: string, init?: RequestInit): Promise<F[]> {
  const features: F[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < 1000; page += 1) {
    const body: FeaturePage<F> = await getJson<FeaturePage<F>>(next, init);
    features.push(...body.features);
    next = body.links?.find((link) => link.rel === 'next')?.href;
  }
  return features;
}
