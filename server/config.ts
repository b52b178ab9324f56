import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository, resolved from this file so that the server runs from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ConfigSchema = Type.Object({
  /** TCP port of the HTTP server. */
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** Interface to listen on; 127.0.0.1 keeps the SIT private to this machine. */
  host: Type.String({ minLength: 1 }),
  /** postgres:// URL of a PostgreSQL/PostGIS server; empty means the embedded PostGIS. */
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  /** Folder of the embedded database (ignored with databaseUrl). */
  dataDir: Type.String({ minLength: 1 }),
  /** Folder of the built client served at `/`. */
  clientDir: Type.String({ minLength: 1 }),
  logLevel: Type.Union([
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent'),
  ]),
  /** Milliseconds before a server-mode query is cancelled by PostgreSQL. */
  statementTimeoutMs: Type.Integer({ minimum: 100 }),
  /** Milliseconds to wait for a new server connection before answering 503. */
  connectTimeoutMs: Type.Integer({ minimum: 100 }),
  poolMax: Type.Integer({ minimum: 1, maximum: 200 }),
  /** Load the shipped seed data into empty layers on start. */
  seed: Type.Boolean(),
  /** Memory for rendered vector tiles, in MiB; 0 turns the cache off (benchmarks). */
  tileCacheMb: Type.Integer({ minimum: 0, maximum: 4096 }),
  /** Milliseconds tiles reuse a snapshot of layer versions: a write shows in tiles at most this late; 0 = exact. */
  tileVersionTtlMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
  /** Metres an edited geometry may reach beyond the comuna's boundary (digitising slack). */
  comunaToleranceM: Type.Integer({ minimum: 0, maximum: 50_000 }),
  /** Metres within which a new micro-dump report beside a cleaned site is linked to it as a reincidence. */
  reincidenceDistanceM: Type.Integer({ minimum: 1, maximum: 1_000 }),
  /** Demo mode: demo accounts with known passwords are created and printed at start. Never in production. */
  demo: Type.Boolean(),
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS termination). */
  trustProxy: Type.Boolean(),
  /** Analyses, reports and exports running at once; 0 = automatic (1 embedded, half the pool on a server). */
  heavyConcurrency: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Heavy requests that may wait for a turn; the next one is refused at once with 503. */
  heavyQueue: Type.Integer({ minimum: 0, maximum: 1_000 }),
  /** Milliseconds a heavy request may wait for its turn before a 503. */
  heavyWaitMs: Type.Integer({ minimum: 0, maximum: 600_000 }),
  /** Embedded database: a read replica in a second thread for analyses and reports (uses the second core). */
  embeddedReplica: Type.Boolean(),
  /**
   * The address people open the SIT at (http(s)://host[:port][/path], no trailing slash): printed
   * documents carry absolute links built from it. Empty in the environment = derived from HOST and PORT.
   */
  publicUrl: Type.String({ pattern: '^(https?://[^\\s/?#]+(/[^\\s?#]*)?)?$' }),
});

export type Config = Static<typeof ConfigSchema>;

/** Every default lives here. */
export const defaults: Config = {
  port: 3000,
  host: '127.0.0.1',
  databaseUrl: null,
  dataDir: path.join(projectRoot, '.data', 'pglite'),
  clientDir: path.join(projectRoot, 'dist', 'client'),
  logLevel: 'info',
  statementTimeoutMs: 15_000,
  connectTimeoutMs: 3_000,
  poolMax: 10,
  seed: true,
  tileCacheMb: 64,
  tileVersionTtlMs: 1_000,
  comunaToleranceM: 200,
  reincidenceDistanceM: 30,
  demo: false,
  trustProxy: false,
  heavyConcurrency: 0,
  heavyQueue: 8,
  heavyWaitMs: 10_000,
  embeddedReplica: true,
  publicUrl: '',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const variables: Record<keyof Config, string> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'SIT_DATA_DIR',
  clientDir: 'SIT_CLIENT_DIR',
  logLevel: 'LOG_LEVEL',
  statementTimeoutMs: 'SIT_STATEMENT_TIMEOUT_MS',
  connectTimeoutMs: 'SIT_CONNECT_TIMEOUT_MS',
  poolMax: 'SIT_POOL_MAX',
  seed: 'SIT_SEED',
  tileCacheMb: 'SIT_TILE_CACHE_MB',
  tileVersionTtlMs: 'SIT_TILE_VERSION_TTL_MS',
  comunaToleranceM: 'SIT_COMUNA_TOLERANCE_M',
  reincidenceDistanceM: 'SIT_REINCIDENCIA_M',
  demo: 'SIT_DEMO',
  trustProxy: 'SIT_TRUST_PROXY',
  heavyConcurrency: 'SIT_HEAVY_CONCURRENCY',
  heavyQueue: 'SIT_HEAVY_QUEUE',
  heavyWaitMs: 'SIT_HEAVY_WAIT_MS',
  embeddedReplica: 'SIT_EMBEDDED_REPLICA',
  publicUrl: 'SIT_PUBLIC_URL',
};

function parseValue(key: keyof Config, raw: string): unknown {
  const fallback = defaults[key];
  if (typeof fallback === 'number') return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof fallback === 'boolean') {
    if (/^(1|true|yes|si|sí)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    return raw;
  }
  if (key === 'dataDir' || key === 'clientDir') return path.resolve(raw);
  return raw;
}

/**
 * Reads the configuration from environment variables, applies defaults and
 * validates it. Throws a ConfigError naming the variable at fault.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const candidate: Record<string, unknown> = { ...defaults };
  for (const [key, variable] of Object.entries(variables) as [keyof Config, string][]) {
    const raw = env[variable];
    if (raw !== undefined && raw !== '') candidate[key] = parseValue(key, raw);
  }
  Object.assign(candidate, overrides);
  const firstError = Value.Errors(ConfigSchema, candidate)[0];
  if (firstError) {
    const key = firstError.instancePath.replace(/^\//, '').split('/')[0] as keyof Config;
    const variable = variables[key] ?? key;
    const shown = key === 'databaseUrl' ? '(oculto)' : JSON.stringify(candidate[key]);
    throw new ConfigError(`Configuración inválida: ${variable}=${shown}: ${firstError.message}`);
  }
  const config = candidate as Config;
  return { ...config, publicUrl: config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : derivedPublicUrl(config) };
}

/**
 * The public address when SIT_PUBLIC_URL is not set: http on the host and
 * port the server listens on; a wildcard interface is named by the machine's
 * host name (what others on the network would type), loopback as localhost.
 */
export function derivedPublicUrl(config: Pick<Config, 'host' | 'port'>): string {
  const wildcard = ['0.0.0.0', '::', '[::]'].includes(config.host);
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(config.host);
  const host = wildcard ? os.hostname() : loopback ? 'localhost' : config.host;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${shown}${config.port === 80 ? '' : `:${config.port}`}`;
}

/** A connection string with its password replaced, safe for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(URL inválida)';
  }
}

/** Heavy requests allowed at once: the configured number, or 1 on the embedded database and half the pool on a server. */
export function heavyConcurrencyOf(config: Config): number {
  if (config.heavyConcurrency > 0) return config.heavyConcurrency;
  return config.databaseUrl ? Math.max(1, Math.floor(config.poolMax / 2)) : 1;
}
