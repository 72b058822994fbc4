/**
 * Keys of one existing table: primary key, UNIQUE (single and composite) and FOREIGN KEY (with
 * their actions). A constraint matches by its columns (and target and actions), never by name,
 * so alter adds nothing that exists and removes duplicates left by earlier tools. Dropping a
 * constraint loses no rows: safe. Adding one is safe when the rows satisfy it, counted first.
 */
import type { ConstraintRow } from '../catalog/catalog-rows.js';
import type { AttributeDefinition, ModelDefinition } from '../model-definition.js';
import { referencesSql } from '../sql/ddl.js';
import { quoteIdentifier, quoteTable } from '../sql/quote.js';
import { tableKey, type LiveTable } from './live-schema.js';
import { countDuplicateRows, countRows, rowsText, step, type PlanContext } from './plan-context.js';
import type { SyncStep } from './sync-plan.js';

export interface ConstraintSteps {
  readonly drops: SyncStep[];
  readonly adds: SyncStep[];
}

interface Scope {
  readonly ctx: PlanContext;
  readonly def: ModelDefinition;
  readonly live: LiveTable;
  /** Columns added by this plan: empty, nothing to check. */
  readonly added: ReadonlySet<string>;
}

export async function planConstraints(
  ctx: PlanContext,
  def: ModelDefinition,
  live: LiveTable,
  added: ReadonlySet<string>,
): Promise<ConstraintSteps> {
  const scope: Scope = { ctx, def, live, added };
  const steps: ConstraintSteps = { drops: [], adds: [] };
  await planPrimaryKey(scope, steps);
  await planUniqueKeys(scope, steps);
  await planForeignKeys(scope, steps);
  return steps;
}

const quoteList = (columns: readonly string[]) => columns.map(quoteIdentifier).join(', ');
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

function dropConstraint(
  scope: Scope,
  constraint: ConstraintRow,
  kind: 'safe' | 'destructive',
  reason: string,
): SyncStep {
  return step(
    `ALTER TABLE ${scope.def.quotedTable} DROP CONSTRAINT ${quoteIdentifier(constraint.name)}`,
    kind,
    reason,
    scope.def.quotedTable,
  );
}

async function planPrimaryKey(scope: Scope, steps: ConstraintSteps): Promise<void> {
  const wanted = scope.def.primaryKeys.map((attr) => attr.field);
  const live = scope.live.constraints.find((c) => c.type === 'p');
  // Compared as sets: a model lists key columns in attribute order, which need not be the key's order.
  if (wanted.length === 0 || (live && sameSet(live.columns, wanted))) return;
  const kind = live ? 'destructive' : 'safe';
  const reason = live
    ? `change the primary key from (${live.columns.join(', ')}) to (${wanted.join(', ')})`
    : `add the primary key (${wanted.join(', ')})`;
  if (live) steps.drops.push(dropConstraint(scope, live, kind, reason));
  const duplicates = await countDuplicates(scope, wanted, true);
  const blocked =
    duplicates > 0
      ? `${rowsText(duplicates)} share a key or have a NULL in it; fix those rows first`
      : undefined;
  steps.adds.push(
    step(
      `ALTER TABLE ${scope.def.quotedTable} ADD PRIMARY KEY (${quoteList(wanted)})`,
      kind,
      reason,
      scope.def.quotedTable,
      blocked,
    ),
  );
}

function wantedUniqueKeys(def: ModelDefinition): string[][] {
  const groups = new Map<string, string[]>();
  const keys: string[][] = [];
  for (const attr of def.attributeList) {
    if (attr.unique === true) keys.push([attr.field]);
    else if (typeof attr.unique === 'string') {
      const group = groups.get(attr.unique) ?? [];
      if (group.length === 0) keys.push(group);
      group.push(attr.field);
      groups.set(attr.unique, group);
    }
  }
  return keys;
}

async function planUniqueKeys(scope: Scope, steps: ConstraintSteps): Promise<void> {
  // Unique indexes made outside the model (CREATE UNIQUE INDEX) satisfy a key but are never dropped.
  const live = scope.live.constraints.filter((c) => c.type === 'u');
  const unmatched = new Set(live);
  for (const columns of wantedUniqueKeys(scope.def)) {
    const match = [...unmatched].find((c) => sameSet(c.columns, columns));
    if (match) {
      unmatched.delete(match);
      continue;
    }
    const duplicates = await countDuplicates(scope, columns, false);
    const blocked =
      duplicates > 0
        ? `${rowsText(duplicates)} share values of (${columns.join(', ')}); fix those rows first`
        : undefined;
    steps.adds.push(
      step(
        `ALTER TABLE ${scope.def.quotedTable} ADD UNIQUE (${quoteList(columns)})`,
        'safe',
        `add UNIQUE (${columns.join(', ')})`,
        scope.def.quotedTable,
        blocked,
      ),
    );
  }
  for (const constraint of unmatched) {
    if (isConstraint(constraint))
      steps.drops.push(
        dropConstraint(
          scope,
          constraint,
          'safe',
          `drop UNIQUE ${constraint.name} (${constraint.columns.join(', ')}): not in the model, or a duplicate`,
        ),
      );
  }
}

