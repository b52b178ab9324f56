/**
 * One classification of database errors, used by the error handler and by
 * every place that must tell a fault of the database from bad input. A fault
 * is never the client's doing: it becomes a 503 with Retry-After, never a 4xx.
 */
export type DatabaseFault =
  /** The database cannot be reached now: refused, reset, shutting down, connection lost mid-statement. */
  | 'unavailable'
  /** A statement ran past its time limit (statement_timeout, or the embedded worker's limit). */
  | 'timeout'
  /** No connection could be had in time, or the server refused one more: the database is busy. */
  | 'busy';

const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** What kind of database fault `error` is, or null when it is not one (a query error, bad input, a bug). */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (!error || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (connectionCodes.has(code)) return 'unavailable';
    // 08xxx connection exceptions; 57P01–57P03 admin shutdown, crash shutdown, cannot connect now.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return 'unavailable';
    // 57014 query_canceled (statement_timeout); 25P03 idle-in-transaction timeout.
    if (code === '57014' || code === '25P03') return 'timeout';
    // 53xxx insufficient resources (too many connections, out of memory); 55P03 lock not available.
    if (/^53/.test(code) || code === '55P03') return 'busy';
  }
  if (typeof message === 'string') {
    if (/timeout exceeded when trying to connect/i.test(message)) return 'busy';
    if (
      /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|terminating connection/i.test(
        message,
      )
    ) {
      return 'unavailable';
    }
  }
  return null;
}

/** True when `error` means "the database cannot be reached right now" (used while waiting for it at start). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFault(error) === 'unavailable';
}

/** Spanish answers for each fault: what happened and what the person can do. */
export const faultAnswers: Record<DatabaseFault, { code: string; description: string; retryAfter: number }> = {
  unavailable: {
    code: 'database_unavailable',
    description: 'La base de datos no está disponible en este momento; reintente en unos segundos.',
    retryAfter: 5,
  },
  timeout: {
    code: 'database_timeout',
    description:
      'La consulta superó el tiempo máximo y se canceló sin cambiar nada; reintente más tarde o acote la solicitud (menos capas, una geometría más simple).',
    retryAfter: 10,
  },
  busy: {
    code: 'database_busy',
    description: 'El servidor está atendiendo demasiadas solicitudes; reintente en unos segundos.',
    retryAfter: 2,
  },
};
