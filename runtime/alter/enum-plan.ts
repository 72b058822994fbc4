/**
 * Enum types: create the missing ones; add labels with ALTER TYPE ... ADD VALUE (in place);
 * otherwise rebuild the type (a label removed, labels reordered, or a new label used in the same
 * transaction, which PostgreSQL forbids for ADD VALUE): rename the old type aside, create the new
 * one, cast every column through text, drop the old type. Rows using a removed label block it.
 */
import type { ColumnRow, EnumRow } from '../catalog/catalog-rows.js';
import { DefaultKind } from '../default-values.js';
import type { EnumTypeName, ModelDefinition } from '../model-definition.js';
import { createEnumSql, quoteEnumType } from '../sql/ddl.js';
import { quoteIdentifier, quoteLiteral, quoteTable } from '../sql/quote.js';
import { columnsOfEnum, tableKey, type LiveTable } from './live-schema.js';
import { columnKey, countRows, rowsText, step, usedByViews, type PlanContext } from './plan-context.js';
import type { SyncStep } from './sync-plan.js';

export async function planEnumTypes(ctx: PlanContext, defs: readonly ModelDefinition[]): Promise<SyncStep[]> {
  const steps: SyncStep[] = [];
  const synced = new Set(defs.map((def) => tableKey(def.schema ?? 'public', def.tableName)));
  for (const [key, type] of ctx.enums) {
    const live = ctx.live.enums.get(key);
    if (!live) {
      steps.push(
        step(
          createEnumSql(type),
          'safe',
          `create enum type ${type.schema}.${type.name}`,
          quoteEnumType(type),
        ),
      );
    } else if (!sameLabels(live.labels, type.values)) {
      const inPlace = canAddInPlace(live.labels, type.values) && !usesNewLabels(ctx, defs, type, live);
      steps.push(...(inPlace ? addValues(type, live.labels) : await rebuild(ctx, type, live, synced)));
    }
  }
  return steps;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}

/** Only additions, and the existing labels keep their order. */
function canAddInPlace(live: readonly string[], desired: readonly string[]): boolean {
  const existing = new Set(live);
  return (
    live.every((label) => desired.includes(label)) &&
    sameLabels(
      desired.filter((label) => existing.has(label)),
      live,
    )
  );
}

/** A new label used in this transaction (a default, or a column cast to the type) rules out ADD VALUE. */
function usesNewLabels(
  ctx: PlanContext,
  defs: readonly ModelDefinition[],
  type: EnumTypeName,
  live: EnumRow,
): boolean {
  const added = new Set(type.values.filter((label) => !live.labels.includes(label)));
  for (const def of defs) {
    const table = ctx.live.tables.get(tableKey(def.schema ?? 'public', def.tableName));
    for (const attr of def.attributeList) {
      if (attr.enumType?.schema !== type.schema || attr.enumType.name !== type.name) continue;
      const column = table?.columns.get(attr.field);
      if (column && column.type_oid !== live.oid && column.element_oid !== live.oid) return true;
      const value =
        attr.defaultValue?.kind === DefaultKind.Value || attr.defaultValue?.kind === DefaultKind.Copy
          ? attr.defaultValue.value
          : undefined;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && added.has(v))) return true;
    }
  }
  return false;
}

function addValues(type: EnumTypeName, live: readonly string[]): SyncStep[] {
  const present = new Set(live);
  const steps: SyncStep[] = [];
  type.values.forEach((label, i) => {
    if (present.has(label)) return;
    const after = type.values
      .slice(0, i)
      .reverse()
      .find((l) => present.has(l));
    const before = type.values.slice(i + 1).find((l) => present.has(l));
    const position = after !== undefined ? `AFTER ${quoteLiteral(after)}` : `BEFORE ${quoteLiteral(before!)}`;
    steps.push(
      step(
        `ALTER TYPE ${quoteEnumType(type)} ADD VALUE ${quoteLiteral(label)} ${position}`,
        'safe',
        `add label ${JSON.stringify(label)} to enum ${type.schema}.${type.name}`,
        quoteEnumType(type),
      ),
    );
    present.add(label);
  });
  return steps;
}

