/**
 * Interface texts (es-CL) of how figures are qualified in the workbench:
 * demo data, partial figures, minimums. The rule itself (formatting of
 * unknown values) is server/figures/unknown.ts, shared with the documents.
 */
export const figuresTexts = {
  demoBanner: (summary: string) => `Incluye datos de demostración (inventados, no son información de Vallenar): ${summary}.`,
  partialBars: 'Barra clara: calculada sobre parte de los proyectos (entre paréntesis, cuántos tienen avance registrado).',
  partialInvestment: (units: number) =>
    `En ${units} unidad(es) solo parte de los proyectos tiene presupuesto registrado: su altura suma esos, no los demás (que no son $0).`,
  dumpsWithoutDate: (count: number) => `${count} sitio(s) limpiado(s) o cerrado(s) sin fecha registrada: no aparecen en la serie mensual.`,
  belowMinimum: (reason: string) => `no se calcula: ${reason}`,
  indicatorsOfficial: 'Solo datos oficiales (para el Concejo)',
};
