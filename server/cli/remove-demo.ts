import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { removeDemoData } from '../db/remove-demo.ts';
import { consoleLog } from './console-log.ts';

/** `npm run demo:remove`: deletes every feature labelled 'demo' (e.g. the demo micro-dumps). */
const db = await prepareDatabase(loadConfig(), consoleLog, { seed: false }).catch((error: Error) => {
  console.error(`No se pudo abrir la base de datos: ${error.message}`);
  process.exit(1);
});
const removed = await removeDemoData(db);
const total = Object.values(removed).reduce((sum, count) => sum + count, 0);
console.log(total === 0 ? 'No hay datos de demostración.' : `Eliminados ${total} elementos de demostración:`);
for (const [layer, count] of Object.entries(removed)) console.log(`  ${layer}: ${count}`);
await db.close();
