import { describe, expect, it } from 'vitest';
import { findLayer } from '../catalog/index.ts';
import { mapAttributes } from './attribute-mapping.ts';

const layer = (id: string) => {
  const found = findLayer(id);
  if (!found) throw new Error(id);
  return found;
};

describe('mapAttributes', () => {
  it('maps by name without regard to case, accents or separators and lists the rest', () => {
    const mapping = mapAttributes(layer('unidades_vecinales'), ['CODIGO', 'Nombre', 'Área', 'POBLACIÓN', 'ID_ANT'], 'shapefile', false);
    expect(mapping.mapped).toEqual([
      { source: 'CODIGO', field: 'codigo' },
      { source: 'Nombre', field: 'nombre' },
      { source: 'Área', field: 'area' },
      { source: 'POBLACIÓN', field: 'poblacion' },
    ]);
    expect(mapping.unmapped).toEqual(['ID_ANT']);
    expect(mapping.missing.map((property) => property.name)).toEqual(['hogares', 'viviendas', 'fuente', 'precision']);
  });

  it('maps dBASE names cut at 10 characters when exactly one field begins with them', () => {
    const mapping = mapAttributes(layer('patrimonio'), ['NOMBRE', 'INSTRUMENT', 'ESTADO_CON', 'INTERVENCI'], 'shapefile', true);
    expect(mapping.sourceOf.get('instrumento_proteccion')).toBe('INSTRUMENT');
    expect(mapping.sourceOf.get('estado_conservacion')).toBe('ESTADO_CON');
    expect(mapping.sourceOf.get('intervenciones_revision')).toBe('INTERVENCI');
    expect(mapAttributes(layer('patrimonio'), ['INSTRUMENT'], 'geojson', false).unmapped).toEqual(['INSTRUMENT']);
  });

  it('maps KML and GPX names to nombre', () => {
    expect(mapAttributes(layer('toponimia'), ['name', 'type'], 'gpx', false).mapped).toEqual([
      { source: 'name', field: 'nombre' },
      { source: 'type', field: 'tipo' },
    ]);
    expect(mapAttributes(layer('toponimia'), ['name'], 'geojson', false).mapped).toEqual([]);
  });

  it('explains that a computed field is not taken from the file', () => {
    const mapping = mapAttributes(layer('ciclovias'), ['nombre', 'longitud_m'], 'geojson', false);
    expect(mapping.unmapped).toEqual(['longitud_m']);
    expect(mapping.notes).toEqual(['«longitud_m» no se importa: la base de datos calcula «longitud_m» a partir de la geometría.']);
  });
});

describe('mapAttributes with --mapear and --asignar', () => {
  it('takes --mapear first, leaves an assigned field without column and says why its namesake is not imported', () => {
    const mapping = mapAttributes(layer('unidades_vecinales'), ['COD_UV', 'NOMBRE_UV', 'AREA', 'codigo'], 'shapefile', true, {
      sourceOf: new Map([
        ['codigo', 'COD_UV'],
        ['nombre', 'NOMBRE_UV'],
      ]),
      assigned: new Set(['area']),
    });
    expect(mapping.mapped).toEqual([
      { source: 'COD_UV', field: 'codigo', explicit: true },
      { source: 'NOMBRE_UV', field: 'nombre', explicit: true },
    ]);
    expect(mapping.unmapped).toEqual(['AREA', 'codigo']);
    expect(mapping.missing.map((property) => property.name)).toEqual(['poblacion', 'hogares', 'viviendas', 'fuente', 'precision']);
    expect(mapping.notes).toEqual(['«AREA» no se importa: --asignar da el valor de «area» a todos los elementos.']);
  });
});
