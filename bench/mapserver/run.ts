import { writeSection } from '../report.ts';
import { benchServerUrl } from '../server-url.ts';
import { runMapServerBench } from './compare.ts';

/** `npm run bench:mapserver`: only the SIT vs MapServer comparison; writes its section of docs/benchmarks.md. */
async function main() {
  const markdown = await runMapServerBench(benchServerUrl());
  if (!markdown) return;
  await writeSection('mapserver', markdown);
  console.log(markdown);
}

main().catch((error: Error) => {
  console.error(`La comparación con MapServer falló: ${error.stack ?? error.message}`);
  process.exit(1);
});
