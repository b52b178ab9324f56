import { describe, expect, it } from 'vitest';
import * as workbench from '../../../client/src/map/colors.ts';
import { dumpStatusColors as workbenchDumpColors } from '../../../client/src/layers/microbasurales-layer.ts';
import * as printed from './map-palette.ts';

/** The printed sheet mirrors the workbench's colours: this fails the moment one of them changes alone. */
describe('the printed map palette', () => {
  it('has the workbench colour of every lineamiento, and the same fallback', () => {
    expect(printed.lineamientoColors).toEqual(workbench.lineamientoColors);
    expect(printed.unknownColor).toBe(workbench.unknownColor);
  });

  it('has the workbench base palette (water the only blue family)', () => {
    expect(printed.basePalette).toEqual(workbench.basePalette);
  });

  it('colours micro-dumps by status as the workbench does', () => {
    expect(printed.dumpStatusColors).toEqual(workbenchDumpColors);
  });
});