/** The constraints query also lists unique indexes without a constraint; those print as CREATE UNIQUE INDEX. */
function isConstraint(row: ConstraintRow): boolean {
  return !/^CREATE /i.test(row.definition);
}

/** Rows in a group of equal key values (NULLs count as offending only for a primary key). */
async function countDuplicates(
  scope: Scope,
  columns: readonly string[],
  primaryKey: boolean,
): Promise<number> {
  if (columns.some((c) => scope.added.has(c))) return 0;
  const table = scope.def.quotedTable;
  const keys = columns.map(quoteIdentifier);
  const rows = await countDuplicateRows(scope.ctx.query, table, keys);
  const notNull = keys.map((key) => `${key} IS NOT NULL`).join(' AND ');
  const nulls = primaryKey ? await countRows(scope.ctx.query, `${table} WHERE NOT (${notNull})`) : 0;
  return rows + nulls;
}

const ACTION_CODES: Readonly<Record<string, string>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

interface ForeignKey {
  readonly column: string;
  readonly schema: string;
  readonly table: string;
  readonly key: string;
  readonly onDelete: string;
  readonly onUpdate: string;
}

function wantedForeignKey(attr: AttributeDefinition): ForeignKey | undefined {
  const ref = attr.references;
  if (!ref) return undefined;
  const action = (value: string | undefined) => (value ? value.toUpperCase() : 'NO ACTION');
  return {
    column: attr.field,
    schema: ref.schema ?? 'public',
    table: ref.table,
    key: ref.key,
    onDelete: action(attr.onDelete),
    onUpdate: action(attr.onUpdate),
  };
}

function matchesForeignKey(row: ConstraintRow, fk: ForeignKey): boolean {
  return (
    sameList(row.columns, [fk.column]) &&
    row.referenced_schema === fk.schema &&
    row.referenced_table === fk.table &&
    sameList(row.referenced_columns ?? [], [fk.key]) &&
    ACTION_CODES[row.on_delete ?? 'a'] === fk.onDelete &&
    ACTION_CODES[row.on_update ?? 'a'] === fk.onUpdate
  );
}

/** A multi-column key the model cannot declare still covers each of its columns' references. */
function coversForeignKey(row: ConstraintRow, fk: ForeignKey): boolean {
  const i = row.columns.indexOf(fk.column);
  return (
    row.columns.length > 1 &&
    i >= 0 &&
    row.referenced_schema === fk.schema &&
    row.referenced_table === fk.table &&
    row.referenced_columns?.[i] === fk.key
  );
}

async function planForeignKeys(scope: Scope, steps: ConstraintSteps): Promise<void> {
  const live = scope.live.constraints.filter((c) => c.type === 'f');
  const unmatched = new Set(live.filter((c) => c.columns.length === 1));
  for (const attr of scope.def.attributeList) {
    const fk = wantedForeignKey(attr);
    if (!fk) continue;
    const match = [...unmatched].find((row) => matchesForeignKey(row, fk));
    if (match) {
      unmatched.delete(match);
      continue;
    }
    if (live.some((row) => coversForeignKey(row, fk))) continue;
    const orphans = await countOrphans(scope, fk);
    const blocked =
      orphans > 0
        ? `"${fk.column}" points to no row of ${fk.table}.${fk.key} in ${rowsText(orphans)}; fix those rows first`
        : undefined;
    const sql = `ALTER TABLE ${scope.def.quotedTable} ADD FOREIGN KEY (${attr.quotedField})${referencesSql(attr)}`;
    steps.adds.push(
      step(
        sql,
        'safe',
        `add FOREIGN KEY ("${fk.column}") REFERENCES ${fk.table} (${fk.key}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`,
        scope.def.quotedTable,
        blocked,
      ),
    );
  }
  // Multi-column foreign keys are never dropped: a model cannot declare them.
  for (const row of unmatched) {
    steps.drops.push(
      dropConstraint(
        scope,
        row,
        'safe',
        `drop FOREIGN KEY ${row.name} (${row.columns.join(', ')}): not in the model, changed, or a duplicate`,
      ),
    );
  }
}

/** Non-null values with no referenced row; a referenced table this plan creates is empty. */
async function countOrphans(scope: Scope, fk: ForeignKey): Promise<number> {
  if (scope.added.has(fk.column)) return 0;
  const col = quoteIdentifier(fk.column);
  const table = scope.def.quotedTable;
  if (!scope.ctx.live.tables.has(tableKey(fk.schema, fk.table)))
    return countRows(scope.ctx.query, `${table} WHERE ${col} IS NOT NULL`);
  const target = quoteTable(fk.table, fk.schema);
  return countRows(
    scope.ctx.query,
    `${table} AS c WHERE c.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} AS r WHERE r.${quoteIdentifier(fk.key)} = c.${col})`,
  );
}
