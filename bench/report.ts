import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/config.ts';

export const benchmarksFile = path.join(projectRoot, 'docs', 'benchmarks.md');

/** One line describing this machine, written beside every result. */
export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'CPU desconocida';
  const memory = Math.round(os.totalmem() / 2 ** 30);
  return `${os.cpus().length} × ${cpu}, ${memory} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * Replaces (or appends) the section between `<!-- bench:NAME:start -->` and
 * `<!-- bench:NAME:end -->` in docs/benchmarks.md, keeping the other sections.
 */
export async function writeSection(name: string, markdown: string, file = benchmarksFile): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = await readFile(file, 'utf8').catch(
    () => '# Benchmarks\n\nMeasured with `npm run bench`; ratios against a baseline measured in the same run.\n',
  );
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next.endsWith('\n') ? next : `${next}\n`);
}
