import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** Public files of the field app that are not in the bundle (client/public). */
const publicShell = ['/campo.webmanifest', '/icons/campo.svg', '/icons/campo-192.png', '/icons/campo-512.png'];
const workerFile = 'campo-sw.js';

/** Every output file the field app's HTML entry needs: its chunks (static and dynamic), CSS, assets and workers. */
function shellFiles(bundle: OutputBundle, htmlName: string): string[] {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith(htmlName));
  if (!entry) throw new Error(`precache: no entry for ${htmlName}`);
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk') return;
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
    const meta = (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
    meta?.importedCss.forEach((file) => seen.add(file));
    meta?.importedAssets.forEach((file) => seen.add(file));
    // Worker files referenced by URL (MapLibre's `?worker&url`) appear in the code, not in the import graph.
    for (const output of Object.keys(bundle))
      if (output.includes('worker') && !output.endsWith('.map') && chunk.code.includes(path.basename(output))) seen.add(output);
  };
  visit(entry.fileName);
  return [...seen].filter((file) => !file.endsWith('.map'));
}

/**
 * Builds the field app's service worker (client/src/campo/service-worker.ts)
 * to /campo-sw.js and writes into it the app shell to precache, read from
 * the bundle, with a version that changes whenever the shell does.
 */
export function campoServiceWorker(): Plugin {
  const source = path.join(path.dirname(new URL(import.meta.url).pathname), 'service-worker.ts');
  return {
    name: 'sit-campo-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: source, fileName: workerFile });
    },
    generateBundle(_options, bundle) {
      const urls = ['/campo', ...shellFiles(bundle, 'campo.html').map((file) => `/${file}`), ...publicShell];
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12);
      const sw = bundle[workerFile];
      if (!sw || sw.type !== 'chunk') throw new Error('precache: the service worker was not built');
      sw.code = `self.campoPrecache = ${JSON.stringify({ version, urls })};\n${sw.code}`;
    },
  };
}
