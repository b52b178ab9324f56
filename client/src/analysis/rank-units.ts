/**
 * Units ordered by `value` from highest to lowest, with their rank (1 =
 * highest; equal values share a rank); units without a value go last,
 * unranked, in code order.
 */
export function rankUnits<U extends { codigo: string }>(
  units: readonly U[],
  value: (unit: U) => number | null,
): { unit: U; value: number | null; rank: number | null }[] {
  const rows = units.map((unit) => ({ unit, value: value(unit) }));
  rows.sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === b.value ? a.unit.codigo.localeCompare(b.unit.codigo) : a.value === null ? 1 : -1;
    return b.value - a.value || a.unit.codigo.localeCompare(b.unit.codigo);
  });
  let previous: { value: number; rank: number } | null = null;
  return rows.map((row, index) => {
    if (row.value === null) return { ...row, rank: null };
    const rank: number = previous && previous.value === row.value ? previous.rank : index + 1;
    previous = { value: row.value, rank };
    return { ...row, rank };
  });
}
