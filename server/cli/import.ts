import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { precisionLevelsText } from '../catalog/precision.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import {
  formatReport,
  importFile,
  ImportError,
  readImportSource,
  supportedFormats,
  type ImportMode,
  type ImportOptions,
  type ImportProgress,
  type SourceData,
} from '../import/index.ts';
import { checkOptions, layerFor } from '../import/options.ts';
import { consoleLog } from './console-log.ts';

const usage = `Uso: npm run import -- <archivo> --layer <id> [opciones]

Importa un archivo oficial a una capa del SIT, todo o nada, en una sola transacción.
Formatos: ${supportedFormats}.

Opciones:
  --layer <id>            capa de destino (obligatoria)
  --mode append|replace   agregar a la capa (por omisión) o reemplazar todo su contenido
  --srid <EPSG>           sistema de referencia del archivo, si no lo declara (p. ej. 32719, 5361, 24879)
  --fuente <texto>        fuente para los elementos que no la traen
  --precision <valor>     precisión para los elementos que no la traen: ${precisionLevelsText}
  --asignar campo=valor   da ese valor al campo en todos los elementos (repetible), p. ej. --asignar area=urbana
  --mapear COLUMNA=campo  toma el campo de esa columna del archivo (repetible), p. ej. --mapear COD_UV=codigo
  --encoding <nombre>     codificación del texto (.dbf, CSV), p. ej. UTF-8 o ISO-8859-1
  --source-layer <nombre> capa a leer dentro de un GeoPackage o un .zip con varios shapefiles
  --dry-run               valida y muestra el informe sin escribir nada
  --strict                rechaza geometrías inválidas en vez de repararlas
  --skip-invalid          carga los elementos válidos y lista los omitidos con su motivo
  --json                  escribe el informe en JSON
  -h, --help              muestra esta ayuda

Códigos de salida: 0 importación hecha (o simulación sin errores), 1 importación rechazada, 2 error de uso.`;

class UsageError extends Error {}

/** `--asignar campo=valor` / `--mapear COLUMNA=campo`, each repeatable, as a record; a key given twice is a usage error. */
function pairs(flag: string, shape: string, given: string[] | undefined): Record<string, string> | undefined {
  if (!given || given.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const text of given) {
    const equals = text.indexOf('=');
    const key = text.slice(0, equals).trim();
    if (equals <= 0 || key === '' || text.slice(equals + 1).trim() === '')
      throw new UsageError(`${flag} espera ${shape}; se recibió «${text}».`);
    if (key in result) throw new UsageError(`${flag} ${key} se indicó más de una vez.`);
    result[key] = text.slice(equals + 1).trim();
  }
  return result;
}

function parseCommandLine(argv: string[]): ImportOptions & { json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        layer: { type: 'string', short: 'l' },
        mode: { type: 'string', default: 'append' },
        srid: { type: 'string' },
        fuente: { type: 'string' },
        precision: { type: 'string' },
        encoding: { type: 'string' },
        'source-layer': { type: 'string' },
        asignar: { type: 'string', multiple: true },
        mapear: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(option ? `Opción no reconocida o incompleta: ${option}.` : `Argumentos inválidos: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'Falta el archivo a importar.' : `Se indicó más de un archivo: ${positionals.join(', ')}.`,
    );
  if (!values.layer) throw new UsageError('Falta --layer <id>: la capa de destino.');
  if (values.srid !== undefined && !/^\d+$/.test(values.srid))
    throw new UsageError(`--srid debe ser un código EPSG numérico (p. ej. 32719); se recibió «${values.srid}».`);
  const assign = pairs('--asignar', 'campo=valor', values.asignar);
  const columnMap = pairs('--mapear', 'COLUMNA=campo', values.mapear);
  return {
    file: positionals[0] as string,
    layerId: values.layer,
    mode: values.mode as ImportMode,
    dryRun: values['dry-run'],
    strict: values.strict,
    skipInvalid: values['skip-invalid'],
    json: values.json,
    ...(values.srid !== undefined ? { srid: Number(values.srid) } : {}),
    ...(values.fuente !== undefined ? { fuente: values.fuente } : {}),
    ...(values.precision !== undefined ? { precision: values.precision } : {}),
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    ...(values['source-layer'] !== undefined ? { sourceLayer: values['source-layer'] } : {}),
    ...(assign ? { assign } : {}),
    ...(columnMap ? { columnMap } : {}),
  };
}

/** A progress bar on stdout while features are checked, only on a terminal and for files worth it. */
function progressBar(): { onProgress?: (progress: ImportProgress) => void; stop: () => void } {
  if (!process.stdout.isTTY) return { stop: () => {} };
  const bar = new SingleBar({ format: 'Validando {bar} {value}/{total} elementos', hideCursor: true, clearOnComplete: true });
  let started = false;
  return {
    onProgress(progress) {
      if (progress.phase !== 'validate' || progress.total < 1000) return;
      if (!started) bar.start(progress.total, 0);
      started = true;
      bar.update(progress.done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** Prints a refused import: the reason in Spanish, or with --json the code, the reason and the report so far. */
function printRefusal(error: ImportError, json: boolean): number {
  if (json) console.log(JSON.stringify({ error: { code: error.code, message: error.message }, report: error.report ?? null }, null, 2));
  else console.error(error.message);
  return error.isUsageError ? 2 : 1;
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseCommandLine>;
  try {
    options = parseCommandLine(process.argv.slice(2));
    checkOptions(options, layerFor(options.layerId));
    await stat(options.file).catch(() => {
      throw new ImportError('file_not_found', `No existe el archivo «${options.file}».`);
    });
  } catch (error) {
    if (error instanceof UsageError || (error instanceof ImportError && error.isUsageError)) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  // The file is read before the database is opened: a file that cannot be imported never starts it.
  let source: SourceData;
  try {
    source = await readImportSource(options);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return printRefusal(error, options.json);
  }
  let db: Database;
  try {
    db = await prepareDatabase(loadConfig(), consoleLog);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `No se pudo abrir la base de datos: ${(error as Error).message}`);
    return error instanceof ConfigError ? 2 : 1;
  }
  const progress = progressBar();
  try {
    const report = await importFile(db, { ...options, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) }, source);
    progress.stop();
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof ImportError)) throw error;
    return printRefusal(error, options.json);
  } finally {
    await db.close();
  }
}

process.exitCode = await main().catch((error: Error) => {
  console.error(`Error inesperado durante la importación: ${error.message}`);
  return 1;
});
