import { execSync } from 'node:child_process';
import { projectRoot } from '../server/config.ts';

/**
 * The PostgreSQL/PostGIS server the benchmarks use: BENCH_DATABASE_URL, or
 * by default the private cluster of .ci/postgres (installed and started if
 * needed, as root; left running, since others may use it).
 */
export function benchServerUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  execSync('bash .ci/postgres install && bash .ci/postgres start', { cwd: projectRoot, stdio: 'inherit' });
  return execSync('bash .ci/postgres url', { cwd: projectRoot }).toString().trim();
}
