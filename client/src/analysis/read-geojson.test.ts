import { describe, expect, it } from 'vitest';
import { readGeoJson } from './read-geojson.ts';

const square = [
  [
    [-70.76, -28.57],
    [-70.75, -28.57],
    [-70.75, -28.56],
    [-70.76, -28.57],
  ],
];

describe('readGeoJson', () => {
  it('takes a bare geometry, a Feature or a one-feature collection', () => {
    const polygon = { type: 'Polygon', coordinates: square };
    expect(readGeoJson(JSON.stringify(polygon))).toEqual({ geometry: polygon });
    expect(readGeoJson(JSON.stringify({ type: 'Feature', properties: {}, geometry: polygon }))).toEqual({ geometry: polygon });
    expect(
      readGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: polygon }] })),
    ).toEqual({ geometry: polygon });
  });

  it('merges several features of one kind into a Multi geometry', () => {
    const features = [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square] } },
    ];
    expect(readGeoJson(JSON.stringify({ type: 'FeatureCollection', features }))).toEqual({
      geometry: { type: 'MultiPolygon', coordinates: [square, square] },
    });
  });

  it('names the problem of files it cannot use', () => {
    expect(readGeoJson('{ no es json')).toEqual({ problem: 'json' });
    expect(readGeoJson('{"type":"FeatureCollection","features":[]}')).toEqual({ problem: 'empty' });
    expect(readGeoJson('{"type":"GeometryCollection","geometries":[]}')).toEqual({ problem: 'type' });
    expect(readGeoJson('{"type":"Point","coordinates":[327708.3, 6837832.1]}')).toEqual({ problem: 'degrees' });
    const mixed = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-70.7, -28.5] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } },
    ];
    expect(readGeoJson(JSON.stringify({ type: 'FeatureCollection', features: mixed }))).toEqual({ problem: 'mixed' });
  });
});
