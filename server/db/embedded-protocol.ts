/** Messages between the main thread (`embedded.ts`) and the PGlite worker (`embedded-worker.ts`). */

export interface WorkerStart {
  /** Data directory, or null for a throw-away database in memory. */
  dataDir: string | null;
}

export type WorkerRequest =
  | { id: number; kind: 'query'; text: string; params: readonly unknown[]; tx?: number; prepared?: boolean }
  | { id: number; kind: 'exec'; text: string; tx?: number }
  | { id: number; kind: 'begin' | 'commit' | 'rollback'; tx: number }
  | { id: number; kind: 'close' };

/** The answer to request `id`; id 0 is the worker saying it opened the database (or could not). */
export type WorkerReply = { id: number; ok: true; rows: unknown } | { id: number; ok: false; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** PostgreSQL error fields worth carrying across the thread boundary (structured clone keeps only the message). */
const errorFields = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const field of errorFields) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) fields[field] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/** Rebuilds an error thrown in the worker, with the same code, detail, constraint… as PGlite gave it. */
export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  return Object.assign(error, serialized.fields);
}

/** A request before the main thread numbers it. */
export type RequestBody = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
