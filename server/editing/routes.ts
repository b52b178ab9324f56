import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { LayerDefinition } from '../catalog/index.ts';
import type { Role } from '../auth/roles.ts';
import { forbidden, unauthenticated } from '../auth/plugin.ts';
import { ApiError, notFound } from '../errors.ts';
import { layerOr404 } from '../ogc/collections.ts';
import { defaultCrs, findCrs } from '../ogc/crs.ts';
import { featureSql } from '../ogc/items-sql.ts';
import { baseUrl } from '../ogc/links.ts';
import { invalidFeature, mergePatch, readFeature, type FeatureInput, type InputCrs } from './feature-input.ts';
import {
  deleteFeature,
  featureHistory,
  insertFeature,
  listBin,
  lockFeature,
  replaceFeature,
  restoreFeature,
  type StoredFeature,
} from './feature-store.ts';
import { etagListed, etagOf } from './feature-version.ts';
import { geometryCheckSql, validityReason } from './geometry-sql.ts';
import type { Queryable } from '../db/database.ts';
import { databaseFault } from '../db/faults.ts';

const tags = ['Edición (OGC API – Features Parte 4)'];
const featureIdPattern = /^(0|[1-9]\d{0,15})$/;

interface StoredShape {
  geometry: unknown;
  properties: Record<string, unknown>;
}
const editBodyLimit = 5 * 1024 * 1024;

const ErrorBody = Type.Object({ code: Type.String(), description: Type.String(), field: Type.Optional(Type.String()) });
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  405: ErrorBody,
  409: ErrorBody,
  412: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
};
const FeatureBody = Type.Object(
  {
    // Optional here on purpose: feature-input.ts checks the body and answers in Spanish, naming the field.
    type: Type.Optional(Type.String({ description: 'Siempre "Feature"' })),
    geometry: Type.Optional(
      Type.Unknown({ description: 'Geometría GeoJSON del tipo de la capa; en CRS84 salvo que Content-Crs diga otro' }),
    ),
    properties: Type.Optional(Type.Unknown({ description: 'Propiedades del catálogo de la capa (ver /collections/{id}/schema)' })),
  },
  { additionalProperties: true },
);
const ItemParams = Type.Object({ collectionId: Type.String(), featureId: Type.String() });
const EditQuery = Type.Object(
  {
    reparar: Type.Optional(
      Type.Boolean({ description: 'Reparar una geometría inválida con ST_MakeValid (se informa en «avisos») en vez de rechazarla' }),
    ),
  },
  { additionalProperties: true },
);
const ifMatch = Type.Object(
  { 'if-match': Type.Optional(Type.String({ description: 'ETag leído del elemento; si cambió desde entonces la respuesta es 412' })) },
  { additionalProperties: true },
);

type Action = 'create' | 'update' | 'delete';

/** The layer if it may be edited by this request's user for this action: 405, 401 or 403 otherwise. */
function editableLayer(request: FastifyRequest, collectionId: string, action: Action): LayerDefinition {
  const layer = layerOr404(collectionId);
  if (!layer.editing) {
    throw new ApiError(
      405,
      'not_editable',
      `La colección «${layer.title}» no se edita por la API: ${layer.readOnly ? 'se calcula desde el plan' : 'proviene de una fuente oficial y se reemplaza por importación'}.`,
      'collectionId',
    );
  }
  const user = request.user;
  if (!user) throw unauthenticated();
  const allowed: readonly Role[] = layer.editing[action];
  if (user.rol !== 'admin' && !allowed.includes(user.rol)) throw forbidden(allowed);
  return layer;
}

/** The CRS of the body, from the Content-Crs header (`<uri>`); CRS84 when absent. */
function inputCrs(request: FastifyRequest): InputCrs {
  const header = request.headers['content-crs'];
  if (header === undefined) return defaultCrs;
  const uri = String(header).trim().replace(/^<|>$/g, '');
  const crs = findCrs(uri);
  if (!crs) throw new ApiError(400, 'invalid_parameter', `CRS no admitido en Content-Crs: «${uri}».`, 'Content-Crs');
  return crs;
}

