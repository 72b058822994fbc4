/**
 * The SQL of one query of an include: the model's rows with every single association (belongsTo,
 * hasOne) joined, nested to any depth. Each table is a derived table `(SELECT ... WHERE ...)` that
 * exposes its columns under their attribute names, so the where builders (which write bare column
 * names) apply inside it unchanged, and joins name columns by attribute. A required multiple
 * association (hasMany/belongsToMany with where or required) is an EXISTS in its parent's table.
 * Table aliases are short (`t0`) and joined columns `__gm0`, so no depth reaches PostgreSQL's
 * 63-byte identifier limit.
 */
import { definitionOf, type ModelDefinition } from '../model-definition.js';
import { quoteIdentifier } from '../sql/quote.js';
import { selectList } from '../sql/select.js';
import { whereCondition, whereContext } from '../sql/where/logical.js';
import type { BelongsToMany } from './belongs-to-many.js';
import type { IncludeNode } from './include-tree.js';

export interface JoinedNode {
  readonly node: IncludeNode;
  readonly alias: string;
  /** [attribute or alias, column alias in the row]. */
  readonly columns: [string, string][];
  /** Names read only for joining or ordering: removed from the loaded instances. */
  readonly extras: readonly string[];
  /** The column telling whether the LEFT JOIN found a row. */
  readonly presence: string;
  readonly parent: JoinedNode | undefined;
}

export class QueryText {
  readonly params: unknown[] = [];
  private tables = 0;
  private columns = 0;
  table(): string {
    return quoteIdentifier(`t${this.tables++}`);
  }
  column(): string {
    return `__gm${this.columns++}`;
  }
}

/** The names a derived table of `def` exposes for `attributes` (undefined: every attribute). */
export function outputNames(def: ModelDefinition, attributes: unknown): string[] {
  if (attributes === undefined) return def.attributeList.map((a) => a.name);
  const item = (a: unknown): string => (typeof a === 'string' ? a : String((a as unknown[])[1]));
  if (Array.isArray(attributes)) return attributes.map(item);
  const { exclude, include } = attributes as { exclude?: string[]; include?: unknown[] };
  return [
    ...def.attributeList.filter((a) => !exclude?.includes(a.name)).map((a) => a.name),
    ...(include ?? []).map(item),
  ];
}

/** `(SELECT <attributes + keys> FROM table WHERE <where> AND <conditions>)`. */
export function derivedTable(
  q: QueryText,
  def: ModelDefinition,
  attributes: unknown,
  keys: readonly string[],
  where: unknown,
  conditions: readonly string[],
  /** `<expression> AS "alias"` items (an order by an expression, computed in the table's own scope). */
  computed: readonly string[] = [],
): string {
  const names = outputNames(def, attributes);
  const listed = attributes === undefined ? def.selectList : selectList(def, attributes as never, q.params);
  const extra = [...new Set(keys)].filter((k) => !names.includes(k)).map((k) => def.attributes[k].selectSql);
  const list = [listed, ...extra, ...computed].filter((part) => part !== '').join(', ') || 'NULL';
  const parts = [...conditions];
  const own = where === undefined ? undefined : whereCondition(whereContext(def, q.params), where);
  if (own !== undefined) parts.unshift(own);
  const whereText = parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
  return `(SELECT ${list} FROM ${def.quotedFrom}${whereText})`;
}

const col = (alias: string, name: string): string => `${alias}.${quoteIdentifier(name)}`;

/** The keys a node's table must expose: its own join key and primary keys, and its children's join keys. */
export function keysOf(
  def: ModelDefinition,
  node: IncludeNode | undefined,
  children: readonly IncludeNode[],
): string[] {
  const keys = def.primaryKeys.map((pk) => pk.name);
  if (node?.association.isSingleAssociation) keys.push(node.association.joinKeys.target);
  for (const child of children) keys.push(child.association.joinKeys.source);
  return [...new Set(keys)];
}

/**
 * `EXISTS (...)`: a row of the required multiple association `node` for the parent row whose
 * join key is `outerKey` (SQL), with the node's where and its own required descendants.
 */
