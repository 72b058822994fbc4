/**
 * Scenarios on the models generated from a real database (../shared/schemas), the same for each:
 * per model, the finders, every association included, and one insert/update/destroy round trip
 * copied from an existing row; the rows written are read back with raw SQL.
 */
import type { AnyModel, Models, Scenario, Steps } from './steps.js';

/**
 * What the database says of a relation, read with raw SQL so that both sides use the same facts
 * (the two generated models may differ: --runtime sequelize declares a key-less view's `id` its
 * primary key): the primary key's columns, and the columns a btree can order by.
 */
export interface RelationFacts {
  readonly key: readonly string[];
  readonly orderable: readonly string[];
}

export const CATALOG_SQL = `
  SELECT n.nspname || '.' || c.relname AS name, c.relkind = 'r' OR c.relkind = 'p' AS is_table,
         coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_constraint k
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                   WHERE k.conrelid = c.oid AND k.contype = 'p'), '{}') AS key,
         coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     AND EXISTS (SELECT 1 FROM pg_opclass o JOIN pg_am m ON m.oid = o.opcmethod
                                 WHERE m.amname = 'btree' AND o.opcdefault
                                   AND o.opcintype = CASE WHEN a.atttypid = 'varchar'::regtype THEN 'text'::regtype
                                     ELSE (SELECT CASE t.typtype WHEN 'd' THEN t.typbasetype ELSE t.oid END FROM pg_type t WHERE t.oid = a.atttypid) END)), '{}') AS orderable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`;

/** The attribute names of these columns (the same on both sides: the same database, the same naming). */
function attributesOf(model: AnyModel, columns: readonly string[]): string[] {
  const attributes = model.getAttributes();
  return columns.flatMap((column) =>
    Object.keys(attributes).filter((name) => (attributes[name].field ?? name) === column),
  );
}

/** Rows in an order neither runtime chooses: by the table's primary key, or by every orderable column. */
function orderOf(model: AnyModel, facts: RelationFacts): [string, string][] {
  const key = attributesOf(model, facts.key);
  return (key.length ? key : attributesOf(model, facts.orderable)).map((name) => [name, 'ASC']);
}

function tableOf(model: AnyModel): { schema: string; table: string } {
  const name = model.getTableName();
  return typeof name === 'string'
    ? { schema: 'public', table: name }
    : { schema: name.schema ?? 'public', table: name.tableName };
}

/** A column of the model's table, as raw SQL reads it back. */
function columnOf(model: AnyModel, attribute: string): string {
  return model.getAttributes()[attribute].field ?? attribute;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function readModel(steps: Steps, model: AnyModel, facts: RelationFacts): Promise<unknown> {
  const order = orderOf(model, facts);
  const keys = attributesOf(model, facts.key);
  await steps.call('count', () => model.count());
  const rows = await steps.call('findAll', () => model.findAll({ limit: 3, order }));
  await steps.call('findAndCountAll', () => model.findAndCountAll({ limit: 2, offset: 1, order }));
  const first = rows?.[0];
  if (first && keys.length === 1) {
    const key = keys[0]!;
    await steps.call('findByPk', () => model.findByPk(first.get(key)));
    await steps.call('findOne where', () => model.findOne({ where: { [key]: first.get(key) } }));
    await steps.call('max', () => model.max(key));
  }
  for (const as of Object.keys(model.associations).sort()) {
    await steps.call(`include ${as}`, () =>
      model.findAll({ include: [{ association: as }], limit: 2, order }),
    );
  }
  return first;
}

/**
 * An insert copied from an existing row (a serial key left to the database), an update of the
 * copy, and its destroy: on tables with unique keys the insert fails, which compares the errors.
 */
async function writeModel(
  steps: Steps,
  model: AnyModel,
  facts: RelationFacts,
  first: AnyModel,
): Promise<void> {
  const keys = attributesOf(model, facts.key);
  const attributes = model.getAttributes();
  const key = keys[0];
  if (keys.length !== 1 || !attributes[key!].autoIncrement) return;
  const values: Record<string, unknown> = { ...first.get({ plain: true }) };
  delete values[key];
  const copy = await steps.call('create copy', () => model.create(values));
  steps.state('copy', copy);
  if (!copy) return;
  const { schema, table } = tableOf(model);
  const select = `SELECT * FROM ${quote(schema)}.${quote(table)} WHERE ${quote(columnOf(model, key))} = $1`;
  await steps.rows('copy row', select, [copy.get(key)]);
  const text = Object.keys(attributes).find(
    (a) => a !== key && /^(STRING|TEXT|CITEXT|CHAR)/.test(String(attributes[a].type?.key ?? '')),
  );
  if (text) {
    await steps.call('update copy', () => copy.update({ [text]: 'x' }));
    steps.state('updated copy', copy);
    await steps.rows('updated row', select, [copy.get(key)]);
  }
  await steps.call('destroy copy', () => copy.destroy());
  await steps.rows('after destroy', select, [copy.get(key)]);
}

export interface CatalogRow {
  readonly name: string;
  readonly is_table: boolean;
  readonly key: string[];
  readonly orderable: string[];
}

/** One scenario per model; writes only on base tables (a view is read only on the bundled side). */
export function realDatabaseScenarios(models: Models, catalog: readonly CatalogRow[]): Scenario[] {
  const facts = new Map(catalog.map((row) => [row.name, row]));
  return Object.keys(models)
    .sort()
    .map((name) => ({
      name,
      run: async (steps: Steps) => {
        const model = models[name];
        const { schema, table } = tableOf(model);
        const relation = facts.get(`${schema}.${table}`);
        if (!relation) throw new Error(`${schema}.${table} is not in the catalog`);
        const first = await readModel(steps, model, relation);
        if (first && relation.is_table) await writeModel(steps, model, relation, first);
      },
    }));
}
