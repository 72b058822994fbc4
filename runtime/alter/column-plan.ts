/**
 * Column steps of one existing table: add and drop columns (a drop that looks like a rename says
 * so), type changes, defaults, NOT NULL, comments. Each change the data forbids is counted first
 * and comes back `blocked` with the number of offending rows.
 */
import type { ColumnRow } from '../catalog/catalog-rows.js';
import { DefaultKind } from '../default-values.js';
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { columnSql, defaultSql, quoteEnumType } from '../sql/ddl.js';
import { quoteIdentifier, quoteLiteral } from '../sql/quote.js';
import { describeColumnType, liveColumnType, modelColumnType, sameColumnType } from './column-type.js';
import { compareDefaults, type DefaultVerdict } from './default-comparison.js';
import type { LiveTable } from './live-schema.js';
import {
  columnKey,
  countFailing,
  countRows,
  rowsText,
  step,
  usedByViews,
  withColumn,
  type PlanContext,
} from './plan-context.js';
import type { SyncStep } from './sync-plan.js';
import { planTypeChange } from './type-change.js';

/** The column steps, grouped so the caller can put constraint steps between them. */
export interface ColumnSteps {
  readonly drops: SyncStep[];
  readonly adds: SyncStep[];
  readonly changes: SyncStep[];
  readonly comments: SyncStep[];
  /** Columns this plan adds (their constraints need no data check). */
  readonly added: ReadonlySet<string>;
}

interface TableScope {
  readonly ctx: PlanContext;
  readonly def: ModelDefinition;
  readonly live: LiveTable;
  readonly key: string;
  rowCount?: number;
}

export async function planColumns(
  ctx: PlanContext,
  def: ModelDefinition,
  live: LiveTable,
  key: string,
): Promise<ColumnSteps> {
  const scope: TableScope = { ctx, def, live, key };
  const wanted = new Set(def.attributeList.map((attr) => attr.field));
  const addedAttrs = def.attributeList.filter((attr) => !live.columns.has(attr.field));
  const result: ColumnSteps = {
    drops: [],
    adds: [],
    changes: [],
    comments: [],
    added: new Set(addedAttrs.map((a) => a.field)),
  };
  for (const column of live.columns.values()) {
    if (!wanted.has(column.name)) result.drops.push(dropColumn(scope, column, addedAttrs));
  }
  for (const attr of addedAttrs) result.adds.push(await addColumn(scope, attr));
  const defaults = await planDefaults(scope);
  for (const attr of def.attributeList) {
    const column = live.columns.get(attr.field);
    if (!column) continue;
    const typeSteps = await changeType(scope, attr, column);
    result.changes.push(...typeSteps);
    result.changes.push(...defaults.get(attr.field)!(typeSteps.length > 0));
  }
  for (const attr of def.attributeList) {
    const column = live.columns.get(attr.field);
    if (column) result.changes.push(...(await changeNullability(scope, attr, column)));
  }
  result.comments.push(...comments(scope));
  return result;
}

function dropColumn(scope: TableScope, column: ColumnRow, added: readonly AttributeDefinition[]): SyncStep {
  const sql = `ALTER TABLE ${scope.def.quotedTable} DROP COLUMN ${quoteIdentifier(column.name)}`;
  const type = liveColumnType(column, scope.ctx.live.domains);
  const twins = added.filter((attr) => sameColumnType(modelColumnType(attr), type));
  let reason = `drop column "${column.name}" and its data (not in the model)`;
  if (twins.length) {
    const to = twins[0].field;
    reason =
      `drop column "${column.name}" and its data: it looks renamed to "${to}" (same type ${describeColumnType(type)}). ` +
      `To keep the data, rename it: ALTER TABLE ${scope.def.quotedTable} RENAME COLUMN ${quoteIdentifier(column.name)} TO ${quoteIdentifier(to)}; ` +
      `or keep the column and map the attribute to it with field: '${column.name}'`;
  }
  return step(sql, 'destructive', reason, scope.def.quotedTable);
}

async function addColumn(scope: TableScope, attr: AttributeDefinition): Promise<SyncStep> {
  // UNIQUE and REFERENCES come later as constraint steps, so they are compared like any other.
  const sql = `ALTER TABLE ${scope.def.quotedTable} ADD COLUMN ${columnSql({ ...attr, unique: false, references: undefined })}`;
  const reason = `add column "${attr.field}" (missing in the table)`;
  const needsValue =
    !attr.allowNull && !attr.primaryKey && !attr.autoIncrement && defaultSql(attr) === undefined;
  if (!needsValue) return step(sql, 'safe', reason, scope.def.quotedTable);
  const rows = await tableRowCount(scope);
  const blocked =
    rows > 0
      ? `the table has ${rowsText(rows)} and "${attr.field}" is NOT NULL without a default: give it a defaultValue, or allowNull: true`
      : undefined;
  return step(sql, 'safe', reason, scope.def.quotedTable, blocked);
}

