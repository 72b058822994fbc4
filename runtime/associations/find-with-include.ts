/**
 * findAll/findOne/findByPk/findAndCountAll/count with `include`, never N+1: one query for the
 * model with its single associations joined (any depth), then one query per multiple association
 * of the include tree (`= ANY($1)` on the keys collected from the rows above it, its own single
 * associations joined again). The number of queries depends on the include's shape only.
 */
import { rowCount } from '../sql/row-count.js';
import { definitionOf, type ModelDefinition } from '../model-definition.js';
import { ROW_OPTIONS } from '../row-options.js';
import { placeholder } from '../sql/params.js';
import type { AnyModel, ModelCtor } from '../types.js';
import type { Row } from './association.js';
import { attachThrough, type BelongsToMany } from './belongs-to-many.js';
import { expressionOrder, planOrder, quote } from './include-order.js';
import {
  derivedTable,
  joinedColumns,
  keysOf,
  outputNames,
  QueryText,
  qualified,
  requiredMultiConditions,
  singleJoins,
  type JoinedNode,
} from './include-sql.js';
import { resolveIncludes, scopeMergeIfUsed, type IncludeNode } from './include-tree.js';

type Built = new (values: Row, options: typeof ROW_OPTIONS) => AnyModel;

interface Context {
  readonly query: Row;
  /** Instances and the names read only for joining, removed once everything is loaded. */
  readonly strip: [AnyModel, readonly string[]][];
}

interface LevelSpec {
  model: Function;
  def: ModelDefinition;
  attributes: unknown;
  where: unknown;
  children: readonly IncludeNode[];
  order: unknown;
  limit?: unknown;
  offset?: unknown;
  /** A multiple association's query: the rows of these parent keys. */
  keysOf?: { node: IncludeNode; keys: unknown[] };
}

function refuseWithInclude(def: ModelDefinition, options: Row): void {
  for (const key of ['raw', 'group', 'having', 'lock'] as const) {
    if (options[key] !== undefined && options[key] !== false)
      throw new Error(
        `${def.name}.findAll(): option "${key}" together with include is not supported by the gen-models runtime (docs/runtime.md)`,
      );
  }
}

export async function findWithIncludes(model: ModelCtor<AnyModel>, options: Row): Promise<AnyModel[]> {
  const def = definitionOf(model);
  refuseWithInclude(def, options);
  const children = resolveIncludes(model, options.include, await scopeMergeIfUsed());
  const ctx: Context = { query: statementOptions(options), strip: [] };
  const { instances } = await loadLevel(ctx, {
    model,
    def,
    attributes: options.attributes,
    where: options.where,
    children,
    order: options.order,
    limit: options.limit,
    offset: options.offset,
  });
  for (const [instance, names] of ctx.strip)
    for (const name of names) delete (instance.dataValues as Row)[name];
  return instances;
}

/** The parents matching the include's conditions (required or where), each counted once. */
export async function countWithIncludes(model: ModelCtor<AnyModel>, options: Row): Promise<number> {
  const def = definitionOf(model);
  const nodes = resolveIncludes(model, options.include, await scopeMergeIfUsed());
  const required = nodes.filter((n) => n.required && n.association.isSingleAssociation);
  const q = new QueryText();
  const alias = q.table();
  const counted = options.col === undefined ? undefined : String(options.col);
  const keys = [...keysOf(def, undefined, required), ...(counted ? [counted] : [])];
  const table = derivedTable(q, def, [], keys, options.where, requiredMultiConditions(q, def, nodes));
  const joins = singleJoins(q, required, alias, undefined).join('');
  const what = counted ? `${options.distinct ? 'DISTINCT ' : ''}${qualified(alias, counted)}` : '*';
  const sql = `SELECT count(${what}) AS "count" FROM ${table} AS ${alias}${joins}`;
  const { rows } = await def.sequelize.run(sql, q.params, statementOptions(options), def);
  return Number(rows[0].count);
}

function statementOptions(options: Row): Row {
  const out: Row = {};
  for (const key of ['transaction', 'logging', 'useMaster'])
    if (options[key] !== undefined) out[key] = options[key];
  return out;
}

