import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { consoleLog } from './console-log.ts';

/** `npm run db:migrate`: applies pending migrations (no seed data) and exits. */
const db = await prepareDatabase(loadConfig(), consoleLog, { seed: false }).catch((error: Error) => {
  console.error(`No se pudo migrar: ${error.message}`);
  process.exit(1);
});
const rows = await db.query<{ version: string; name: string }>('select version, name from schema_migrations order by version');
console.log(rows.map((row) => `${row.version} ${row.name}`).join('\n'));
await db.close();
