/**
 * The API's documentation page for people (`/api.html`): the OpenAPI
 * document rendered on the server as one Spanish HTML page, grouped by tag,
 * with no script and nothing from other servers. It replaces Swagger UI,
 * whose labels are English, whose page carries its maker's logo and which
 * showed its own copy of the spec (`/api.html/json`) as the API's address.
 */

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

interface Operation {
  method: string;
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { description?: string; required?: boolean; content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text of the document as HTML: escaped, with the link relations it names
 * (`next`, `prev`, …) set as code: they are values a program sends, not words to translate.
 */
export function proseHtml(text: string): string {
  return escapeHtml(text).replace(
    /(?<![\p{L}\p{N}_-])(next|prev|self|alternate|service-desc|service-doc)(?![\p{L}\p{N}_-])/gu,
    '<code translate="no">$1</code>',
  );
}

const where: Record<string, string> = { path: 'ruta', query: 'consulta', header: 'encabezado', cookie: 'cookie' };

/** What @fastify/swagger writes when a route's response has no description. */
const responseNames: Record<string, string> = {
  '200': 'Respuesta correcta',
  '201': 'Creado',
  '204': 'Sin contenido',
  '304': 'Sin cambios',
  '400': 'Solicitud incorrecta',
  '401': 'Requiere iniciar sesión',
  '403': 'Sin permiso',
  '404': 'No encontrado',
  '409': 'Conflicto',
  '412': 'Versión desactualizada',
  '413': 'Demasiado grande',
  '422': 'No se puede procesar',
  '429': 'Demasiados intentos',
  '503': 'Servicio no disponible',
};

/** A JSON Schema in a few Spanish words: «texto (fecha)», «entero (1–100)», «lista de texto». */
export function describeType(schema: Json | undefined, depth = 0): string {
  if (!schema || depth > 3) return '—';
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives) {
    const named = [...new Set(alternatives.filter((item) => item.type !== 'null').map((item) => describeType(item, depth + 1)))];
    const text = named.join(' o ');
    return alternatives.some((item) => item.type === 'null') ? `${text} o nulo` : text;
  }
  if ('const' in schema) return `«${String(schema.const)}»`;
  if (typeof schema.$ref === 'string') return 'objeto';
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const nullable = schema.nullable === true || types.includes('null');
  const type = types.find((value) => value !== 'null');
  let text: string;
  switch (type) {
    case 'string': {
      const formats: Record<string, string> = {
        date: 'fecha AAAA-MM-DD',
        'date-time': 'fecha y hora',
        uri: 'URL',
        uuid: 'UUID',
        binary: 'archivo',
      };
      const format = typeof schema.format === 'string' ? (formats[schema.format] ?? schema.format) : null;
      text = format ? `texto (${format})` : 'texto';
      break;
    }
    case 'integer':
    case 'number': {
      text = type === 'integer' ? 'entero' : 'número';
      const low = schema.minimum ?? schema.exclusiveMinimum;
      const high = schema.maximum ?? schema.exclusiveMaximum;
      if (low !== undefined || high !== undefined) text += ` (${low ?? '…'}–${high ?? '…'})`;
      break;
    }
    case 'boolean':
      text = 'sí/no (true o false)';
      break;
    case 'array':
      text = `lista de ${describeType(schema.items as Json | undefined, depth + 1)}`;
      break;
    case 'object':
      text = 'objeto';
      break;
    default:
      text = schema.properties ? 'objeto' : 'cualquiera';
  }
  return nullable ? `${text} o nulo` : text;
}

/** Allowed values and default of a parameter, in Spanish. */
function valueNotes(schema: Json | undefined): string[] {
  if (!schema) return [];
  const notes: string[] = [];
  const values = (schema.enum as unknown[] | undefined) ?? (schema.items as Json | undefined)?.enum;
  if (Array.isArray(values)) notes.push(`Valores: ${values.map((value) => String(value)).join(', ')}.`);
  const alternatives = (schema.anyOf as Json[] | undefined)?.filter((item) => 'const' in item);
  if (alternatives && alternatives.length > 0) notes.push(`Valores: ${alternatives.map((item) => String(item.const)).join(', ')}.`);
  if (schema.default !== undefined) notes.push(`Por omisión: ${JSON.stringify(schema.default)}.`);
  return notes;
}

function paragraphs(text: string | undefined): string {
  if (!text) return '';
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${proseHtml(paragraph.trim())}</p>`)
    .join('');
}

function parametersTable(parameters: Parameter[]): string {
  if (parameters.length === 0) return '<p class="nota">Sin parámetros.</p>';
  const rows = parameters.map((parameter) => {
    const notes = [parameter.description ?? (parameter.schema?.description as string | undefined) ?? '', ...valueNotes(parameter.schema)]
      .filter(Boolean)
      .join(' ');
    return `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${where[parameter.in] ?? escapeHtml(parameter.in)}</td><td>${escapeHtml(describeType(parameter.schema))}</td><td>${parameter.required ? 'sí' : 'no'}</td><td>${proseHtml(notes)}</td></tr>`;
  });
  return `<table><thead><tr><th>Nombre</th><th>En</th><th>Tipo</th><th>Obligatorio</th><th>Descripción</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bodySection(body: Operation['requestBody']): string {
  if (!body?.content) return '';
  const [mediaType, media] = Object.entries(body.content)[0] ?? [];
  if (!mediaType) return '';
  const schema = media?.schema;
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, property]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(describeType(property))}</td><td>${required.has(name) ? 'sí' : 'no'}</td><td>${proseHtml([(property.description as string | undefined) ?? '', ...valueNotes(property)].filter(Boolean).join(' '))}</td></tr>`,
  );
  const table =
    rows.length > 0
      ? `<table><thead><tr><th>Campo</th><th>Tipo</th><th>Obligatorio</th><th>Descripción</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '';
  const types = Object.keys(body.content).map((type) => `<code>${escapeHtml(type)}</code>`);
  return `<h4>Cuerpo de la solicitud</h4>${paragraphs(body.description)}<p>Formato: ${types.join(', ')}${body.required ? ' (obligatorio)' : ''}.</p>${table}`;
}