export function existsSql(q: QueryText, node: IncludeNode, outerKey: string): string {
  const alias = q.table();
  const association = node.association;
  const keys = [
    ...keysOf(
      node.def,
      node,
      node.children.filter((c) => c.required),
    ),
    association.associationType === 'BelongsToMany'
      ? (association as BelongsToMany).targetKey
      : association.joinKeys.target,
  ];
  const table = derivedTable(
    q,
    node.def,
    [],
    keys,
    node.where,
    requiredMultiConditions(q, node.def, node.children),
  );
  const joins = singleJoins(
    q,
    node.children.filter((c) => c.required),
    alias,
    [],
  ).join('');
  if (association.associationType !== 'BelongsToMany')
    return `EXISTS (SELECT 1 FROM ${table} AS ${alias}${joins} WHERE ${col(alias, association.joinKeys.target)} = ${outerKey})`;
  const btm = association as BelongsToMany;
  const through = q.table();
  const throughDef = definitionOf(btm.through.model);
  const throughTable = derivedTable(
    q,
    throughDef,
    [],
    [btm.foreignKey, btm.otherKey],
    node.through?.where,
    [],
  );
  return `EXISTS (SELECT 1 FROM ${throughTable} AS ${through} INNER JOIN ${table} AS ${alias} ON ${col(alias, btm.targetKey)} = ${col(through, btm.otherKey)}${joins} WHERE ${col(through, btm.foreignKey)} = ${outerKey})`;
}

/** The EXISTS conditions of the required multiple children of a table (inside its derived table). */
export function requiredMultiConditions(
  q: QueryText,
  def: ModelDefinition,
  children: readonly IncludeNode[],
): string[] {
  return children
    .filter((child) => child.required && child.association.isMultiAssociation)
    .map((child) =>
      existsSql(
        q,
        child,
        `${quoteIdentifier(def.name)}.${def.attributes[child.association.joinKeys.source].quotedField}`,
      ),
    );
}

/**
 * The joins of the single associations among `children` of the table `parentAlias`, recursively.
 * A node with joined children is a parenthesised join, so a required grandchild empties only its
 * parent (`LEFT JOIN (a INNER JOIN b ON ...) ON ...`), as Sequelize.
 */
export function singleJoins(
  q: QueryText,
  children: readonly IncludeNode[],
  parentAlias: string,
  out: JoinedNode[] | undefined,
  parent?: JoinedNode,
  extrasOf?: (node: IncludeNode) => readonly string[],
): string[] {
  return children
    .filter((child) => child.association.isSingleAssociation)
    .map((child) => {
      const alias = q.table();
      const keys = [...keysOf(child.def, child, child.children), ...(extrasOf?.(child) ?? [])];
      const table = derivedTable(
        q,
        child.def,
        child.attributes,
        keys,
        child.where,
        requiredMultiConditions(q, child.def, child.children),
      );
      let joined: JoinedNode | undefined;
      if (out) {
        const names = outputNames(child.def, child.attributes);
        const all = [...names, ...keys.filter((k) => !names.includes(k))];
        joined = {
          node: child,
          alias,
          columns: all.map((name) => [name, q.column()]),
          extras: keys.filter((k) => !names.includes(k)),
          presence: child.association.joinKeys.target,
          parent,
        };
        out.push(joined);
      }
      const inner = singleJoins(q, child.children, alias, out, joined, extrasOf).join('');
      const ref = inner ? `(${table} AS ${alias}${inner})` : `${table} AS ${alias}`;
      const { source, target } = child.association.joinKeys;
      const kind = child.required ? 'INNER JOIN' : 'LEFT OUTER JOIN';
      return ` ${kind} ${ref} ON ${col(parentAlias, source)} = ${col(alias, target)}`;
    });
}

/** The select list of the joined tables' columns. */
export function joinedColumns(joined: readonly JoinedNode[]): string {
  return joined
    .flatMap((j) => j.columns.map(([name, alias]) => `${col(j.alias, name)} AS ${quoteIdentifier(alias)}`))
    .join(', ');
}

export { col as qualified };
