const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * True when an error means "the database cannot be reached right now"
 * (refused, reset, shutting down, connect timeout), as opposed to an error
 * in a query. Such errors become 503 answers and heal when the server returns.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (connectionCodes.has(code)) return true;
    // 08xxx connection exceptions, 57P01-57P03 admin shutdown / crash / cannot connect now.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  if (typeof message === 'string') {
    return /timeout exceeded when trying to connect|Connection terminated|connection terminated|Client has encountered a connection error/i.test(
      message,
    );
  }
  return false;
}
