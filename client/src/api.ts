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
