/**
 * sequelize.query()'s `type` values and options. The values equal the keys, as in Sequelize.
 * The types this runtime does not answer (SHOWTABLES, DESCRIBE, ...) are refused by name.
 */
import type { QueryOptions } from './types.js';

export const QueryTypes = {
  SELECT: 'SELECT',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  BULKUPDATE: 'BULKUPDATE',
  DELETE: 'DELETE',
  BULKDELETE: 'BULKDELETE',
  RAW: 'RAW',
  UPSERT: 'UPSERT',
  VERSION: 'VERSION',
  SHOWTABLES: 'SHOWTABLES',
  SHOWINDEXES: 'SHOWINDEXES',
  DESCRIBE: 'DESCRIBE',
  FOREIGNKEYS: 'FOREIGNKEYS',
  SHOWCONSTRAINTS: 'SHOWCONSTRAINTS',
} as const;

export type QueryType = (typeof QueryTypes)[keyof typeof QueryTypes];

/** The types query() answers; the others need Sequelize's query interface. */
export const ANSWERED_QUERY_TYPES: ReadonlySet<string> = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'BULKUPDATE',
  'DELETE',
  'BULKDELETE',
  'RAW',
]);

export interface RawQueryOptions extends QueryOptions {
  /** `$1, $2` (an array) or `$name` (an object) parameters. Not together with replacements. */
  bind?: readonly unknown[] | Readonly<Record<string, unknown>>;
  /** `?` (an array) or `:name` (an object); arrays expand to lists. Sent as $n parameters. */
  replacements?: readonly unknown[] | Readonly<Record<string, unknown>>;
  /** How to shape the result; SELECT resolves the rows only. */
  type?: QueryType;
  /** Resolve the first row (or null); implies type SELECT. */
  plain?: boolean;
  /** Accepted: rows are always plain objects unless `model` is given. */
  raw?: boolean;
  /** Rows as instances of this model (implies type SELECT). */
  model?: abstract new (...args: never[]) => object;
  /** With model: map column names (`field`) to attribute names. */
  mapToModel?: boolean;
  /** Accepted for compatibility: there is one server. */
  useMaster?: boolean;
}

export type SelectQueryOptions = RawQueryOptions & { type: 'SELECT' };
