import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { consoleLog } from './console-log.ts';
import { writeReportPdf, writeUnitSheetPdf } from './report-pdf.ts';

/**
 * `npx tsx server/cli/report.ts --anio 2026 --semestre 1 --salida informe.pdf`:
 * the semiannual report to the Concejo as a PDF, printed by headless Chromium.
 * `--unidad 7 --salida ficha.pdf`: the one-page territorial sheet of
 * neighbourhood unit 7 (unidades_vecinales.id) instead.
 */
const usage =
  'Uso: tsx server/cli/report.ts --anio 2026 --semestre 1 --salida informe.pdf\n     tsx server/cli/report.ts --unidad 7 --salida ficha.pdf';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { anio: { type: 'string' }, semestre: { type: 'string' }, unidad: { type: 'string' }, salida: { type: 'string' } },
  strict: true,
});
const anio = Number(values.anio);
const semestre = Number(values.semestre);
const unidad = values.unidad === undefined ? null : Number(values.unidad);
if (unidad !== null && (!Number.isInteger(unidad) || unidad < 1))
  fail('«--unidad» debe ser el id (entero positivo) de una unidad vecinal.');
if (unidad === null && (!Number.isInteger(anio) || anio < 2022 || anio > 2100)) fail('«--anio» debe ser un año entre 2022 y 2100.');
if (unidad === null && semestre !== 1 && semestre !== 2) fail('«--semestre» debe ser 1 o 2.');
if (!values.salida) fail('Falta «--salida» (archivo PDF a escribir).');
const output = values.salida;

const config = loadConfig();
const db = await prepareDatabase(config, consoleLog).catch((error: Error) => {
  console.error(`No se pudo abrir la base de datos: ${error.message}`);
  process.exit(1);
});
try {
  if (unidad !== null) {
    const bytes = await writeUnitSheetPdf(db, unidad, output, undefined, { publicUrl: config.publicUrl });
    console.log(`Ficha de la unidad vecinal ${unidad} escrita en ${output} (${Math.round(bytes / 1024)} KB).`);
  } else {
    const bytes = await writeReportPdf(db, anio, semestre as 1 | 2, output, { publicUrl: config.publicUrl });
    console.log(`Informe ${anio}-S${semestre} escrito en ${output} (${Math.round(bytes / 1024)} KB).`);
  }
} catch (error) {
  console.error(`No se pudo escribir el informe: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
