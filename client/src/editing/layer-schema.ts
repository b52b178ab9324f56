import { getJson } from '../api.ts';
import { can, type Role } from '../auth/session.ts';

/** One property as `/collections/{id}/schema` describes it (JSON Schema plus the catalogue's limits). */
export interface PropertySchema {
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  format?: 'date';
  enum?: string[];
  readOnly?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** The schema of an editable collection: its properties, geometry types and which roles edit it. */
export interface LayerSchema {
  id: string;
  title: string;
  required: string[];
  properties: Record<string, PropertySchema>;
  'x-sit-geometria': string[];
  'x-sit-edicion': { crear: Role[]; modificar: Role[]; eliminar: Role[] } | null;
}

/** What the signed-in person may do on a layer (admin always may; the anonymous public never). */
export interface LayerPermissions {
  create: boolean;
  update: boolean;
  remove: boolean;
}

export function permissionsOf(schema: LayerSchema): LayerPermissions {
  const editing = schema['x-sit-edicion'];
  if (!editing) return { create: false, update: false, remove: false };
  return { create: can(...editing.crear), update: can(...editing.modificar), remove: can(...editing.eliminar) };
}

let loaded: Promise<LayerSchema[]> | null = null;

/** Every collection that is edited through the API, with its schema (read once per page). */
export function editableLayers(): Promise<LayerSchema[]> {
  loaded ??= (async () => {
    const { collections } = await getJson<{ collections: { id: string }[] }>('/collections');
    const schemas = await Promise.all(
      collections.map(async ({ id }) => ({
        ...(await getJson<Omit<LayerSchema, 'id'>>(`/collections/${encodeURIComponent(id)}/schema`)),
        id,
      })),
    );
    return schemas.filter((schema) => schema['x-sit-edicion'] !== null && schema['x-sit-edicion'] !== undefined);
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** A feature's name for people: its nombre or codigo, else its id. */
export function featureTitle(properties: Record<string, unknown> | null | undefined, id: number | string): string {
  const name = properties?.nombre ?? properties?.codigo;
  return typeof name === 'string' && name.trim() ? name : `#${id}`;
}
