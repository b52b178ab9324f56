import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

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
  const app = await buildApp({ config });
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
