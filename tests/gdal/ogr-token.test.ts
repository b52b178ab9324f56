import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createToken } from '../../server/auth/accounts.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Asynchronous on purpose: the server answering GDAL runs in this same process.
const run = promisify(execFile);

async function ogrinfo(args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('ogrinfo', args, { timeout: 100_000 });
    return { ok: true, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('GDAL no está instalado: falta «ogrinfo» (apt-get install gdal-bin).', { cause: error });
    return { ok: false, output: `${failure.stdout ?? ''}\n${failure.stderr ?? failure.message}` };
  }
}

let server: TestServer;
let token = '';

async function lastUse(): Promise<string | null> {
  const [row] = await server.app.db.query<{ ultimo_uso: string | null }>(
    `select ultimo_uso::text from api_tokens t join usuarios u on u.id = t.usuario_id where u.usuario = 'qgis.oficina'`,
  );
  return row?.ultimo_uso ?? null;
}

beforeAll(async () => {
  server = await startTestServer();
  const account = await createAccount(server.app.db, {
    usuario: 'qgis.oficina',
    nombre: 'QGIS oficina',
    rol: 'planificador',
    clave: 'clave de qgis 2026',
  });
  token = (await createToken(server.app.db, account.id, 'GDAL')).token;
});
afterAll(async () => server?.close());

describe('personal API tokens from GDAL (what QGIS uses underneath)', () => {
  it('reads the collections with the token as a Bearer header', async () => {
    const result = await ogrinfo([
      '-ro',
      '-so',
      '--config',
      'GDAL_HTTP_HEADERS',
      `Authorization: Bearer ${token}`,
      `OAPIF:${server.baseUrl}/`,
      'patrimonio',
    ]);
    expect(result.output).toMatch(/Feature Count: \d+/);
    expect(result.ok).toBe(true);
    expect(await lastUse()).not.toBeNull();
  });

  it('reads with basic authentication: the account name and the token as password', async () => {
    await server.app.db.query(`update api_tokens set ultimo_uso = null`);
    server.app.forgetCredentials();
    const result = await ogrinfo([
      '-ro',
      '-so',
      '--config',
      'GDAL_HTTP_AUTH',
      'BASIC',
      '--config',
      'GDAL_HTTP_USERPWD',
      `qgis.oficina:${token}`,
      `OAPIF:${server.baseUrl}/`,
      'patrimonio',
    ]);
    expect(result.ok).toBe(true);
    expect(await lastUse()).not.toBeNull();
  });

  it('fails with a revoked token instead of silently reading as the public', async () => {
    await server.app.db.query(`update api_tokens set revocado_en = now()`);
    server.app.forgetCredentials();
    const result = await ogrinfo([
      '-ro',
      '-so',
      '--config',
      'GDAL_HTTP_HEADERS',
      `Authorization: Bearer ${token}`,
      `OAPIF:${server.baseUrl}/`,
      'patrimonio',
    ]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/401/);
  });
});
