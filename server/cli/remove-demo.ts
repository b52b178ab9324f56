import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { removeDemoData } from '../db/remove-demo.ts';
import { consoleLog } from './console-log.ts';

/** How each count of removeDemoData reads to a person. */
const labels: Record<string, string> = {
  seguimiento_proyectos: 'proyectos con seguimiento de demostración',
  seguimiento_filas: 'filas de seguimiento (estados, avances, hitos, presupuestos, indicadores)',
};

/**
 * `npm run demo:remove`: deletes every feature labelled 'demo' (e.g. the
 * demo micro-dumps) and the demo plan-tracking scenario of `npm run demo`.
 */
const db = await prepareDatabase(loadConfig(), consoleLog, { seed: false }).catch((error: Error) => {
  console.error(`No se pudo abrir la base de datos: ${error.message}`);
  process.exit(1);
});
const removed = await removeDemoData(db);
if (Object.keys(removed).length === 0) console.log('No hay datos de demostración.');
else console.log('Eliminados los datos de demostración:');
for (const [what, count] of Object.entries(removed)) console.log(`  ${labels[what] ?? what}: ${count}`);
await db.close();
