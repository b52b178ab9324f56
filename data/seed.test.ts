import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('data/seed', () => {
  it('passes the seed contract: properties, enumerations, validity, inside the comuna, bridges cross the river, project matches', () => {
    const script = fileURLToPath(new URL('./tools/validate_seed.mjs', import.meta.url));
    const output = execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toMatch(/seed OK/);
  });
});
