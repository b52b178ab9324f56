import { describe, expect, it } from 'vitest';
import { ConfigError, defaults, loadConfig, redactUrl } from './config.ts';

describe('loadConfig', () => {
  it('uses the defaults with an empty environment: embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe(defaults.dataDir);
  });

  it('reads DATABASE_URL and numbers from the environment', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://sit@db:5432/sit', PORT: '8080', SIT_SEED: 'false' });
    expect(config.databaseUrl).toBe('postgres://sit@db:5432/sit');
    expect(config.port).toBe(8080);
    expect(config.seed).toBe(false);
  });

  it('names the variable at fault and hides the database URL', () => {
    expect(() => loadConfig({ PORT: 'tres mil' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'tres mil' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secreto@x/db' })).toThrow(/DATABASE_URL=\(oculto\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secreto@x/db' })).not.toThrow(/secreto/);
  });
});

describe('redactUrl', () => {
  it('replaces the password', () => {
    expect(redactUrl('postgres://sit:clave@db/sit')).toBe('postgres://sit:***@db/sit');
  });
});
