import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { consoleLog } from './console-log.ts';

/** `npm run db:seed`: migrates and loads shipped data into layers never seeded. */
const db = await prepareDatabase(loadConfig(), consoleLog, { seed: true }).catch((error: Error) => {
  console.error(`No se pudieron cargar los datos: ${error.message}`);
  process.exit(1);
});
const rows = await db.query<{ layer_id: string; features: number; loaded_at: Date }>(
  'select layer_id, features, loaded_at from seed_log order by layer_id',
);
for (const row of rows) console.log(`${row.layer_id.padEnd(24)} ${String(row.features).padStart(6)}  ${row.loaded_at.toISOString()}`);
await db.close();
