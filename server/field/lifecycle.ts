import type { Role } from '../auth/roles.ts';
import { cierresMicrobasural, estadosMicrobasural } from '../catalog/territory-layers.ts';

export type Estado = (typeof estadosMicrobasural)[number];
export type Cierre = (typeof cierresMicrobasural)[number];

/**
 * The programme of eradication as a state machine (PLADECO, "Programa de
 * erradicación de microbasurales"): each status, the statuses it may move
 * to and the roles that may move it (admin always may). A cleaned site that
 * fills again is not reopened: the new report is a new site linked to it as
 * reincidencia, so the history of each cleaning stays intact.
 */
export const transitions: Record<Estado, Partial<Record<Estado, readonly Role[]>>> = {
  reportado: { verificado: ['terreno', 'planificador'], duplicado: ['planificador'], descartado: ['planificador'] },
  verificado: { programado: ['planificador'], duplicado: ['planificador'], descartado: ['planificador'] },
  programado: { limpiado: ['terreno', 'planificador'] },
  limpiado: { cerrado: ['terreno', 'planificador'] },
  cerrado: {},
  duplicado: {},
  descartado: {},
};

export const estadoTitles: Record<Estado, string> = {
  reportado: 'reportado',
  verificado: 'verificado',
  programado: 'programado para limpieza',
  limpiado: 'limpiado',
  cerrado: 'cerrado',
  duplicado: 'duplicado',
  descartado: 'descartado',
};

/** Statuses of a site still waiting for cleaning. */
export const activeStatuses: readonly Estado[] = ['reportado', 'verificado', 'programado'];

export interface TransitionRequest {
  hacia: Estado;
  como?: Cierre | null;
  duplicado_de?: number | null;
  nota?: string | null;
}

export type TransitionProblem = { status: 403 | 409 | 422; code: string; message: string; field: string };

/** Why this move is not allowed for this role, or null when it is. Pure: the route reads the site, this decides. */
export function transitionProblem(desde: Estado, request: TransitionRequest, rol: Role, siteId: number): TransitionProblem | null {
  const allowed = transitions[desde];
  const roles = allowed[request.hacia];
  if (!roles) {
    const next = Object.keys(allowed);
    return {
      status: 409,
      code: 'invalid_transition',
      message:
        next.length === 0
          ? `El sitio está ${estadoTitles[desde]}: su ciclo terminó y no cambia de estado.`
          : `Un sitio ${estadoTitles[desde]} solo puede pasar a: ${next.join(', ')} (no a ${request.hacia}).`,
      field: 'hacia',
    };
  }
  if (rol !== 'admin' && !roles.includes(rol)) {
    return {
      status: 403,
      code: 'forbidden',
      message: `Pasar un sitio a ${request.hacia} corresponde a: ${['admin', ...roles].join(', ')}.`,
      field: 'hacia',
    };
  }
  if (request.hacia === 'cerrado' && !request.como) {
    return {
      status: 422,
      code: 'invalid_parameter',
      message: `Indique cómo se cerró el sitio: ${cierresMicrobasural.join(', ')}.`,
      field: 'como',
    };
  }
  if (request.hacia !== 'cerrado' && request.como) {
    return { status: 422, code: 'invalid_parameter', message: '«como» solo se indica al cerrar un sitio.', field: 'como' };
  }
  if (request.hacia === 'duplicado') {
    if (!request.duplicado_de)
      return { status: 422, code: 'invalid_parameter', message: 'Indique el sitio original (duplicado_de).', field: 'duplicado_de' };
    if (request.duplicado_de === siteId)
      return { status: 422, code: 'invalid_parameter', message: 'Un sitio no puede ser duplicado de sí mismo.', field: 'duplicado_de' };
  } else if (request.duplicado_de) {
    return {
      status: 422,
      code: 'invalid_parameter',
      message: '«duplicado_de» solo se indica al marcar un duplicado.',
      field: 'duplicado_de',
    };
  }
  if (request.hacia === 'descartado' && !request.nota?.trim()) {
    return { status: 422, code: 'invalid_parameter', message: 'Explique en «nota» por qué se descarta el reporte.', field: 'nota' };
  }
  return null;
}
