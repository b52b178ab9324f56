/**
 * An error meant for the client: HTTP status, a stable machine code, a
 * message a person understands (es-CL) and, when one is at fault, the field.
 * Every error leaves through the one handler in plugins/errors.ts.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds after which a retry may succeed (503, 429): sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, field?: string) => new ApiError(400, code, message, field);
export const notFound = (message: string, field?: string) => new ApiError(404, 'not_found', message, field);

/** The JSON body of every error answer (the OGC API `exception` schema plus `field`). */
export interface ErrorBody {
  code: string;
  description: string;
  field?: string;
}