function featureIdOf(featureId: string, layer: LayerDefinition): number {
  if (!featureIdPattern.test(featureId)) throw notFound(`No existe el elemento «${featureId}» en la colección «${layer.id}».`, 'featureId');
  return Number(featureId);
}

const jsonTypes = /^application\/(geo\+json|json|merge-patch\+json)\s*(;|$)/i;

/** Writes carry GeoJSON: any other media type is 415, before the body is looked at. */
async function requireJson(request: FastifyRequest) {
  if (!jsonTypes.test(String(request.headers['content-type'] ?? ''))) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'El cuerpo debe ser GeoJSON: Content-Type application/geo+json o application/json (application/merge-patch+json en PATCH).',
      'Content-Type',
    );
  }
}

/** Who may write comes before what was sent: a stranger gets 401 (or 405, 403), never a remark on the JSON. */
const writeChecks = (action: Action) => async (request: FastifyRequest) => {
  editableLayer(request, (request.params as { collectionId: string }).collectionId, action);
  await requireJson(request);
};

export interface EditingOptions {
  comunaToleranceM: number;
}

/**
 * OGC API – Features Part 4 on the editable collections: POST creates
 * (201 + Location), PUT replaces, PATCH merges (RFC 7396), DELETE moves
 * the feature to the recycle bin. Every write is checked whole before any
 * SQL (server/editing/feature-input.ts), then in PostGIS (validity, inside
 * the comuna), and runs in one transaction with its audit row. With
 * If-Match, a feature changed since it was read answers 412.
 */
