/** A structural validity check of OpenAPI 3.0 documents, for the OGC API tests (own code; no OpenAPI validator is installed). */

type Json = Record<string, unknown>;

const schemaKeywords = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);
const schemaTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const pathItemKeys = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'parameters',
  'summary',
  'description',
  'servers',
  '$ref',
]);
const operationKeys = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function resolveRef(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Json)[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined),
      document,
    );
}

/**
 * Problems that make a document an invalid OpenAPI 3.0 description, checked
 * structurally (version, info, paths, operations, responses, parameters, path
 * templates, references) and keyword by keyword in every Schema Object:
 * JSON Schema keywords that OpenAPI 3.0 lacks (`const`, type arrays, `null`
 * type, `$id`, `examples`…) are what generated documents usually get wrong.
 */
export function openApiProblems(document: Json): string[] {
  const problems: string[] = [];
  const problem = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  if (typeof document.openapi !== 'string' || !/^3\.0\.\d+$/.test(document.openapi))
    problem('openapi', `no es 3.0.x: ${String(document.openapi)}`);
  const info = document.info as Json | undefined;
  if (typeof info?.title !== 'string' || typeof info.version !== 'string') problem('info', 'title y version son obligatorios');
  const checkSchema = (schema: unknown, where: string): void => {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return problem(where, 'no es un Schema Object');
    const object = schema as Json;
    if (typeof object.$ref === 'string') {
      if (resolveRef(document, object.$ref) === undefined) problem(where, `referencia rota ${object.$ref}`);
      return;
    }
    for (const key of Object.keys(object)) {
      if (!schemaKeywords.has(key) && !key.startsWith('x-')) problem(where, `palabra clave ajena a OpenAPI 3.0: ${key}`);
    }
    if (object.type !== undefined && (typeof object.type !== 'string' || !schemaTypes.has(object.type))) {
      problem(where, `type inválido: ${JSON.stringify(object.type)}`);
    }
    if (object.type === 'array' && object.items === undefined) problem(where, 'un array necesita items');
    for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) {
      if (object[key] !== undefined && typeof object[key] !== 'boolean') problem(where, `${key} debe ser booleano en 3.0`);
    }
    if (object.properties)
      for (const [name, child] of Object.entries(object.properties as Json)) checkSchema(child, `${where}.properties.${name}`);
    if (object.items) checkSchema(object.items, `${where}.items`);
    if (object.additionalProperties && typeof object.additionalProperties === 'object')
      checkSchema(object.additionalProperties, `${where}.additionalProperties`);
    for (const key of ['allOf', 'oneOf', 'anyOf'])
      (object[key] as unknown[] | undefined)?.forEach((child, i) => checkSchema(child, `${where}.${key}[${i}]`));
    if (object.not) checkSchema(object.not, `${where}.not`);
  };
  const checkContent = (content: unknown, where: string) => {
    for (const [type, media] of Object.entries((content ?? {}) as Json)) {
      if ((media as Json).schema !== undefined) checkSchema((media as Json).schema, `${where}.content[${type}].schema`);
    }
  };
  for (const [name, schema] of Object.entries(((document.components as Json | undefined)?.schemas ?? {}) as Json)) {
    checkSchema(schema, `components.schemas.${name}`);
  }
  const paths = document.paths as Json | undefined;
  if (!paths || typeof paths !== 'object') problem('paths', 'falta');
  for (const [route, item] of Object.entries(paths ?? {})) {
    if (!route.startsWith('/')) problem(route, 'la ruta debe empezar con /');
    const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!pathItemKeys.has(method)) problem(route, `clave ajena a Path Item: ${method}`);
      if (!operationKeys.has(method)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      const op = operation as Json;
      const parameters = (op.parameters ?? []) as Json[];
      const seen = new Set<string>();
      for (const parameter of parameters) {
        const label = `${where} parámetro ${String(parameter.name)}`;
        if (typeof parameter.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(String(parameter.in)))
          problem(label, 'name/in inválidos');
        if (seen.has(`${String(parameter.in)}:${String(parameter.name)}`)) problem(label, 'repetido');
        seen.add(`${String(parameter.in)}:${String(parameter.name)}`);
        if (parameter.in === 'path' && parameter.required !== true) problem(label, 'un parámetro de ruta es obligatorio');
        if (parameter.in === 'path' && !templated.includes(String(parameter.name))) problem(label, 'no aparece en la ruta');
        if (parameter.schema === undefined && parameter.content === undefined) problem(label, 'necesita schema o content');
        if (parameter.schema !== undefined) checkSchema(parameter.schema, label);
      }
      for (const name of templated) {
        if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name))
          problem(where, `falta el parámetro de ruta ${name}`);
      }
      const responses = op.responses as Json | undefined;
      if (!responses || Object.keys(responses).length === 0) problem(where, 'sin respuestas');
      for (const [status, response] of Object.entries(responses ?? {})) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problem(`${where} ${status}`, 'código de estado inválido');
        if (typeof (response as Json).description !== 'string') problem(`${where} ${status}`, 'falta description');
        checkContent((response as Json).content, `${where} ${status}`);
        for (const [header, value] of Object.entries(((response as Json).headers ?? {}) as Json)) {
          checkSchema((value as Json).schema, `${where} ${status} cabecera ${header}`);
        }
      }
      if (op.requestBody) checkContent((op.requestBody as Json).content, `${where} requestBody`);
    }
  }
  return problems;
}

/** The Parameter Object `name` of an operation, with `$ref`s resolved. */
export function parameterOf(document: Json, route: string, name: string): Json | undefined {
  const operation = ((document.paths as Json)[route] as Json | undefined)?.get as Json | undefined;
  const parameters = ((operation?.parameters ?? []) as Json[]).map((parameter) =>
    typeof parameter.$ref === 'string' ? (resolveRef(document, parameter.$ref) as Json) : parameter,
  );
  return parameters.find((parameter) => parameter.name === name);
}
