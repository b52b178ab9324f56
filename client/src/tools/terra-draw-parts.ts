/** The parts of terra-draw the SIT uses, re-exported so the lazy chunk keeps only these (tree-shaken). */
export { TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
export { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
