import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { consoleLog } from './console-log.ts';
import { writeReportPdf } from './report-pdf.ts';

/**
 * `npx tsx server/cli/report.ts --anio 2026 --semestre 1 --salida informe.pdf`:
 * the semiannual report to the Concejo as a PDF, printed by headless Chromium.
 */
const usage = 'Uso: tsx server/cli/report.ts --anio 2026 --semestre 1 --salida informe.pdf';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { anio: { type: 'string' }, semestre: { type: 'string' }, salida: { type: 'string' } },
  strict: true,
});
const anio = Number(values.anio);
const semestre = Number(values.semestre);
if (!Number.isInteger(anio) || anio < 2022 || anio > 2100) fail('«--anio» debe ser un año entre 2022 y 2100.');
if (semestre !== 1 && semestre !== 2) fail('«--semestre» debe ser 1 o 2.');
if (!values.salida) fail('Falta «--salida» (archivo PDF a escribir).');

const db = await prepareDatabase(loadConfig(), consoleLog).catch((error: Error) => {
  console.error(`No se pudo abrir la base de datos: ${error.message}`);
  process.exit(1);
});
try {
  const bytes = await writeReportPdf(db, anio, semestre, values.salida);
  console.log(`Informe ${anio}-S${semestre} escrito en ${values.salida} (${Math.round(bytes / 1024)} KB).`);
} catch (error) {
  console.error(`No se pudo escribir el informe: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
