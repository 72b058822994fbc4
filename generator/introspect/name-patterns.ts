/**
 * `--include` / `--exclude` patterns: globs (`*` any run of characters, `?` one character)
 * matched against `schema.table` and against `table` alone, case-sensitively as PostgreSQL
 * names are. `sales.*` picks a schema, `*_log` a suffix in every schema.
 */

export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's');
}

export function matchesAny(schema: string, table: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const re = globToRegExp(p);
    return re.test(`${schema}.${table}`) || re.test(table);
  });
}

/** Kept when it matches an include pattern (or there are none) and no exclude pattern. */
export function isIncluded(
  schema: string,
  table: string,
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
): boolean {
  if (include?.length && !matchesAny(schema, table, include)) return false;
  return !(exclude?.length && matchesAny(schema, table, exclude));
}