async function loadLevel(
  ctx: Context,
  spec: LevelSpec,
): Promise<{ instances: AnyModel[]; groups: unknown[] }> {
  const { def } = spec;
  const q = new QueryText();
  const plan = planOrder(def, spec.order, spec.children);
  const names = outputNames(def, spec.attributes);
  const keys = keysOf(def, undefined, spec.children);
  const orderExtras = new Map<IncludeNode, string[]>();
  // An expression orders by a column computed in the model's own table (its bare names are its own).
  const computed = new Map<unknown, string>();
  for (const item of plan.local) {
    if (item.column === undefined) {
      computed.set(item, q.column());
      continue;
    }
    const owner = item.node?.def ?? def;
    const exposed = outputNames(owner, item.node ? item.node.attributes : spec.attributes);
    if (exposed.includes(item.column)) continue;
    if (!owner.attributes[item.column])
      throw new Error(`Unknown attribute "${item.column}" in order of model ${owner.name}`);
    if (item.node === undefined) keys.push(item.column);
    else orderExtras.set(item.node, [...(orderExtras.get(item.node) ?? []), item.column]);
  }
  const association = spec.keysOf?.node.association;
  const btm = association?.associationType === 'BelongsToMany' ? (association as BelongsToMany) : undefined;
  const conditions = requiredMultiConditions(q, def, spec.children);
  if (association && !btm) {
    keys.push(association.joinKeys.target);
    conditions.unshift(
      `${def.attributes[association.joinKeys.target].quotedField} = ANY(${placeholder(q.params, spec.keysOf!.keys)})`,
    );
  }
  if (btm) keys.push(btm.targetKey);
  const rootKeys = [...new Set(keys)];
  const rootAlias = q.table();
  const computedSql = plan.local
    .filter((item) => computed.has(item))
    .map((item) => `${expressionOrder(def, item.expression, q.params)} AS ${quote(computed.get(item)!)}`);
  let from = `${derivedTable(q, def, spec.attributes, rootKeys, spec.where, conditions, computedSql)} AS ${rootAlias}`;
  let throughColumns: [string, string][] = [];
  let throughAlias = '';
  if (btm) {
    const node = spec.keysOf!.node;
    const throughDef = definitionOf(btm.through.model);
    const attributes = node.through?.attributes;
    const throughNames = outputNames(throughDef, attributes);
    throughAlias = q.table();
    const anyKey = `${throughDef.attributes[btm.foreignKey].quotedField} = ANY(${placeholder(q.params, spec.keysOf!.keys)})`;
    const table = derivedTable(
      q,
      throughDef,
      attributes,
      [btm.foreignKey, btm.otherKey],
      node.through?.where,
      [anyKey],
    );
    from += ` INNER JOIN ${table} AS ${throughAlias} ON ${qualified(throughAlias, btm.otherKey)} = ${qualified(rootAlias, btm.targetKey)}`;
    throughColumns = [...new Set([...throughNames, btm.foreignKey])].map((name) => [name, q.column()]);
  }
  const joined: JoinedNode[] = [];
  const joins = singleJoins(
    q,
    spec.children,
    rootAlias,
    joined,
    undefined,
    (n) => orderExtras.get(n) ?? [],
  ).join('');
  const select = [
    `${rootAlias}.*`,
    joinedColumns(joined),
    ...throughColumns.map(([name, alias]) => `${qualified(throughAlias, name)} AS ${quote(alias)}`),
  ].filter((part) => part !== '');
  let sql = `SELECT ${select.join(', ')} FROM ${from}${joins}`;
  const order = plan.local.map((item) => {
    const target =
      item.node !== undefined
        ? qualified(joined.find((j) => j.node === item.node)!.alias, item.column!)
        : item.column !== undefined
          ? qualified(rootAlias, item.column)
          : qualified(rootAlias, computed.get(item)!);
    return item.direction ? `${target} ${item.direction}` : target;
  });
  if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
  if (spec.limit !== undefined && spec.limit !== null)
    sql += ` LIMIT ${placeholder(q.params, rowCount(spec.limit, 'limit'))}`;
  if (spec.offset !== undefined && spec.offset !== null)
    sql += ` OFFSET ${placeholder(q.params, rowCount(spec.offset, 'offset'))}`;
  const { rows } = await def.sequelize.run(sql, q.params, ctx.query, def);

  const rootExtras = rootKeys.filter((k) => !names.includes(k));
  const instances: AnyModel[] = [];
  const groups: unknown[] = [];
  const at = new Map<IncludeNode, AnyModel[]>();
  const throughName = btm ? definitionOf(btm.through.model).name : '';
  const keepThrough = !(
    btm &&
    Array.isArray(spec.keysOf!.node.through?.attributes) &&
    spec.keysOf!.node.through!.attributes!.length === 0
  );
  // Without joined or computed columns a row holds exactly the model's columns: it is the dataValues.
  const direct = joined.length === 0 && !btm && computed.size === 0;
  for (const row of rows as Row[]) {
    let values = row;
    if (!direct) {
      values = {};
      for (const name of names) values[name] = row[name];
      for (const name of rootExtras) values[name] = row[name];
    }
    const instance = build(ctx, spec.model, values, rootExtras);
    instances.push(instance);
    buildJoined(ctx, instance, row, joined, at);
    if (btm) {
      const link: Row = {};
      for (const [name, alias] of throughColumns) link[name] = row[alias];
      groups.push(link[btm.foreignKey]);
      if (keepThrough) {
        const through = new (btm.through.model as unknown as Built)(link, ROW_OPTIONS);
        attachThrough(instance, throughName, through, spec.keysOf!.node.through?.attributes);
      }
    } else if (association) {
      groups.push((instance.dataValues as Row)[association.joinKeys.target]);
    }
  }
  for (const child of spec.children)
    if (child.association.isMultiAssociation)
      await loadMultiple(ctx, child, instances, plan.forwarded.get(child));
  for (const j of joined)
    for (const child of j.node.children)
      if (child.association.isMultiAssociation)
        await loadMultiple(ctx, child, at.get(j.node) ?? [], plan.forwarded.get(child));
  return { instances, groups };
}

