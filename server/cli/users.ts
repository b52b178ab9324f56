import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { AccountError, createAccount, createToken, findAccount, listAccounts, setPassword, updateAccount } from '../auth/accounts.ts';
import { isRole, roles } from '../auth/roles.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { consoleLog } from './console-log.ts';

const usage = `Uso: npm run usuarios -- <orden> ...
  listar
  crear <usuario> --rol <${roles.join('|')}> --nombre "<nombre>"   (pide la contraseña)
  clave <usuario>                                   (pide la contraseña nueva; cierra sus sesiones)
  rol <usuario> <rol>
  desactivar <usuario> | activar <usuario>
  token <usuario> "<nombre del token>" [--dias N]   (muestra el token una sola vez)
La contraseña se pide sin eco en una terminal, o se lee de la primera línea de la entrada estándar.
Con la base embebida, detenga antes el servidor (la carpeta de datos admite un solo proceso).`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Reads a password: hidden prompt (twice) on a terminal, the first line of stdin otherwise. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    fail('No se recibió contraseña por la entrada estándar.');
  }
  const ask = async (text: string) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(text) ? text : '');
    const answer = await rl.question(text);
    rl.close();
    process.stdout.write('\n');
    return answer;
  };
  const first = await ask(prompt);
  if ((await ask('Repita la contraseña: ')) !== first) fail('Las contraseñas no coinciden.');
  return first;
}

const cliUser = { id: null, usuario: `cli:${userInfo().username}` };

async function run(db: Database, command: string | undefined, args: string[], options: { rol?: string; nombre?: string; dias?: string }) {
  switch (command) {
    case 'listar': {
      for (const account of await listAccounts(db)) {
        console.log(
          `${account.usuario.padEnd(24)} ${account.rol.padEnd(13)} ${account.activo ? 'activa  ' : 'inactiva'} ${account.demo ? 'demo ' : ''}${account.nombre}`,
        );
      }
      return;
    }
    case 'crear': {
      const [usuario] = args;
      if (!usuario || !options.rol || !options.nombre) fail(usage);
      if (!isRole(options.rol)) fail(`Rol desconocido «${options.rol}»; use ${roles.join(', ')}.`);
      const clave = await readPassword(`Contraseña para ${usuario}: `);
      await db.transaction(async (tx) => {
        const account = await createAccount(tx, { usuario, nombre: options.nombre!, rol: options.rol as never, clave });
        await recordAudit(tx, { user: cliUser, accion: 'crear', recurso: 'usuarios', objetoId: usuario, antes: null, despues: account });
      });
      console.log(`Cuenta «${usuario}» creada con rol ${options.rol}.`);
      return;
    }
    case 'clave': {
      const [usuario] = args;
      if (!usuario) fail(usage);
      if (!(await findAccount(db, usuario))) fail(`No existe el usuario «${usuario}».`);
      const clave = await readPassword(`Contraseña nueva para ${usuario}: `);
      await db.transaction(async (tx) => {
        const account = await findAccount(tx, usuario);
        await setPassword(tx, usuario, clave);
        await recordAudit(tx, {
          user: cliUser,
          accion: 'modificar',
          recurso: 'usuarios',
          objetoId: usuario,
          antes: account,
          despues: { ...account, clave: 'cambiada' },
        });
      });
      console.log(`Contraseña de «${usuario}» cambiada; sus sesiones se cerraron.`);
      return;
    }
    case 'rol':
    case 'activar':
    case 'desactivar': {
      const [usuario, rol] = args;
      if (!usuario || (command === 'rol' && !rol)) fail(usage);
      if (command === 'rol' && !isRole(rol)) fail(`Rol desconocido «${rol}»; use ${roles.join(', ')}.`);
      const change = command === 'rol' ? { rol: rol as never } : { activo: command === 'activar' };
      await db.transaction(async (tx) => {
        const before = await findAccount(tx, usuario);
        const after = await updateAccount(tx, usuario, change);
        await recordAudit(tx, {
          user: cliUser,
          accion: 'modificar',
          recurso: 'usuarios',
          objetoId: usuario,
          antes: before,
          despues: after,
        });
      });
      console.log(`Cuenta «${usuario}» actualizada.`);
      return;
    }
    case 'token': {
      const [usuario, nombre] = args;
      if (!usuario || !nombre) fail(usage);
      const account = await findAccount(db, usuario);
      if (!account) fail(`No existe el usuario «${usuario}».`);
      const dias = options.dias === undefined ? null : Number(options.dias);
      if (dias !== null && (!Number.isInteger(dias) || dias < 1)) fail('--dias debe ser un número entero de días.');
      const { token } = await createToken(db, account.id, nombre, dias);
      console.log(token);
      console.error('Guarde este token: no se vuelve a mostrar.');
      return;
    }
    default:
      fail(usage);
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { rol: { type: 'string' }, nombre: { type: 'string' }, dias: { type: 'string' } },
});
const [command, ...args] = positionals;
if (!command || command === 'ayuda') fail(usage);
const db = await prepareDatabase(loadConfig(), consoleLog, { seed: false }).catch((error: Error) =>
  fail(`No se pudo abrir la base de datos: ${error.message}`),
);
try {
  await run(db, command, args, values);
} catch (error) {
  if (error instanceof AccountError) {
    console.error(error.message);
    process.exitCode = 2;
  } else throw error;
} finally {
  await db.close();
}
