const sizeFormat = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 1 });

/** A file size for people: «850 B», «12,3 kB», «4,2 MB». */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${sizeFormat.format(bytes / 1000)} kB`;
  return `${sizeFormat.format(bytes / 1_000_000)} MB`;
}

/** True when `file` matches an `accept` list (extensions, `type/*` or exact media types); an empty list takes anything. */
export function accepts(accept: string, file: { name: string; type: string }): boolean {
  const rules = accept
    .split(',')
    .map((rule) => rule.trim().toLowerCase())
    .filter(Boolean);
  if (rules.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return rules.some((rule) =>
    rule.startsWith('.') ? name.endsWith(rule) : rule.endsWith('/*') ? type.startsWith(rule.slice(0, -1)) : type === rule,
  );
}
