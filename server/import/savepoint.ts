import type { Queryable } from '../db/database.ts';

let counter = 0;

/**
 * Runs `work` inside a savepoint of the current transaction: if it throws,
 * only its own statements are undone and the transaction stays usable (a
 * failed statement would otherwise abort the whole import).
 */
export async function withSavepoint<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  counter += 1;
  const name = `import_step_${counter}`;
  await tx.query(`savepoint ${name}`);
  try {
    const result = await work();
    await tx.query(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await tx.query(`rollback to savepoint ${name}`);
    throw error;
  }
}

/** A PostgreSQL error explained in Spanish, without SQL or internals. */
export function explainDatabaseError(error: unknown): string {
  const failure = error as { code?: string; constraint?: string; column?: string; message?: string };
  switch (failure.code) {
    case '23505':
      return `repite un valor que debe ser único en la capa${failure.constraint ? ` (${failure.constraint})` : ''}`;
    case '23514':
      return `no cumple una regla de la tabla${failure.constraint ? ` (${failure.constraint})` : ''}`;
    case '23502':
      return `le falta un valor obligatorio${failure.column ? ` («${failure.column}»)` : ''}`;
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return 'tiene un valor con formato o rango inválido para su columna';
    default:
      return `la base de datos lo rechazó (${(failure.message ?? String(error)).split('\n')[0]})`;
  }
}
