import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTile, geometryCommands } from './mvt-writer.ts';

/** The wire type of every value of a layer (1 string, 3 double, 5 uint, 6 sint, 7 bool), read straight from the protobuf. */
function valueTags(bytes: Uint8Array): number[] {
  const tags: number[] = [];
  const tile = new PbfReader(bytes);
  tile.readFields((tileTag, _, tilePbf) => {
    if (tileTag !== 3) return;
    tilePbf.readMessage((layerTag, __, layerPbf) => {
      if (layerTag !== 4) return;
      layerPbf.readMessage((valueTag, ___, valuePbf) => {
        tags.push(valueTag);
        valuePbf.skip(valuePbf.type);
      }, null);
    }, null);
  }, null);
  return tags;
}

describe('geometryCommands', () => {
  it('writes a multipoint as one MoveTo with all points, as ST_AsMVT does', () => {
    expect(
      geometryCommands(1, [
        [
          [5, 7],
          [3, 2],
        ],
      ]),
    ).toEqual([(1 & 7) | (2 << 3), 10, 14, 3, 9]);
  });

  it('writes a ring without its closing point, then ClosePath', () => {
    const ring: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 0],
    ];
    expect(geometryCommands(3, [ring])).toEqual([9, 0, 0, (2 & 7) | (2 << 3), 20, 0, 0, 20, 15]);
  });

  it('drops lines with fewer than two points and rings with fewer than three', () => {
    expect(geometryCommands(2, [[[1, 1]]])).toEqual([]);
    expect(
      geometryCommands(3, [
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ]),
    ).toEqual([]);
  });
});

describe('encodeTile', () => {
  const tile = encodeTile([
    {
      name: 'capa',
      extent: 4096,
      features: [
        {
          id: 7,
          type: 2,
          geometry: [
            [
              [0, 0],
              [100, 50],
            ],
            [
              [200, 200],
              [300, 250],
            ],
          ],
          properties: [
            { key: 'nombre', value: 'Río "Huasco"' },
            { key: 'superficie', value: 12, double: true },
            { key: 'poblacion', value: -3 },
            { key: 'viviendas', value: 41 },
            { key: 'vigente', value: true },
          ],
        },
        { type: 1, geometry: [[[10, 10]]], properties: [{ key: 'count', value: 12 }] },
      ],
    },
    { name: 'vacia', extent: 4096, features: [] },
  ]);

  it('round-trips through @mapbox/vector-tile', () => {
    const decoded = new VectorTile(new PbfReader(tile));
    expect(Object.keys(decoded.layers)).toEqual(['capa']);
    const layer = decoded.layers.capa;
    expect(layer?.length).toBe(2);
    expect(layer?.version).toBe(2);
    const line = layer?.feature(0);
    expect(line?.id).toBe(7);
    expect(line?.properties).toEqual({ nombre: 'Río "Huasco"', superficie: 12, poblacion: -3, viviendas: 41, vigente: true });
    expect(line?.loadGeometry().map((part) => part.map((point) => [point.x, point.y]))).toEqual([
      [
        [0, 0],
        [100, 50],
      ],
      [
        [200, 200],
        [300, 250],
      ],
    ]);
    expect(layer?.feature(1).id).toBeUndefined();
  });

  it('writes float columns as doubles even when integral, integers as uint or sint, as ST_AsMVT does', () => {
    // Values in order of first use: string, double 12, sint -3, uint 41, bool, uint 12.
    expect(valueTags(tile)).toEqual([1, 3, 6, 5, 7, 5]);
  });

  it('is empty when no layer has features', () => {
    expect(encodeTile([{ name: 'vacia', extent: 4096, features: [] }]).length).toBe(0);
  });
});