export default async function editingRoutes(app: FastifyInstance, options: EditingOptions) {
  /** PostGIS's checks of a geometry; returns the notices to report. */
  async function checkGeometry(
    tx: Queryable,
    layer: LayerDefinition,
    input: FeatureInput,
    crs: InputCrs,
    repair: boolean,
  ): Promise<string[]> {
    const [check] = await tx
      .query<{
        valido: boolean;
        motivo: string;
        valido_final: boolean;
        tipo_final: string;
        cambio_area_m2: number;
        dentro: boolean | null;
        distancia_m: number | null;
      }>(geometryCheckSql(layer, crs, repair), [JSON.stringify(input.geometry), options.comunaToleranceM])
      .catch((error: unknown) => {
        if (databaseFault(error)) throw error;
        throw invalidFeature(`PostGIS no pudo leer la geometría: ${(error as Error).message}`, 'geometry');
      });
    const notices: string[] = [];
    if (!check!.valido) {
      const reason = validityReason(check!.motivo);
      if (!repair) {
        throw invalidFeature(
          `La geometría no es válida: ${reason}. Corríjala, o envíela con ?reparar=true para que el SIT la repare y lo informe.`,
          'geometry',
        );
      }
      if (!check!.valido_final)
        throw invalidFeature(`La geometría no es válida (${reason}) y no se puede reparar sin cambiar su tipo.`, 'geometry');
      notices.push(
        `La geometría no era válida (${reason}); se reparó con ST_MakeValid. El área cambió en ${Math.round(check!.cambio_area_m2).toLocaleString('es-CL')} m².`,
      );
    }
    if (check!.dentro === false) {
      const distance = check!.distancia_m ?? 0;
      throw invalidFeature(
        distance > 0
          ? `La geometría está fuera de la comuna de Vallenar, a ${(distance / 1000).toLocaleString('es-CL', { maximumFractionDigits: 1 })} km de su límite (tolerancia ${options.comunaToleranceM} m). ¿Coordenadas en otro sistema o con los ejes invertidos?`
          : `La geometría sale de la comuna de Vallenar más allá de la tolerancia de ${options.comunaToleranceM} m.`,
        'geometry',
      );
    }
    return notices;
  }

  /** The served representation (CRS84, 7 decimals) with its notices, and its ETag header. */
  async function answer(tx: Queryable, reply: FastifyReply, layer: LayerDefinition, stored: StoredFeature, notices: string[]) {
    const [row] = await tx.query<{ feature: string }>(featureSql(layer, defaultCrs), [stored.id]);
    reply.header('ETag', etagOf(stored.version)).type('application/geo+json');
    const feature = JSON.parse(row!.feature) as Record<string, unknown>;
    return notices.length > 0 ? { ...feature, avisos: notices } : feature;
  }

  function checkIfMatch(request: FastifyRequest, reply: FastifyReply, layer: LayerDefinition, current: StoredFeature) {
    const header = request.headers['if-match'];
    if (header !== undefined && !etagListed(header, etagOf(current.version))) {
      reply.header('ETag', etagOf(current.version));
      throw new ApiError(
        412,
        'precondition_failed',
        `El elemento ${current.id} de «${layer.title}» cambió desde que lo leyó (otra persona lo editó). Vuelva a cargarlo y aplique su cambio otra vez.`,
        'If-Match',
      );
    }
  }

  /** The feature, locked for the rest of the transaction, if it exists and If-Match (when sent) names its version. */
  async function lockForWrite(tx: Queryable, request: FastifyRequest, reply: FastifyReply, layer: LayerDefinition, id: number) {
    const current = await lockFeature(tx, layer, id);
    if (!current) throw notFound(`No existe el elemento «${id}» en la colección «${layer.id}».`, 'featureId');
    checkIfMatch(request, reply, layer, current);
    return current;
  }

  const repairOf = (request: FastifyRequest) => (request.query as { reparar?: boolean }).reparar === true;

  app.post(
    '/collections/:collectionId/items',
    {
      bodyLimit: editBodyLimit,
      preValidation: writeChecks('create'),
      schema: {
        summary: 'Crear un elemento',
        description:
          'Crea un elemento en una colección editable (rol según la capa, ver docs/roles.md). Responde 201 con Location y ETag. Las advertencias (geometría reparada, tipo promovido) vienen en «avisos».',
        tags,
        params: Type.Object({ collectionId: Type.String() }),
        querystring: EditQuery,
        body: FeatureBody,
        response: { 201: Type.Unknown({ description: 'El elemento creado (GeoJSON Feature)' }), ...errors },
      },
    },
    async (request, reply) => {
      const { collectionId } = request.params as { collectionId: string };
      const layer = editableLayer(request, collectionId, 'create');
      const crs = inputCrs(request);
      const input = readFeature(layer, request.body, crs, true);
      if ((request.body as { id?: unknown }).id !== undefined)
        input.notices.push('El id enviado se ignoró: el SIT asigna el id del elemento nuevo.');
      const repair = repairOf(request);
      return app.db.transaction(async (tx) => {
        const notices = [...input.notices, ...(await checkGeometry(tx, layer, input, crs, repair))];
        const stored = await insertFeature(tx, layer, input, crs, repair, request.user!);
        reply.status(201).header('Location', `${baseUrl(request)}/collections/${layer.id}/items/${stored.id}`);
        return answer(tx, reply, layer, stored, notices);
      });
    },
  );

  app.put(
    '/collections/:collectionId/items/:featureId',
    {
      bodyLimit: editBodyLimit,
      preValidation: writeChecks('update'),
      schema: {
        summary: 'Reemplazar un elemento',
        description:
          'Reemplaza geometría y propiedades (las omitidas quedan vacías). Con If-Match, 412 si el elemento cambió desde que se leyó.',
        tags,
        params: ItemParams,
        querystring: EditQuery,
        headers: ifMatch,
        body: FeatureBody,
        response: { 200: Type.Unknown({ description: 'El elemento guardado' }), ...errors },
      },
    },
    async (request, reply) => {
      const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
      const layer = editableLayer(request, collectionId, 'update');
      const id = featureIdOf(featureId, layer);
      const crs = inputCrs(request);
      const bodyId = (request.body as { id?: unknown }).id;
      if (bodyId !== undefined && String(bodyId) !== featureId)
        throw invalidFeature(`El id del cuerpo (${String(bodyId)}) no es el de la URL (${featureId}).`, 'id');
      const repair = repairOf(request);
      return app.db.transaction(async (tx) => {
        const current = await lockForWrite(tx, request, reply, layer, id);
        const input = readFeature(layer, request.body, crs, true, (JSON.parse(current.feature) as StoredShape).properties);
        const notices = [...input.notices, ...(await checkGeometry(tx, layer, input, crs, repair))];
        const stored = await replaceFeature(tx, layer, current, input, crs, repair, request.user!);
        return answer(tx, reply, layer, stored, notices);
      });
    },
  );

  app.patch(
    '/collections/:collectionId/items/:featureId',
    {
      bodyLimit: editBodyLimit,
      preValidation: writeChecks('update'),
      schema: {
        summary: 'Modificar parte de un elemento',
        description:
          'JSON Merge Patch (RFC 7396): solo cambian las propiedades enviadas (null las vacía) y la geometría si viene. Con If-Match, 412 si el elemento cambió.',
        tags,
        params: ItemParams,
        querystring: EditQuery,
        headers: ifMatch,
        body: Type.Object({}, { additionalProperties: true, description: 'Parche: {"properties": {...}} y/o {"geometry": {...}}' }),
        response: { 200: Type.Unknown({ description: 'El elemento guardado' }), ...errors },
      },
    },
    async (request, reply) => {
      const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
      const layer = editableLayer(request, collectionId, 'update');
      const id = featureIdOf(featureId, layer);
      const crs = inputCrs(request);
      const repair = repairOf(request);
      const patch = request.body as Record<string, unknown>;
      return app.db.transaction(async (tx) => {
        const current = await lockForWrite(tx, request, reply, layer, id);
        const stored = JSON.parse(current.feature) as StoredShape;
        const generated = new Set(layer.properties.filter((property) => property.generated).map((property) => property.name));
        const properties = Object.fromEntries(Object.entries(stored.properties).filter(([name]) => !generated.has(name)));
        // The stored geometry is CRS84; a patch in another CRS must carry its geometry.
        if (crs !== defaultCrs && !('geometry' in patch)) {
          throw invalidFeature('Con Content-Crs, el parche debe traer la geometría en ese CRS.', 'geometry');
        }
        const input = readFeature(layer, mergePatch({ geometry: stored.geometry, properties }, patch), crs, true, stored.properties);
        const notices = [...input.notices, ...(await checkGeometry(tx, layer, input, crs, repair))];
        const after = await replaceFeature(tx, layer, current, input, crs, repair, request.user!);
        return answer(tx, reply, layer, after, notices);
      });
    },
  );

  app.delete(
    '/collections/:collectionId/items/:featureId',
    {
      schema: {
        summary: 'Eliminar un elemento',
        description:
          'Lo mueve a la papelera de la colección (se puede restaurar) y lo registra en la auditoría. Con If-Match, 412 si cambió.',
        tags,
        params: ItemParams,
        headers: ifMatch,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
      const layer = editableLayer(request, collectionId, 'delete');
      const id = featureIdOf(featureId, layer);
      await app.db.transaction(async (tx) => {
        const current = await lockForWrite(tx, request, reply, layer, id);
        await deleteFeature(tx, layer, current, request.user!);
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/collections/:collectionId/papelera',
    {
      schema: {
        summary: 'Papelera de una colección',
        description: 'Elementos eliminados, con quién y cuándo; pueden restaurarse. Para quienes pueden eliminar en la capa.',
        tags,
        params: Type.Object({ collectionId: Type.String() }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) => {
      const layer = editableLayer(request, (request.params as { collectionId: string }).collectionId, 'delete');
      return { coleccion: layer.id, elementos: await listBin(app.db, layer) };
    },
  );

  app.post(
    '/collections/:collectionId/papelera/:featureId/restaurar',
    {
      schema: {
        summary: 'Restaurar un elemento eliminado',
        description: 'Lo devuelve a la colección con el mismo id; queda en la auditoría.',
        tags,
        params: ItemParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
      const layer = editableLayer(request, collectionId, 'delete');
      const id = featureIdOf(featureId, layer);
      return app.db.transaction(async (tx) => {
        const stored = await restoreFeature(tx, layer, id, request.user!);
        return answer(tx, reply, layer, stored, []);
      });
    },
  );

  app.get(
    '/collections/:collectionId/items/:featureId/historial',
    {
      schema: {
        summary: 'Historial de un elemento',
        description: 'Cada cambio registrado (quién, cuándo, acción, antes y después), del más antiguo al más reciente. Requiere sesión.',
        tags,
        params: ItemParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
      const layer = layerOr404(collectionId);
      featureIdOf(featureId, layer);
      return { coleccion: layer.id, id: Number(featureId), cambios: await featureHistory(app.db, layer.id, featureId) };
    },
  );
}
