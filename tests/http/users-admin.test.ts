import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { projectRoot } from '../../server/config.ts';
import { openEmbeddedDatabase } from '../../server/db/embedded.ts';
import type { Database } from '../../server/db/database.ts';
import { syncDemoAccounts, demoAccounts } from '../../server/auth/demo.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { authHeaders } from '../support/auth.ts';

let database: TestDatabase;

/** `npm run usuarios` in its own process on this file's database copy, with `input` on stdin. */
function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SIT_SEED: 'false', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (database.config.databaseUrl) env.DATABASE_URL = database.config.databaseUrl;
  else env.SIT_DATA_DIR = database.location;
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['server/cli/users.ts', ...args], { cwd: projectRoot, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

beforeAll(async () => {
  database = await openTestDatabase();
  if (database.db.mode === 'embedded') await database.db.close();
});
afterAll(async () => database?.dispose());

let cliToken = '';

describe('npm run usuarios', () => {
  it('creates an account with the password read from stdin', async () => {
    const result = await cli(['crear', 'ana.secpla', '--rol', 'planificador', '--nombre', 'Ana Rojas'], 'una clave larga 2026\n');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Cuenta «ana.secpla» creada con rol planificador/);
  });

  it('refuses a weak password, an unknown role and a taken name with exit code 2 and a reason', async () => {
    const weak = await cli(['crear', 'beto', '--rol', 'revisor', '--nombre', 'Beto'], 'corta\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/al menos 10 caracteres/);
    const role = await cli(['crear', 'beto', '--rol', 'alcalde', '--nombre', 'Beto'], 'una clave larga 2026\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/Rol desconocido/);
    const taken = await cli(['crear', 'ana.secpla', '--rol', 'revisor', '--nombre', 'Otra'], 'una clave larga 2026\n');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/Ya existe el usuario/);
  });

  it('resets a password and makes a personal token', async () => {
    expect((await cli(['clave', 'ana.secpla'], 'otra clave larga 2027\n')).code).toBe(0);
    const token = await cli(['token', 'ana.secpla', 'QGIS oficina']);
    expect(token.code).toBe(0);
    cliToken = token.stdout.trim();
    expect(cliToken).toMatch(/^sit_[\w-]{40,}$/);
    const listed = await cli(['listar']);
    expect(listed.stdout).toMatch(/ana\.secpla\s+planificador\s+activa/);
  });
});

describe('accounts in the API', () => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = database.db.mode === 'embedded' ? await openEmbeddedDatabase(database.location) : database.db;
    app = await buildApp({ config: database.config, database: db, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    if (db && db !== database.db) await db.close();
  });

  const login = (usuario: string, clave: string) => app.inject({ method: 'POST', url: '/auth/login', payload: { usuario, clave } });

  it('signs in with what the CLI set, and the CLI token authenticates', async () => {
    expect((await login('ana.secpla', 'una clave larga 2026')).statusCode).toBe(401);
    expect((await login('ana.secpla', 'otra clave larga 2027')).statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/auth/sesion', headers: { authorization: `Bearer ${cliToken}` } });
    expect(me.json().usuario).toMatchObject({ usuario: 'ana.secpla', rol: 'planificador' });
    const [audit] = await db.query<{ usuario: string }>(
      `select usuario from auditoria where recurso = 'usuarios' and objeto_id = 'ana.secpla' order by id limit 1`,
    );
    expect(audit!.usuario).toMatch(/^cli:/);
  });

  it('has no demo account unless demo mode is on, and removes them when it is turned off', async () => {
    for (const account of demoAccounts) expect((await login(account.usuario, account.clave)).statusCode).toBe(401);
    await syncDemoAccounts(db, true);
    for (const account of demoAccounts) {
      const response = await login(account.usuario, account.clave);
      expect(response.statusCode).toBe(200);
      expect(response.json().usuario.rol).toBe(account.rol);
    }
    const { removed } = await syncDemoAccounts(db, false);
    expect(removed).toBe(demoAccounts.length);
    app.forgetCredentials();
    for (const account of demoAccounts) expect((await login(account.usuario, account.clave)).statusCode).toBe(401);
  });

  it('lets an administrator create, demote and deactivate accounts; nobody else', async () => {
    const admin = await authHeaders(app, 'admin');
    const planner = await authHeaders(app, 'planificador');
    const body = { usuario: 'carla.revisa', nombre: 'Carla Pérez', rol: 'revisor', clave: 'clave de carla 2026' };
    expect((await app.inject({ method: 'POST', url: '/usuarios', headers: planner, payload: body })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/usuarios', payload: body })).statusCode).toBe(401);
    const created = await app.inject({ method: 'POST', url: '/usuarios', headers: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('clave_hash');
    expect((await app.inject({ method: 'POST', url: '/usuarios', headers: admin, payload: body })).statusCode).toBe(409);
    const weak = await app.inject({
      method: 'POST',
      url: '/usuarios',
      headers: admin,
      payload: { ...body, usuario: 'otra', clave: 'corta' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().field).toBe('clave');

    const session = await login('carla.revisa', 'clave de carla 2026');
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    const changed = await app.inject({ method: 'PATCH', url: '/usuarios/carla.revisa', headers: admin, payload: { rol: 'terreno' } });
    expect(changed.json().rol).toBe('terreno');
    // A role change ends the person's sessions: the old cookie is now the public's.
    expect((await app.inject({ method: 'GET', url: '/auth/sesion', headers: { cookie } })).json().usuario).toBeNull();
    await app.inject({ method: 'PATCH', url: '/usuarios/carla.revisa', headers: admin, payload: { activo: false } });
    expect((await login('carla.revisa', 'clave de carla 2026')).statusCode).toBe(401);
    const list = await app.inject({ method: 'GET', url: '/usuarios', headers: admin });
    expect(list.json().find((account: { usuario: string }) => account.usuario === 'carla.revisa')).toMatchObject({
      rol: 'terreno',
      activo: false,
    });
  });

  it('exports the audit trail to administrators as CSV with every account change', async () => {
    const admin = await authHeaders(app, 'admin');
    const csv = await app.inject({ method: 'GET', url: '/auditoria?f=csv&recurso=usuarios', headers: admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,ocurrido_en_utc,usuario,accion,recurso,objeto_id,antes,despues');
    const [count] = await db.query<{ n: number }>(`select count(*)::int as n from auditoria where recurso = 'usuarios'`);
    expect(lines.length - 1).toBe(count!.n);
    expect(csv.body).toMatch(/carla\.revisa/);
    expect(csv.body).not.toMatch(/scrypt\$/);
    const planner = await authHeaders(app, 'planificador');
    expect((await app.inject({ method: 'GET', url: '/auditoria', headers: planner })).statusCode).toBe(403);
  });
});
