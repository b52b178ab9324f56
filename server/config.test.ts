import { describe, expect, it } from 'vitest';
import os from 'node:os';
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

describe('SIT_PUBLIC_URL', () => {
  it('is derived from HOST and PORT when not set, so printed links point at this server', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe(`http://${os.hostname()}:8080`);
    expect(loadConfig({ HOST: 'sit.vallenar.local', PORT: '80' }).publicUrl).toBe('http://sit.vallenar.local');
  });

  it('takes the configured address without a trailing slash and refuses one that is not http(s)', () => {
    expect(loadConfig({ SIT_PUBLIC_URL: 'https://sit.vallenar.cl/' }).publicUrl).toBe('https://sit.vallenar.cl');
    expect(loadConfig({ SIT_PUBLIC_URL: 'https://muni.cl/sit' }).publicUrl).toBe('https://muni.cl/sit');
    expect(() => loadConfig({ SIT_PUBLIC_URL: 'sit.vallenar.cl' })).toThrow(/SIT_PUBLIC_URL/);
  });
});

describe('redactUrl', () => {
  it('replaces the password', () => {
    expect(redactUrl('postgres://sit:clave@db/sit')).toBe('postgres://sit:***@db/sit');
  });
});