async function tableRowCount(scope: TableScope): Promise<number> {
  scope.rowCount ??= await countRows(scope.ctx.query, scope.def.quotedTable);
  return scope.rowCount;
}

/** The DDL type a column changes to (SERIAL is a CREATE TABLE shorthand: the column type is the integer). */
function targetTypeSql(attr: AttributeDefinition): string {
  if (attr.enumType) return `${quoteEnumType(attr.enumType)}${attr.isArray ? '[]' : ''}`;
  return attr.type.toSql();
}

async function changeType(
  scope: TableScope,
  attr: AttributeDefinition,
  column: ColumnRow,
): Promise<SyncStep[]> {
  const from = liveColumnType(column, scope.ctx.live.domains);
  const to = modelColumnType(attr);
  if (sameColumnType(from, to)) return [];
  const table = scope.def.quotedTable;
  const col = attr.quotedField;
  const change = planTypeChange(from, to, targetTypeSql(attr), attr.enumType?.values);
  const reason = `change "${attr.field}" from ${describeColumnType(from)} to ${describeColumnType(to)} (${change.how})`;
  const problems: string[] = [];
  if (change.check) {
    const failing = await countFailing(scope.ctx.query, table, col, change.check);
    if (failing > 0)
      problems.push(`${rowsText(failing)} with ${change.check.problem}; change those rows first`);
  }
  const viewUse = await usedByViews(scope.ctx.query, column);
  if (viewUse !== undefined) problems.push(viewUse);
  const blocked = problems.length > 0 ? problems.join('; ') : undefined;
  const steps: SyncStep[] = [];
  if (hasPlainDefault(column) && !scope.ctx.droppedDefaults.has(columnKey(scope.key, column.name))) {
    // The old default may not cast to the new type; the model's default is set right after.
    steps.push(
      step(
        `ALTER TABLE ${table} ALTER COLUMN ${col} DROP DEFAULT`,
        change.kind,
        `${reason}: the old default goes first`,
        table,
      ),
    );
  }
  const using = change.using ? ` USING ${withColumn(change.using, col)}` : '';
  steps.push(
    step(
      `ALTER TABLE ${table} ALTER COLUMN ${col} TYPE ${targetTypeSql(attr)}${using}`,
      change.kind,
      reason,
      table,
      blocked,
    ),
  );
  return steps;
}