function build(ctx: Context, model: Function, values: Row, extras: readonly string[]): AnyModel {
  const instance = new (model as unknown as Built)(values, ROW_OPTIONS);
  if (extras.length) ctx.strip.push([instance, extras]);
  return instance;
}

/** Each joined association's instance (or null when its LEFT JOIN found no row) on its parent. */
function buildJoined(
  ctx: Context,
  root: AnyModel,
  row: Row,
  joined: readonly JoinedNode[],
  at: Map<IncludeNode, AnyModel[]>,
): void {
  if (joined.length === 0) return; // the common case: no per-row Map
  const built = new Map<JoinedNode, AnyModel | null>();
  for (const j of joined) {
    const parent = j.parent === undefined ? root : built.get(j.parent);
    if (!parent) {
      built.set(j, null);
      continue;
    }
    const presence = j.columns.find(([name]) => name === j.presence)![1];
    if (row[presence] === null || row[presence] === undefined) {
      (parent.dataValues as Row)[j.node.as] = null;
      built.set(j, null);
      continue;
    }
    const values: Row = {};
    for (const [name, alias] of j.columns) values[name] = row[alias];
    const instance = build(ctx, j.node.association.target, values, j.extras);
    (parent.dataValues as Row)[j.node.as] = instance;
    built.set(j, instance);
    const list = at.get(j.node);
    if (list) list.push(instance);
    else at.set(j.node, [instance]);
  }
}

/** One query for a multiple association of all `parents`: their lists, `[]` when none. */
async function loadMultiple(
  ctx: Context,
  node: IncludeNode,
  parents: readonly AnyModel[],
  forwarded: unknown[] | undefined,
): Promise<void> {
  const source = node.association.joinKeys.source;
  const as = node.as;
  const byKey = new Map<unknown, AnyModel[]>();
  const keys: unknown[] = [];
  for (const parent of parents) {
    const values = parent.dataValues as Row;
    values[as] = [];
    const key = values[source];
    if (key === null || key === undefined) continue;
    const mapped = typeof key === 'object' ? mapKey(key) : key;
    const list = byKey.get(mapped);
    if (list) list.push(parent);
    else {
      byKey.set(mapped, [parent]);
      keys.push(key);
    }
  }
  if (keys.length === 0) return;
  const own = node.order === undefined ? [] : Array.isArray(node.order) ? node.order : [node.order];
  const { instances, groups } = await loadLevel(ctx, {
    model: node.association.target,
    def: node.def,
    attributes: node.attributes,
    where: node.where,
    children: node.children,
    order: [...own, ...(forwarded ?? [])],
    keysOf: { node, keys },
  });
  for (let i = 0; i < instances.length; i++) {
    const group = groups[i];
    const owners = byKey.get(typeof group === 'object' && group !== null ? mapKey(group) : group);
    if (owners)
      for (const parent of owners) ((parent.dataValues as Row)[as] as AnyModel[]).push(instances[i]);
  }
}

/** Keys compared by value: dates by time, buffers by content. */
function mapKey(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Buffer.isBuffer(value)) return `\u0000${value.toString('hex')}`;
  return value;
}
