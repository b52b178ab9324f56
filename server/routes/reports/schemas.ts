import { Type, type Static } from 'typebox';
import { estadosProyecto } from '../../catalog/plan-layers.ts';

const date = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Fecha AAAA-MM-DD' });
const planCode = Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40 });

export const ProgressQuery = Type.Object(
  { hasta: Type.Optional({ ...date, description: 'Fecha de corte AAAA-MM-DD (por omisión, hoy)' }) },
  { additionalProperties: false },
);
export type ProgressQueryType = Static<typeof ProgressQuery>;

export const SemiannualQuery = Type.Object(
  {
    anio: Type.Integer({ minimum: 2022, maximum: 2100, description: 'Año del informe' }),
    semestre: Type.Integer({ minimum: 1, maximum: 2, description: '1 = enero–junio, 2 = julio–diciembre' }),
    f: Type.Optional(Type.Enum(['json', 'csv'], { description: 'json (por omisión) o csv: anexo de datos por proyecto' })),
  },
  { additionalProperties: false },
);
export type SemiannualQueryType = Static<typeof SemiannualQuery>;

export const HtmlReportQuery = Type.Object(
  { anio: SemiannualQuery.properties.anio, semestre: SemiannualQuery.properties.semestre },
  { additionalProperties: false },
);

export const exportFormats = ['geojson', 'csv', 'kml', 'gpkg'] as const;

export const ExportQuery = Type.Object(
  {
    formato: Type.Enum([...exportFormats], { description: 'geojson, csv (WKT y lon/lat), kml o gpkg (requiere GDAL)' }),
    lineamiento: Type.Optional({ ...planCode, description: 'Código del lineamiento, p. ej. L6' }),
    programa: Type.Optional({ ...planCode, description: 'Código del programa' }),
    estado: Type.Optional(Type.Enum([...estadosProyecto], { description: 'Estado actual del proyecto' })),
    ubicados: Type.Optional(Type.Boolean({ description: 'true: solo proyectos con ubicación; false: solo sin ubicación' })),
  },
  { additionalProperties: false },
);
export type ExportQueryType = Static<typeof ExportQuery>;