/** A default alter may replace: not a sequence's nextval() (serial) and not an identity. */
function hasPlainDefault(column: ColumnRow): boolean {
  return column.default_sql !== null && !/^nextval\(/i.test(column.default_sql) && column.identity === '';
}

type DefaultSteps = (typeChanged: boolean) => SyncStep[];

/** Per column, the default steps given whether its type changes; constants are compared in one query. */
async function planDefaults(scope: TableScope): Promise<Map<string, DefaultSteps>> {
  const out = new Map<string, DefaultSteps>();
  const ask: { attr: AttributeDefinition; column: ColumnRow; model: string }[] = [];
  const verdicts = new Map<string, DefaultVerdict>();
  for (const attr of scope.def.attributeList) {
    const column = scope.live.columns.get(attr.field);
    if (!column) continue;
    const model = defaultSql(attr);
    // JS-side defaults and serial/identity columns keep whatever default the database has.
    if (attr.defaultValue?.kind === DefaultKind.Call || (model === undefined && !hasPlainDefault(column))) {
      out.set(attr.field, () => []);
      continue;
    }
    const dropped = scope.ctx.droppedDefaults.has(columnKey(scope.key, column.name));
    const verdict = compareDefaults(model, dropped ? null : column.default_sql);
    verdicts.set(attr.field, verdict);
    // A column changing type gets its default set again anyway; casting to the old type could fail.
    const typeChanges = !sameColumnType(
      liveColumnType(column, scope.ctx.live.domains),
      modelColumnType(attr),
    );
    if (verdict === 'ask' && !typeChanges) ask.push({ attr, column, model: model! });
    out.set(attr.field, (typeChanged) => {
      // changeType() dropped the old default: only the model's needs setting.
      if (typeChanged && hasPlainDefault(column) && !dropped)
        return model === undefined ? [] : [setDefault(scope, attr, model)];
      return verdicts.get(attr.field) === 'same' ? [] : [setDefault(scope, attr, model)];
    });
  }
  const same = await sameConstants(scope, ask);
  for (const { attr } of ask) verdicts.set(attr.field, same.has(attr.field) ? 'same' : 'different');
  return out;
}

function setDefault(scope: TableScope, attr: AttributeDefinition, model: string | undefined): SyncStep {
  const table = scope.def.quotedTable;
  if (model === undefined)
    return step(
      `ALTER TABLE ${table} ALTER COLUMN ${attr.quotedField} DROP DEFAULT`,
      'safe',
      `drop the default of "${attr.field}" (the model has none)`,
      table,
    );
  return step(
    `ALTER TABLE ${table} ALTER COLUMN ${attr.quotedField} SET DEFAULT ${model}`,
    'safe',
    `set the default of "${attr.field}" to ${model}`,
    table,
  );
}

/** Which model constants equal the live constant once both are values of the column's type. */
async function sameConstants(
  scope: TableScope,
  ask: { attr: AttributeDefinition; column: ColumnRow; model: string }[],
): Promise<Set<string>> {
  if (ask.length === 0) return new Set();
  const tests = ask.map(
    ({ column, model }) => `((${model})::${column.type_format} IS NOT DISTINCT FROM (${column.default_sql}))`,
  );
  const rows = await scope.ctx.query(`SELECT ARRAY[${tests.join(', ')}]::boolean[] AS same`);
  const flags = rows[0].same as boolean[];
  return new Set(ask.filter((_, i) => flags[i]).map(({ attr }) => attr.field));
}

async function changeNullability(
  scope: TableScope,
  attr: AttributeDefinition,
  column: ColumnRow,
): Promise<SyncStep[]> {
  const table = scope.def.quotedTable;
  const col = attr.quotedField;
  const wantNotNull = !attr.allowNull;
  if (!wantNotNull && column.not_null && !stillInPrimaryKey(scope, column)) {
    return [
      step(
        `ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL`,
        'safe',
        `allow NULL in "${attr.field}"`,
        table,
      ),
    ];
  }
  if (!wantNotNull || column.not_null || attr.primaryKey) return [];
  const setNotNull = `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`;
  const nulls = await countRows(scope.ctx.query, `${table} WHERE ${col} IS NULL`);
  if (nulls === 0) return [step(setNotNull, 'safe', `make "${attr.field}" NOT NULL (no row is NULL)`, table)];
  const model = defaultSql(attr);
  if (model === undefined || model === 'NULL') {
    const blocked = `"${attr.field}" is NULL in ${rowsText(nulls)} and the model gives no default: fill them, or give a defaultValue`;
    return [step(setNotNull, 'destructive', `make "${attr.field}" NOT NULL`, table, blocked)];
  }
  // Defaults come before this step, so DEFAULT is the model's.
  return [
    step(
      `UPDATE ${table} SET ${col} = DEFAULT WHERE ${col} IS NULL`,
      'safe',
      `fill the ${rowsText(nulls)} where "${attr.field}" is NULL with its default ${model}, before NOT NULL`,
      table,
    ),
    step(setNotNull, 'safe', `make "${attr.field}" NOT NULL`, table),
  ];
}

function stillInPrimaryKey(scope: TableScope, column: ColumnRow): boolean {
  return (
    scope.def.primaryKeys.some((attr) => attr.field === column.name) &&
    scope.live.constraints.some((c) => c.type === 'p' && c.columns.includes(column.name))
  );
}

function comments(scope: TableScope): SyncStep[] {
  const { def, live } = scope;
  const steps: SyncStep[] = [];
  const text = (comment: string | undefined) => (comment ? quoteLiteral(comment) : 'NULL');
  if ((def.comment || null) !== (live.relation.comment || null)) {
    steps.push(
      step(
        `COMMENT ON TABLE ${def.quotedTable} IS ${text(def.comment)}`,
        'safe',
        'set the table comment',
        def.quotedTable,
      ),
    );
  }
  for (const attr of def.attributeList) {
    const column = live.columns.get(attr.field);
    if (column && (attr.comment || null) !== (column.comment || null)) {
      steps.push(
        step(
          `COMMENT ON COLUMN ${def.quotedTable}.${attr.quotedField} IS ${text(attr.comment)}`,
          'safe',
          `set the comment of "${attr.field}"`,
          def.quotedTable,
        ),
      );
    }
  }
  return steps;
}
