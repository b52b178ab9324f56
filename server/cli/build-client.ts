import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../config.ts';

/**
 * `npm start` runs this first, in the server's process (server.ts --cliente):
 * it builds the client (Vite) only when one of the files that went into the
 * last build changed, or was added where the build reads (client/, its
 * config, the lockfile). A warm start then skips the ~15 s build.
 * `npm run build` (this file with --forzar) always builds.
 */
const outDir = path.join(projectRoot, 'dist', 'client');
const inputsFile = path.join(projectRoot, 'dist', 'client-build.json');
const stampFile = path.join(projectRoot, 'dist', 'client-build.hash');

/** Every file under `dir`, relative to the project root. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
}

/** The files a build depends on: what the last build read, plus all of client/ (new files count) and the lockfile. */
async function inputs(): Promise<string[] | null> {
  const recorded = await readFile(inputsFile, 'utf8').then(
    (text) => (JSON.parse(text) as { modules: string[] }).modules,
    () => null,
  );
  if (!recorded) return null;
  const client = (await filesUnder('client')).filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`));
  return [...new Set([...recorded, ...client, 'package-lock.json'])].sort();
}

/** One hash of the paths and contents of `files`; null when one is missing (a module was removed: build again). */
async function hashOf(files: string[]): Promise<string | null> {
  const hash = createHash('sha256');
  for (const file of files) {
    const content = await readFile(path.join(projectRoot, file)).catch(() => null);
    if (content === null) return null;
    hash.update(file).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the client when its inputs changed since the last build (always
 * with `force`); resolves with the build's exit status (0 when nothing to do).
 */
export async function buildClientIfChanged(force = false): Promise<number> {
  const before = await inputs();
  const current = before ? await hashOf(before) : null;
  const stamp = await readFile(stampFile, 'utf8').catch(() => null);
  const built = await readdir(outDir).then(
    (files) => files.includes('index.html'),
    () => false,
  );
  const forced = force;
  if (!forced && built && current !== null && stamp?.trim() === current) {
    console.log('Cliente al día: sin cambios desde la última compilación (npm run build compila igual).');
    return 0;
  }
  if (!forced) console.log(built ? 'El cliente cambió: compilando…' : 'Compilando el cliente por primera vez…');
  // An interrupted build must never leave a stamp that says the output is current.
  await rm(stampFile, { force: true });
  const vite = path.join(projectRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'client/vite.config.ts'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  const after = await inputs();
  const hash = after ? await hashOf(after) : null;
  if (hash) await writeFile(stampFile, `${hash}\n`);
  return 0;
}

// As a command (`npm run build`): node … build-client.ts [--forzar].
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await buildClientIfChanged(process.argv.includes('--forzar'));
}
