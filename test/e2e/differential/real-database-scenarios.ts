/**
 * Scenarios on the models generated from a real database (../shared/schemas), the same for each:
 * per model, the finders, every association included, and one insert/update/destroy round trip
 * copied from an existing row; the rows written are read back with raw SQL.
 */
import type { AnyModel, Models, Scenario, Steps } from './steps.js';

/** Rows in an order neither runtime chooses: by the primary key, or by every attribute. */
function orderOf(model: AnyModel): [string, string][] {
  const keys: string[] = model.primaryKeyAttributes.length
    ? model.primaryKeyAttributes
    : Object.keys(model.getAttributes());
  return keys.map((key) => [key, 'ASC']);
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

async function readModel(steps: Steps, name: string, model: AnyModel): Promise<unknown> {
  const order = orderOf(model);
  await steps.call('count', () => model.count());
  const rows = await steps.call('findAll', () => model.findAll({ limit: 3, order }));
  await steps.call('findAndCountAll', () => model.findAndCountAll({ limit: 2, offset: 1, order }));
  const first = rows?.[0];
  if (first && model.primaryKeyAttributes.length === 1) {
    const key = model.primaryKeyAttributes[0];
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
async function writeModel(steps: Steps, name: string, model: AnyModel, first: AnyModel): Promise<void> {
  const key: string = model.primaryKeyAttributes[0];
  const attributes = model.getAttributes();
  if (model.primaryKeyAttributes.length !== 1 || !attributes[key].autoIncrement) return;
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

/** One scenario per model; `tables` says which are base tables (views are read only on one side). */
export function realDatabaseScenarios(models: Models, baseTables: ReadonlySet<string>): Scenario[] {
  return Object.keys(models)
    .sort()
    .map((name) => ({
      name,
      run: async (steps: Steps) => {
        const model = models[name];
        const first = await readModel(steps, name, model);
        const { schema, table } = tableOf(model);
        if (first && baseTables.has(`${schema}.${table}`)) await writeModel(steps, name, model, first);
      },
    }));
}
