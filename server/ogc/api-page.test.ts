import { describe, expect, it } from 'vitest';
import { apiPageHtml, describeType, proseHtml } from './api-page.ts';

describe('describeType', () => {
  it('names JSON Schema types in Spanish, with formats, ranges, lists and null', () => {
    expect(describeType({ type: 'string', format: 'date' })).toBe('texto (fecha AAAA-MM-DD)');
    expect(describeType({ type: 'integer', minimum: 1, maximum: 10000 })).toBe('entero (1–10000)');
    expect(describeType({ type: 'array', items: { type: 'number' } })).toBe('lista de número');
    expect(describeType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('texto o nulo');
    expect(describeType({ type: 'boolean' })).toBe('sí/no (true o false)');
  });
});

describe('proseHtml', () => {
  it('escapes markup and sets link relations as code', () => {
    expect(proseHtml('<b> enlaces next/prev')).toBe(
      '&#60;b&#62; enlaces <code translate="no">next</code>/<code translate="no">prev</code>',
    );
    expect(proseHtml('nextcloud, anterior')).toBe('nextcloud, anterior');
  });
});

describe('apiPageHtml', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'SIT', version: '1.0.0', description: 'API del SIT.' },
    servers: [{ url: 'http://localhost:3000' }],
    tags: [{ name: 'Capacidades', description: 'Inicio' }],
    paths: {
      '/': { get: { summary: 'Página de inicio', tags: ['Capacidades'], responses: { '200': { description: 'Default Response' } } } },
      '/collections/{collectionId}': {
        get: {
          summary: 'Una colección',
          parameters: [{ name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '404': { description: 'No existe <esa> colección' } },
        },
      },
    },
  };

  it('is one Spanish page grouped by tag, links to /api, translates undescribed responses and escapes the document', () => {
    const page = apiPageHtml(document);
    expect(page).toContain('<html lang="es-CL">');
    expect(page).toContain('<a href="/api"><code>/api</code></a>');
    expect(page).toContain('<h2 id="grupo-0">Capacidades</h2>');
    expect(page).toContain('<h2 id="grupo-1">Otras</h2>');
    expect(page).toContain('Respuesta correcta');
    expect(page).not.toContain('Default Response');
    expect(page).toContain('No existe &#60;esa&#62; colección');
    // A GET with nothing to fill in can be opened; one with a path parameter cannot.
    expect(page).toContain('<a href="/">Abrir / en el navegador</a>');
    expect(page).not.toContain('Abrir /collections/{collectionId}');
    expect(page).not.toMatch(/<script|<img/);
  });
});
