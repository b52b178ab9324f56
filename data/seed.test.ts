import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { censusReconciliation2017 } from '../server/catalog/population.ts';
import { precisionLevels } from '../server/catalog/precision.ts';
// @ts-expect-error: the seed tools are plain ESM without type declarations.
import { CENSO_2017_COMUNA, PRECISIONS } from './tools/lib.mjs';

let output: string | undefined;
/** The validator's report, run once for the file. */
const validate = () =>
  (output ??= execFileSync(process.execPath, [fileURLToPath(new URL('./tools/validate_seed.mjs', import.meta.url))], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }));

describe('data/seed', () => {
  it('passes the seed contract: properties, enumerations, validity, inside the comuna, bridges cross the river, project matches, ilustrativa where drawn from a text, one population rule', () => {
    expect(validate()).toMatch(/seed OK/);
  });

  it('checks the seeds against the server’s own levels and census total', () => {
    expect(PRECISIONS).toEqual([...precisionLevels]);
    expect(CENSO_2017_COMUNA).toBe(censusReconciliation2017.comuna);
  });

  it('adds up to the census total the way the server states it', () => {
    const { comuna, manzanasUrbanas, entidadesRurales, sinLocalizar, sinRepartir } = censusReconciliation2017;
    expect(validate()).toContain(
      `population: census ${comuna} = urban blocks ${manzanasUrbanas} + rural units ${entidadesRurales} + not located ${sinLocalizar} + not distributed ${sinRepartir}`,
    );
    expect(manzanasUrbanas + entidadesRurales + sinLocalizar + sinRepartir).toBe(comuna);
  });
});
