/**
 * sequelize.query()'s work around the statement: the options checked, replacements or named
 * bind turned into $n parameters, and the result shaped per `type` as Sequelize 6 does on
 * PostgreSQL (docs/runtime.md lists the shapes and the differences).
 */
import type { DriverResult } from './drivers/driver.js';
import { definitionOf } from './model-definition.js';
import { ANSWERED_QUERY_TYPES, QueryTypes, type RawQueryOptions } from './query-types.js';
import { ROW_OPTIONS, type BuildOptions } from './readable-model.js';

/** The statement and its parameters, after replacements/bind; refuses what Sequelize refuses. */
export async function prepareRawQuery(
  sql: string,
  options: RawQueryOptions,
): Promise<{ sql: string; params: readonly unknown[] }> {
  if (typeof sql !== 'string') throw new TypeError('sequelize.query(): the SQL must be a string');
  const type = options.type;
  if (type !== undefined && !Object.prototype.hasOwnProperty.call(QueryTypes, type))
    throw new TypeError(
      `sequelize.query(): unknown type ${JSON.stringify(type)}; use one of QueryTypes: ${Object.keys(QueryTypes).join(', ')}`,
    );
  if (type !== undefined && !ANSWERED_QUERY_TYPES.has(type))
    throw new TypeError(
      `sequelize.query(): type ${type} is not supported by this runtime (it needs Sequelize's query interface); use one of ${[...ANSWERED_QUERY_TYPES].join(', ')} and read the catalog yourself`,
    );
  if (options.mapToModel && !options.model)
    throw new TypeError('sequelize.query(): mapToModel needs a model option');
  const { replacements, bind } = options;
  if (replacements !== undefined && bind !== undefined)
    throw new Error('Both `replacements` and `bind` cannot be set at the same time');
  if (replacements !== undefined) {
    checkValues(replacements, 'replacements');
    return (await import('./replacements.js')).applyReplacements(sql, replacements);
  }
  if (bind === undefined || Array.isArray(bind)) return { sql, params: (bind as unknown[]) ?? [] };
  checkValues(bind, 'bind');
  return (await import('./replacements.js')).applyNamedBind(sql, bind as Record<string, unknown>);
}

function checkValues(values: unknown, name: string): void {
  if (values === null || typeof values !== 'object')
    throw new TypeError(
      `sequelize.query(): ${name} must be an array (${name === 'bind' ? '$1' : '?'}) or an object (${name === 'bind' ? '$name' : ':name'})`,
    );
}

/** The resolved value for each type, as Sequelize 6 on PostgreSQL. */
export function shapeRawResult(result: DriverResult, options: RawQueryOptions): unknown {
  const type = options.type ?? (options.model || options.plain ? QueryTypes.SELECT : QueryTypes.RAW);
  switch (type) {
    case QueryTypes.SELECT: {
      const rows = options.model ? toInstances(result.rows, options) : result.rows;
      return options.plain ? (rows[0] ?? null) : rows;
    }
    case QueryTypes.INSERT:
    case QueryTypes.UPDATE:
      return [result.rows, result.rowCount];
    case QueryTypes.BULKUPDATE:
    case QueryTypes.BULKDELETE:
      return result.rowCount;
    case QueryTypes.DELETE:
      // Sequelize resolves DELETE to nothing useful (`[]`); the count is BULKDELETE's.
      return undefined;
    default:
      return options.plain ? (result.rows[0] ?? null) : [result.rows, { rowCount: result.rowCount }];
  }
}

/** Rows as instances of options.model; with mapToModel, column names become attribute names. */
function toInstances(rows: Record<string, unknown>[], options: RawQueryOptions): object[] {
  const model = options.model as unknown as new (values: Record<string, unknown>, o: BuildOptions) => object;
  const def = definitionOf(model);
  const byField = new Map<string, string>();
  if (options.mapToModel) for (const name in def.attributes) byField.set(def.attributes[name].field, name);
  return rows.map((row) => {
    if (!options.mapToModel) return new model(row, ROW_OPTIONS);
    const values: Record<string, unknown> = {};
    for (const key in row) values[byField.get(key) ?? key] = row[key];
    return new model(values, ROW_OPTIONS);
  });
}
