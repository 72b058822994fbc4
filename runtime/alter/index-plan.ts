/**
 * The `indexes` of one existing table. An index matches by its content (method, uniqueness, key
 * columns or expressions with their order and operator class, predicate), never by name, so
 * alter creates what is missing, rebuilds a model's index whose content changed (the live index
 * of the same name is dropped first), and a second run does nothing. Indexes the model does not
 * declare are kept: real databases carry indexes made by migrations and DBAs, which a model
 * generated from them does not list, and dropping those would be a silent slowdown. A unique
 * index is checked against the rows first, as a UNIQUE constraint is.
 */
import type { IndexRow } from '../catalog/catalog-rows.js';
import { indexKeyColumn } from '../catalog/index-key.js';
import type { ModelDefinition } from '../model-definition.js';
import type { IndexDefinition, IndexField } from '../model-indexes.js';
import { createIndexSql, dropIndexSql, indexPredicate } from '../sql/index-ddl.js';
import type { LiveTable } from './live-schema.js';
import { countDuplicateRows, rowsText, step, type PlanContext } from './plan-context.js';
import type { SyncStep } from './sync-plan.js';

export interface IndexSteps {
  readonly drops: SyncStep[];
  readonly adds: SyncStep[];
}

export async function planIndexes(
  ctx: PlanContext,
  def: ModelDefinition,
  /** Undefined for a table the plan creates: nothing to match, no rows to check. */
  live: LiveTable | undefined,
  added: ReadonlySet<string>,
): Promise<IndexSteps> {
  const steps: IndexSteps = { drops: [], adds: [] };
  const unmatched = new Set(live?.indexes ?? []);
  const missing: IndexDefinition[] = [];
  for (const index of def.indexes) {
    const wanted = contentOf(def, index);
    const match = [...unmatched].find((row) => liveContentOf(row) === wanted);
    if (match) unmatched.delete(match);
    else missing.push(index);
  }
  const rebuilt = new Set(missing.map((index) => index.name));
  for (const row of unmatched) {
    if (!rebuilt.has(row.name)) continue;
    const reason = `drop index ${row.name}: the model's index of that name differs (rebuilt below)`;
    steps.drops.push(step(dropIndexSql(row.schema, row.name), 'safe', reason, def.quotedTable));
  }
  for (const index of missing) steps.adds.push(await createStep(ctx, def, index, live ? added : null));
  return steps;
}

async function createStep(
  ctx: PlanContext,
  def: ModelDefinition,
  index: IndexDefinition,
  added: ReadonlySet<string> | null,
): Promise<SyncStep> {
  const sql = createIndexSql(def, index);
  const reason = `create ${index.unique ? 'unique ' : ''}index ${index.name} (missing)`;
  if (index.concurrently) {
    const why =
      'CREATE INDEX CONCURRENTLY cannot run inside the transaction alter runs in; create it with sync() without alter, or leave concurrently out';
    return step(sql, 'safe', reason, def.quotedTable, why);
  }
  const duplicates = index.unique && added ? await countDuplicates(ctx, def, index, added) : 0;
  const blocked =
    duplicates > 0
      ? `${rowsText(duplicates)} share values of (${index.fields.map((f) => f.column ?? f.sql).join(', ')}); fix those rows first`
      : undefined;
  return step(sql, 'safe', reason, def.quotedTable, blocked);
}

/** Rows in a group of equal key values, among the rows the index covers (NULLs never clash). */
async function countDuplicates(
  ctx: PlanContext,
  def: ModelDefinition,
  index: IndexDefinition,
  added: ReadonlySet<string>,
): Promise<number> {
  if (index.fields.some((f) => f.column !== undefined && added.has(f.column))) return 0;
  const keys = index.fields.map((f) => f.sql);
  return countDuplicateRows(ctx.query, def.quotedTable, keys, indexPredicate(def, index));
}

/** One line that two equal indexes share, the model's side. */
function contentOf(def: ModelDefinition, index: IndexDefinition): string {
  const predicate = indexPredicate(def, index);
  return JSON.stringify([
    index.method,
    index.unique,
    index.fields.map((field) => [keyOf(field), field.order === 'DESC', field.operator ?? null]),
    predicate === undefined ? null : normaliseSql(predicate),
  ]);
}

/** The same line from the catalog's side. */
function liveContentOf(row: IndexRow): string {
  return JSON.stringify([
    row.method,
    row.unique,
    row.keys.map((key, i) => [liveKeyOf(key), row.descending[i] === true, row.operators[i] ?? null]),
    row.predicate === null ? null : normaliseSql(row.predicate),
  ]);
}

function keyOf(field: IndexField): string {
  return field.column !== undefined ? `column:${field.column}` : `expression:${normaliseSql(field.sql)}`;
}

function liveKeyOf(key: string): string {
  const column = indexKeyColumn(key);
  return column !== undefined ? `column:${column}` : `expression:${normaliseSql(key)}`;
}

const CAST =
  /::(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_]*(?: varying| precision| with(?:out)? time zone)?)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/gi;

/**
 * Expressions and predicates are compared as text, as expression defaults are: PostgreSQL
 * re-prints them, so case, spaces, parentheses, double quotes and the casts it adds are left
 * out; string literals are kept as they are.
 */
function normaliseSql(sql: string): string {
  return sql
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(CAST, '')
            .replace(/[\s()"]+/g, '')
            .toLowerCase(),
    )
    .join('')
    .replace(CAST, '');
}
