import { createHash } from 'node:crypto';
import { ApiError } from '../errors.ts';
import { textProblem } from '../editing/text-policy.ts';

export const categorias = ['domiciliarios', 'escombros', 'voluminosos', 'neumaticos', 'residuos_verdes', 'mixto'] as const;
export const tenencias = ['publica', 'privada', 'desconocida'] as const;
export const origenes = ['gps', 'mapa'] as const;

/** A field report as the phone sends it (the `reporte` part), checked. */
export interface FieldReport {
  uuid: string;
  lon: number;
  lat: number;
  precision_gps_m: number | null;
  origen_posicion: (typeof origenes)[number];
  categoria_residuo: (typeof categorias)[number];
  superficie_m2: number | null;
  volumen_m3: number | null;
  tenencia: (typeof tenencias)[number];
  notas: string | null;
  creado_en: string | null;
}

const invalid = (message: string, field: string) => new ApiError(422, 'invalid_report', message, `reporte.${field}`);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function optionalAmount(value: unknown, field: string, label: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${label} debe ser un número.`, field);
  if (value < 0 || value > 1e7) throw invalid(`${label} debe estar entre 0 y 10 000 000.`, field);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, label: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`${label} debe ser uno de: ${allowed.join(', ')}.`, field);
  }
  return value as T;
}

/** Reads the `reporte` JSON text of a field report; every problem is a 422 naming `reporte.<campo>`. */
export function readFieldReport(text: string | undefined): FieldReport {
  if (text === undefined) throw new ApiError(400, 'invalid_report', 'Falta la parte «reporte» (JSON) del formulario.', 'reporte');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_report', 'La parte «reporte» no es JSON válido.', 'reporte');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ApiError(400, 'invalid_report', '«reporte» debe ser un objeto JSON.', 'reporte');
  const body = raw as Record<string, unknown>;
  const known = [
    'uuid',
    'lon',
    'lat',
    'precision_gps_m',
    'origen_posicion',
    'categoria_residuo',
    'superficie_m2',
    'volumen_m3',
    'tenencia',
    'notas',
    'creado_en',
  ];
  for (const name of Object.keys(body)) if (!known.includes(name)) throw invalid(`El reporte no tiene el campo «${name}».`, name);
  if (typeof body.uuid !== 'string' || !uuidPattern.test(body.uuid))
    throw invalid('El reporte necesita un UUID hecho en el teléfono (RFC 4122).', 'uuid');
  for (const [name, min, max] of [
    ['lon', -180, 180],
    ['lat', -90, 90],
  ] as const) {
    const value = body[name];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw invalid(`La ${name === 'lon' ? 'longitud' : 'latitud'} debe ser un número.`, name);
    if (value < min || value > max) throw invalid(`La ${name === 'lon' ? 'longitud' : 'latitud'} está fuera de rango.`, name);
  }
  const notas = body.notas === undefined || body.notas === null || body.notas === '' ? null : body.notas;
  if (notas !== null) {
    if (typeof notas !== 'string') throw invalid('Las notas deben ser texto.', 'notas');
    if (notas.length > 2000) throw invalid('Las notas superan 2000 caracteres.', 'notas');
    const problem = textProblem(notas);
    if (problem) throw invalid(`Las notas ${problem}.`, 'notas');
  }
  let creado: string | null = null;
  if (body.creado_en !== undefined && body.creado_en !== null) {
    const when = typeof body.creado_en === 'string' ? new Date(body.creado_en) : new Date(Number.NaN);
    if (Number.isNaN(when.getTime())) throw invalid('«creado_en» debe ser una fecha y hora ISO 8601.', 'creado_en');
    creado = when.toISOString();
  }
  return {
    uuid: (body.uuid as string).toLowerCase(),
    lon: body.lon as number,
    lat: body.lat as number,
    precision_gps_m: optionalAmount(body.precision_gps_m, 'precision_gps_m', 'La precisión del GPS'),
    origen_posicion: oneOf(body.origen_posicion, origenes, 'origen_posicion', 'El origen de la posición'),
    categoria_residuo: oneOf(body.categoria_residuo, categorias, 'categoria_residuo', 'El tipo de residuo'),
    superficie_m2: optionalAmount(body.superficie_m2, 'superficie_m2', 'La superficie'),
    volumen_m3: optionalAmount(body.volumen_m3, 'volumen_m3', 'El volumen'),
    tenencia: oneOf(body.tenencia, tenencias, 'tenencia', 'La tenencia del terreno'),
    notas,
    creado_en: creado,
  };
}

/**
 * What makes two sends "the same report": every field and the bytes of every
 * photo, in order. An identical resend gets the stored report back; the same
 * UUID with anything different is a conflict (409).
 */
export function reportDigest(report: FieldReport, photos: readonly Buffer[]): string {
  const hash = createHash('sha256');
  const ordered = Object.fromEntries(Object.entries(report).sort(([a], [b]) => a.localeCompare(b)));
  hash.update(JSON.stringify(ordered));
  for (const photo of photos) hash.update(createHash('sha256').update(photo).digest());
  return hash.digest('hex');
}
