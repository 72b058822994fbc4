/**
 * The one place identifiers and DDL literals become SQL text. Values in DML always travel
 * as $n parameters; DDL (DEFAULT, COMMENT, CREATE TYPE ... AS ENUM) cannot take parameters,
 * so it uses quoteLiteral below.
 */

/** PostgreSQL's NAMEDATALEN - 1: a longer identifier is truncated. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Double-quotes an identifier; refuses what PostgreSQL would reject or silently truncate. */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`Invalid SQL identifier: ${JSON.stringify(name)} (expected a non-empty string)`);
  }
  if (name.includes('\0'))
    throw new TypeError(`Invalid SQL identifier ${JSON.stringify(name)}: contains a NUL character`);
  if (Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES) {
    throw new TypeError(
      `SQL identifier "${name}" is longer than ${MAX_IDENTIFIER_BYTES} bytes; PostgreSQL would truncate it`,
    );
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."table"` or `"table"`. */
export function quoteTable(table: string, schema?: string | null): string {
  return schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(table)}` : quoteIdentifier(table);
}

/** A string literal safe under either standard_conforming_strings setting (as pg's escapeLiteral). */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new TypeError('SQL literal contains a NUL character');
  const body = value.replace(/'/g, "''");
  return body.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}
