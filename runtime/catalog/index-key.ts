/**
 * What an index key is, from its text as `pg_get_indexdef(index, n, true)` prints it: a column
 * name (double-quoted when it has to be) or an expression. Read by sync({ alter }), to compare
 * indexes by content, and by `--from-db`, to write them as the `indexes` model option.
 */
export function indexKeyColumn(key: string): string | undefined {
  if (/^[a-z_][a-z0-9_$]*$/.test(key)) return key;
  const quoted = /^"((?:[^"]|"")+)"$/.exec(key);
  return quoted ? quoted[1]!.replace(/""/g, '"') : undefined;
}
