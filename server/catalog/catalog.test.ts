import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { layers } from './index.ts';

const identifier = /^[a-z][a-z0-9_]*$/;

describe('layer catalogue', () => {
  it('has unique collection ids', () => {
    const ids = layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only plain lower-case identifiers, so nothing odd can reach SQL', () => {
    for (const layer of layers) {
      for (const name of [layer.table, layer.geometryColumn, layer.idColumn, ...layer.properties.map((p) => p.name)]) {
        expect(name, `${layer.id}: ${name}`).toMatch(identifier);
      }
    }
  });

  it('gives every layer fuente and precision', () => {
    for (const layer of layers) {
      const names = layer.properties.map((property) => property.name);
      expect(names, layer.id).toContain('fuente');
      expect(names, layer.id).toContain('precision');
    }
  });

  it('lists only columns that the migrations create', async () => {
    const dir = new URL('../db/migrations/', import.meta.url);
    const files = (await readdir(dir)).filter((file) => file.endsWith('.sql'));
    const sql = (await Promise.all(files.map((file) => readFile(new URL(file, dir), 'utf8')))).join('\n').toLowerCase();
    for (const layer of layers) {
      if (layer.readOnly) {
        const view = new RegExp(`create view ${layer.table} as([\\s\\S]*?);`).exec(sql);
        expect(view, `view ${layer.table}`).not.toBeNull();
        for (const name of [layer.idColumn, layer.geometryColumn, ...layer.properties.map((property) => property.name)]) {
          expect(view?.[1], `${layer.table}.${name}`).toMatch(new RegExp(`(\\.|\\bas )"?${name}"?,?\\n`));
        }
        continue;
      }
      const match = new RegExp(`create table ${layer.table} \\(([\\s\\S]*?)\\n\\);`).exec(sql);
      expect(match, `table ${layer.table}`).not.toBeNull();
      // Columns added by later migrations (alter table … add column …) count too.
      const added = [...sql.matchAll(new RegExp(`alter table ${layer.table}\\b([\\s\\S]*?);`, 'g'))].map((alter) => alter[1]).join('\n');
      for (const property of layer.properties) {
        expect(`${match?.[1]}\n${added.replaceAll('add column', '\n ')}`, `${layer.table}.${property.name}`).toMatch(
          new RegExp(`\\n\\s+"?${property.name}"?\\s`),
        );
      }
    }
  });
});
