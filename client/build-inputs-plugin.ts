import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Records which of the project's files went into the client build (every
 * module the bundler read, outside node_modules), in `client-build.json`
 * beside the output folder (not inside it, so the server does not publish
 * it). `server/cli/build-client.ts` hashes those files to decide whether the
 * next `npm start` must build again.
 */
export function buildInputs(projectRoot: string): Plugin {
  let outDir = '';
  return {
    name: 'sit-build-inputs',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async generateBundle() {
      const files = new Set<string>();
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0]!.replace(/^\0/, '');
        if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const relative = path.relative(projectRoot, file);
        if (!relative.startsWith('..')) files.add(relative);
      }
      await writeFile(path.join(path.dirname(outDir), 'client-build.json'), `${JSON.stringify({ modules: [...files].sort() }, null, 1)}\n`);
    },
  };
}
