/**
 * Quotes an SQL identifier. Every identifier that reaches SQL comes from the
 * layer catalogue, and still goes through here (as Martin does).
 */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
