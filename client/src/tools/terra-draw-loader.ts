/**
 * terra-draw (about 160 kB of the workbench's script) in its own chunk:
 * fetched as soon as the workbench starts, in parallel with the data, but
 * parsed off the first render's path. Only drawing and editing use it, and
 * `terraDrawReady` resolves before the workbench says it is ready.
 */
type TerraDrawModules = typeof import('./terra-draw-parts.ts');

let modules: TerraDrawModules | null = null;

export const terraDrawReady: Promise<void> = import('./terra-draw-parts.ts').then((parts) => {
  modules = parts;
});

/** The loaded modules; a drawing tool asks for them only on a person's action, after the workbench is ready. */
export function terraDraw(): TerraDrawModules {
  if (!modules) throw new Error('La herramienta de dibujo aún se está cargando; intente de nuevo en un momento.');
  return modules;
}
