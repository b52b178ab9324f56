import type { Queryable } from '../db/database.ts';

export type AuditAction = 'crear' | 'modificar' | 'eliminar' | 'restaurar';

export interface AuditEntry {
  /** Who wrote; id null for the command line (usuario "cli:<system user>"). */
  user: { id: number | null; usuario: string };
  accion: AuditAction;
  /** Collection id or resource name (proyecto_estados, revisiones_prc...). */
  recurso: string;
  objetoId: string | number;
  /** The record before the write (null when created). */
  antes: unknown;
  /** The record after the write (null when deleted). */
  despues: unknown;
}

/**
 * Records one write in `auditoria`. Call it with the transaction that made
 * the write, so the change and its audit row commit or roll back together.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into auditoria (usuario_id, usuario, accion, recurso, objeto_id, antes, despues)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) returning id`,
    [
      entry.user.id,
      entry.user.usuario,
      entry.accion,
      entry.recurso,
      String(entry.objetoId),
      entry.antes === null || entry.antes === undefined ? null : JSON.stringify(entry.antes),
      entry.despues === null || entry.despues === undefined ? null : JSON.stringify(entry.despues),
    ],
  );
  return row!.id;
}
