/**
 * True when a statement can only read: a SELECT (or WITH … SELECT) that names
 * no writing keyword or function. Conservative on purpose: a read taken for a
 * write only costs a stale replica, never the other way round. Used to decide
 * what may run on the embedded database's read replica.
 */
export function isReadOnlySql(text: string): boolean {
  if (!/^\s*(select|with)\b/i.test(text)) return false;
  return !/\b(insert|update|delete|merge|truncate|nextval|setval|set_config|pg_advisory\w*|lock|for\s+(update|share|no\s+key\s+update|key\s+share))\b/i.test(
    text,
  );
}