async function rebuild(
  ctx: PlanContext,
  type: EnumTypeName,
  live: EnumRow,
  synced: ReadonlySet<string>,
): Promise<SyncStep[]> {
  const removed = live.labels.filter((label) => !type.values.includes(label));
  const users = columnsOfEnum(ctx.live, live.oid);
  const inUse = removed.length ? await removedLabelsInUse(ctx, users, removed) : undefined;
  const problems = inUse === undefined ? [] : [inUse + renameHint(type, live, removed)];
  for (const { column } of users) {
    const viewUse = await usedByViews(ctx.query, column);
    if (viewUse !== undefined) problems.push(viewUse);
  }
  const blocked = problems.length > 0 ? problems.join('; ') : undefined;
  const kind = removed.length ? 'destructive' : 'safe';
  const what = removed.length
    ? `remove label(s) ${removed.map((l) => JSON.stringify(l)).join(', ')} from`
    : 'reorder or extend';
  const reason = `${what} enum ${type.schema}.${type.name} (rebuilt: new type, columns cast through text, old type dropped)`;
  const target = quoteEnumType(type);
  const aside = quoteEnumType({ ...type, name: nameWithSuffix(type.name, '_old') });
  const steps = [
    step(
      `ALTER TYPE ${target} RENAME TO ${quoteIdentifier(nameWithSuffix(type.name, '_old'))}`,
      kind,
      reason,
      target,
      blocked,
    ),
    step(createEnumSql(type), kind, reason, target),
  ];
  for (const { table, column } of users)
    steps.push(...recastColumn(ctx, table, column, target, reason, kind));
  steps.push(step(`DROP TYPE ${aside}`, kind, reason, target));
  // Tables outside this sync keep their default; synced ones get the model's (see droppedDefaults).
  for (const { table, column } of users) {
    if (column.default_sql === null || synced.has(tableKey(table.relation.schema, table.relation.name)))
      continue;
    steps.push(
      step(
        `ALTER TABLE ${quoteTableOf(table)} ALTER COLUMN ${quoteIdentifier(column.name)} SET DEFAULT ${column.default_sql}`,
        kind,
        reason,
        target,
      ),
    );
  }
  return steps;
}

function recastColumn(
  ctx: PlanContext,
  table: LiveTable,
  column: ColumnRow,
  target: string,
  reason: string,
  kind: 'safe' | 'destructive',
): SyncStep[] {
  const quoted = quoteTableOf(table);
  const col = quoteIdentifier(column.name);
  const steps: SyncStep[] = [];
  if (column.default_sql !== null) {
    // A default of the old type cannot be cast automatically: drop it, set it again afterwards.
    steps.push(step(`ALTER TABLE ${quoted} ALTER COLUMN ${col} DROP DEFAULT`, kind, reason, target));
    ctx.droppedDefaults.add(columnKey(tableKey(table.relation.schema, table.relation.name), column.name));
  }
  const array = column.element_oid !== null && column.type_category === 'A';
  const using = array ? `${col}::text[]::${target}[]` : `${col}::text::${target}`;
  steps.push(
    step(
      `ALTER TABLE ${quoted} ALTER COLUMN ${col} TYPE ${target}${array ? '[]' : ''} USING ${using}`,
      kind,
      reason,
      target,
    ),
  );
  return steps;
}

async function removedLabelsInUse(
  ctx: PlanContext,
  users: { table: LiveTable; column: ColumnRow }[],
  removed: string[],
): Promise<string | undefined> {
  const counts: string[] = [];
  for (const { table, column } of users) {
    const col = quoteIdentifier(column.name);
    const array = column.element_oid !== null && column.type_category === 'A';
    const condition = array ? `${col}::text[] && $1::text[]` : `${col}::text = ANY ($1::text[])`;
    const n = await countRows(ctx.query, `${quoteTableOf(table)} WHERE ${condition}`, [removed]);
    if (n > 0) counts.push(`${table.relation.name}.${column.name} (${rowsText(n)})`);
  }
  return counts.length
    ? `the removed label(s) are still used by ${counts.join(', ')}; change those rows first`
    : undefined;
}

/** One label out and one in at the same place looks like a rename, which keeps the rows. */
function renameHint(type: EnumTypeName, live: EnumRow, removed: readonly string[]): string {
  const added = type.values.filter((label) => !live.labels.includes(label));
  if (
    removed.length !== 1 ||
    added.length !== 1 ||
    live.labels.indexOf(removed[0]) !== type.values.indexOf(added[0])
  )
    return '';
  return `; if ${JSON.stringify(removed[0])} was renamed to ${JSON.stringify(added[0])}, rename it in place first: ALTER TYPE ${quoteEnumType(type)} RENAME VALUE ${quoteLiteral(removed[0])} TO ${quoteLiteral(added[0])}`;
}

function quoteTableOf(table: LiveTable): string {
  return quoteTable(table.relation.name, table.relation.schema);
}

/** `name` + suffix within PostgreSQL's 63 bytes (whole characters). */
function nameWithSuffix(name: string, suffix: string): string {
  let base = name;
  while (Buffer.byteLength(base + suffix) > 63) base = Array.from(base).slice(0, -1).join('');
  return base + suffix;
}