function responsesSection(responses: Operation['responses']): string {
  const entries = Object.entries(responses ?? {});
  if (entries.length === 0) return '';
  const rows = entries.map(([code, response]) => {
    const description =
      !response.description || response.description === 'Default Response' ? (responseNames[code] ?? '—') : response.description;
    const types = Object.keys(response.content ?? {})
      .map((type) => `<code>${escapeHtml(type)}</code>`)
      .join(', ');
    return `<tr><td>${escapeHtml(code === 'default' ? 'otra' : code)}</td><td>${escapeHtml(description)}</td><td>${types || '—'}</td></tr>`;
  });
  return `<h4>Respuestas</h4><table><thead><tr><th>Código</th><th>Significado</th><th>Formato</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operationSection(operation: Operation, anchor: string): string {
  const parameters = operation.parameters ?? [];
  // A GET with no path parameter and nothing required can simply be opened.
  const openable = operation.method === 'get' && !operation.path.includes('{') && !parameters.some((parameter) => parameter.required);
  const path = escapeHtml(operation.path);
  return `<details class="operacion" id="${anchor}">
<summary><span class="metodo metodo-${operation.method}" translate="no">${operation.method.toUpperCase()}</span> <code>${path}</code> <span class="resumen">${escapeHtml(operation.summary ?? '')}</span></summary>
<div class="cuerpo">${paragraphs(operation.description)}${openable ? `<p><a href="${path}">Abrir ${path} en el navegador</a></p>` : ''}
<h4>Parámetros</h4>${parametersTable(parameters)}${bodySection(operation.requestBody)}${responsesSection(operation.responses)}</div>
</details>`;
}

/** Every operation of the document, grouped by its first tag in the document's tag order («Otras» last). */
function groupedOperations(document: Json): { name: string; description: string; operations: Operation[] }[] {
  const declared = ((document.tags as { name: string; description?: string }[] | undefined) ?? []).map((tag) => ({
    name: tag.name,
    description: tag.description ?? '',
    operations: [] as Operation[],
  }));
  const others = { name: 'Otras', description: 'Operaciones sin grupo', operations: [] as Operation[] };
  const groups = new Map(declared.map((group) => [group.name, group]));
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [
        ...((item.parameters as Parameter[] | undefined) ?? []),
        ...((operation.parameters as Parameter[] | undefined) ?? []),
      ];
      const entry = { ...(operation as Omit<Operation, 'method' | 'path'>), method, path, parameters };
      const tag = entry.tags?.[0];
      let group = tag ? groups.get(tag) : others;
      if (!group && tag) {
        group = { name: tag, description: '', operations: [] };
        groups.set(tag, group);
        declared.push(group);
      }
      (group ?? others).operations.push(entry);
    }
  }
  return [...declared, others].filter((group) => group.operations.length > 0);
}

const style = `
:root { --tinta: #1f2a33; --suave: #5b6670; --linea: #d5dbd2; --acento: #0b6e4f; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--tinta); background: #f5f7f4; line-height: 1.45; }
header { background: var(--acento); color: #fff; padding: 0.8rem 1.2rem; }
header h1 { margin: 0; font-size: 1.35rem; } header p { margin: 0.2rem 0 0; }
header a { color: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
nav ul { columns: 2 16rem; padding-left: 1.2rem; }
h2 { margin: 1.6rem 0 0.4rem; border-bottom: 2px solid var(--acento); font-size: 1.2rem; }
h4 { margin: 0.8rem 0 0.3rem; }
.nota, .descripcion-grupo { color: var(--suave); }
details.operacion { background: #fff; border: 1px solid var(--linea); border-radius: 6px; margin: 0.4rem 0; }
details.operacion > summary { cursor: pointer; padding: 0.45rem 0.6rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
details.operacion[open] > summary { border-bottom: 1px solid var(--linea); }
.cuerpo { padding: 0.2rem 0.8rem 0.8rem; overflow-x: auto; }
.metodo { display: inline-block; min-width: 4.2rem; text-align: center; font-weight: 700; font-size: 0.8rem; padding: 0.1rem 0.3rem; border-radius: 4px; color: #fff; background: #45606f; }
.metodo-get { background: #1f5f8b; } .metodo-post { background: #0b6e4f; } .metodo-put, .metodo-patch { background: #8a5a00; } .metodo-delete { background: #a12a22; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.resumen { color: var(--tinta); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--linea); padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eef2ec; }
`;

/**
 * The whole page for `document` (the OpenAPI document as served, its
 * `servers` already absolute). `specPath` is where the same document is
 * served as JSON.
 */
export function apiPageHtml(document: Json, specPath = '/api'): string {
  const info = (document.info ?? {}) as { title?: string; version?: string; description?: string };
  const server = ((document.servers as { url: string }[] | undefined) ?? [])[0]?.url ?? '';
  // Some route plugins tag in lower case («teselas»): headings start with a capital.
  const groups = groupedOperations(document).map((group) => ({ ...group, name: group.name.charAt(0).toUpperCase() + group.name.slice(1) }));
  let count = 0;
  const sections = groups.map((group, index) => {
    const operations = group.operations.map((operation) => {
      count += 1;
      return operationSection(operation, `op-${count}`);
    });
    return `<section aria-labelledby="grupo-${index}"><h2 id="grupo-${index}">${escapeHtml(group.name)}</h2>${group.description ? `<p class="descripcion-grupo">${escapeHtml(group.description)}</p>` : ''}${operations.join('\n')}</section>`;
  });
  const contents = groups
    .map((group, index) => `<li><a href="#grupo-${index}">${escapeHtml(group.name)}</a> (${group.operations.length})</li>`)
    .join('');
  return `<!doctype html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SIT Vallenar – Documentación de la API</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>SIT Vallenar – Documentación de la API</h1>
<p>Sistema de Información Territorial · SECPLA, Municipalidad de Vallenar · <a href="/">Volver a la mesa de trabajo</a></p>
</header>
<main>
${paragraphs(info.description)}
<p>Definición de la API (OpenAPI 3.0, JSON): <a href="${escapeHtml(specPath)}"><code>${escapeHtml(specPath)}</code></a>${info.version ? ` · versión ${escapeHtml(info.version)}` : ''}${server ? ` · dirección de este servidor: <code>${escapeHtml(server)}</code>` : ''}.</p>
<p class="nota">QGIS: <em>Capa → Añadir capa → Añadir capa WFS / OGC API – Features</em>, con la dirección de este servidor. Cada operación se abre para ver sus parámetros y respuestas.</p>
<nav aria-label="Grupos de operaciones"><ul>${contents}</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
