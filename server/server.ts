import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { syncDemoAccounts } from './auth/demo.ts';
import { buildClientIfChanged } from './cli/build-client.ts';
import { demoPresence } from './figures/demo.ts';
import { demoSummaryText } from './figures/demo-text.ts';
import { loadDemoScenario } from './figures/demo-scenario.ts';
import { todayInChile } from './routes/plan/tracking-checks.ts';

/** Entry point: read configuration, build the app, listen, and shut down cleanly on signals. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // npm start: build the client if a file that went into it changed (one process, no second tsx start-up).
  // With a client already built, the check runs while the database opens in its worker thread; the
  // first build of a fresh clone comes before the app, whose static files plugin needs it.
  let app;
  if (process.argv.includes('--cliente')) {
    const built = existsSync(path.join(config.clientDir, 'index.html'));
    const [status, opened] = built
      ? await Promise.all([buildClientIfChanged(), buildApp({ config })])
      : [await buildClientIfChanged(), null];
    if (status !== 0) {
      console.error('No se pudo compilar el cliente; el SIT no inicia.');
      await opened?.close();
      process.exit(status);
    }
    app = opened ?? (await buildApp({ config }));
  } else {
    app = await buildApp({ config });
  }
  const demo = await syncDemoAccounts(app.db, config.demo);
  if (demo.removed > 0) app.log.warn({ cuentas: demo.removed }, 'modo demostración apagado: se eliminaron las cuentas de demostración');
  if (config.demo) {
    // Printed on purpose: demo mode exists to let people try every role. Never use it with real data.
    console.log('\nMODO DEMOSTRACIÓN (SIT_DEMO=1): cuentas con contraseñas conocidas, no usar con datos reales.');
    for (const account of demo.created)
      console.log(`  ${account.rol.padEnd(13)} usuario ${account.usuario.padEnd(19)} contraseña ${account.clave}`);
    const scenario = await loadDemoScenario(app.db, todayInChile());
    console.log(
      scenario.cargado
        ? `Escenario de seguimiento de demostración cargado: ${scenario.proyectos} proyectos, ${scenario.estados} cambios de estado, ${scenario.avances} avances, ${scenario.hitos} hitos, ${scenario.presupuestos} líneas de presupuesto, ${scenario.indicadores} indicadores (todo marcado demo).`
        : 'El escenario de seguimiento de demostración ya estaba cargado.',
    );
    console.log('Los informes oficiales lo dejan fuera o en un recuadro marcado; «npm run demo:remove» lo elimina.\n');
  } else {
    const present = await demoPresence(app.db);
    if (present.incluye_demo)
      app.log.warn(
        { datos_demo: present.datos_demo },
        `la base contiene datos de demostración (${demoSummaryText(present.datos_demo)}); «npm run demo:remove» los elimina`,
      );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'cerrando: servidor HTTP, conexiones y base de datos');
    const timer = setTimeout(() => {
      app.log.error('el cierre tardó más de 20 s; saliendo');
      process.exit(1);
    }, 20_000);
    timer.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error al cerrar');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: Error) => {
  console.error(`No se pudo iniciar el SIT: ${error.message}`);
  process.exit(1);
});
