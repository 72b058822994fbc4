/**
 * A where object: attribute keys AND-ed, with `Op.and`, `Op.or` and `Op.not` over nested where
 * objects (any depth), an array of where objects (AND), and `'meta.a.b'` keys into JSON columns.
 */
import { didYouMean } from '../../did-you-mean.js';
import { operatorName } from '../../operators.js';
import { Where } from '../../expressions.js';
import { Literal } from '../../literal.js';
import type { ModelDefinition } from '../../model-definition.js';
import { conditionOn } from './conditions.js';
import { expressionSql } from './expression-sql.js';
import { describeValue, isPlainObject, keysOf, refuse } from './refuse.js';
import { childTarget, columnTarget, type Target, type WhereContext } from './target.js';

/** The context every where builder of one statement shares (its parameters, the model). */
export function whereContext(def: ModelDefinition, params: unknown[]): WhereContext {
  const ctx: WhereContext = {
    def,
    params,
    condition: (where) => whereCondition(ctx, where) ?? 'TRUE',
    conditionOn: (t, logic) => conditionOn(ctx, t, logic),
  };
  return ctx;
}

/** The condition, or undefined for an empty where (every row). */
export function whereCondition(ctx: WhereContext, where: unknown): string | undefined {
  if (Array.isArray(where)) return joined(ctx, where, ' AND ');
  if (where instanceof Literal || where instanceof Where) return expressionSql(ctx, where);
  if (typeof where === 'number' || typeof where === 'bigint') return primaryKeyCondition(ctx, where);
  if (!isPlainObject(where)) {
    refuse(
      `model ${ctx.def.name}`,
      undefined,
      `a where must be a plain object of attribute conditions (got ${describeWhere(where)})${typeof where === 'string' ? '; SQL text goes through literal(), a primary key through findByPk or { id: ... }' : ''}`,
    );
  }
  const parts: string[] = [];
  for (const key of keysOf(where)) {
    const value = where[key];
    if (typeof key === 'symbol') parts.push(logical(ctx, key, value));
    else parts.push(conditionOn(ctx, targetOf(ctx, key), value));
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.join(' AND ');
}

/** `where: 2` means the primary key, as Sequelize v6's getWhereConditions reads a number. */
function primaryKeyCondition(ctx: WhereContext, value: number | bigint): string {
  const keys = ctx.def.primaryKeys;
  if (keys.length !== 1)
    refuse(
      `model ${ctx.def.name}`,
      undefined,
      `a number as the where means the primary key, and ${ctx.def.name} has ${keys.length} primary key columns; write { ${keys.map((k) => `${k.name}: ...`).join(', ') || 'attribute: ...'} }`,
    );
  return conditionOn(ctx, columnTarget(ctx.def, keys[0]), value);
}

function describeWhere(where: unknown): string {
  if (typeof where !== 'object' || where === null) return describeValue(where);
  const name = (where as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? `a ${name}` : 'an object with a custom prototype';
}

function logical(ctx: WhereContext, key: symbol, value: unknown): string {
  const op = operatorName(key);
  const label = `model ${ctx.def.name}`;
  if (op === 'not') {
    const inner = whereCondition(ctx, value);
    return inner === undefined ? 'FALSE' : `NOT (${inner})`;
  }
  if (op !== 'and' && op !== 'or') {
    refuse(
      label,
      op,
      op === undefined
        ? `${String(key)} is not one of Sequelize's operators (Op.*)`
        : 'only Op.and, Op.or and Op.not go at the top of a where; put this operator under an attribute: { attr: { [Op.x]: value } }',
    );
  }
  const joiner = op === 'or' ? ' OR ' : ' AND ';
  if (Array.isArray(value)) return joined(ctx, value, joiner, op === 'or' ? 'FALSE' : 'TRUE');
  if (isPlainObject(value)) {
    return joined(
      ctx,
      keysOf(value).map((k) => ({ [k]: value[k] })),
      joiner,
      op === 'or' ? 'FALSE' : 'TRUE',
    );
  }
  return refuse(label, op, `needs an array or an object of conditions, got ${describeValue(value)}`);
}

function joined(ctx: WhereContext, items: readonly unknown[], joiner: string, empty = 'TRUE'): string {
  const parts = items.map((item) => whereCondition(ctx, item) ?? 'TRUE');
  if (parts.length === 0) return empty;
  return parts.length === 1 ? parts[0] : `(${parts.join(joiner)})`;
}

/** `name`, `$name$`, or `meta.a.b` (a path into the JSON column `meta`). */
function targetOf(ctx: WhereContext, key: string): Target {
  const { def } = ctx;
  const name = /^\$[^.$]+\$$/.test(key) ? key.slice(1, -1) : key;
  const attr = def.attributes[name];
  if (attr) return columnTarget(def, attr);
  const [head, ...path] = name.split('.');
  const base = path.length ? def.attributes[head] : undefined;
  if (base) {
    if (!base.isJson)
      refuse(`${def.name}.${head}`, undefined, `"${key}" is a path, and only JSON/JSONB columns take paths`);
    if (path.some((p) => p.includes('::')))
      refuse(
        `${def.name}.${head}`,
        undefined,
        `"${key}": casts in path keys are not supported; the value's type picks the cast`,
      );
    return path.reduce(childTarget, columnTarget(def, base));
  }
  if (/^\$[^$]+\.[^$]+\$$/.test(key)) refuseNestedKey(def, key);
  throw new Error(
    `Unknown attribute "${key}" in where of model ${def.name}${didYouMean(name, Object.keys(def.attributes))}`,
  );
}

/** `'$posts.rank$'`: Sequelize's where on an included model's column, which the runtime does not have. */
function refuseNestedKey(def: ModelDefinition, key: string): never {
  const path = key.slice(1, -1).split('.');
  const column = path.pop()!;
  const association = path.join('.');
  const model = def.sequelize.models[def.name] as { associations?: Record<string, unknown> } | undefined;
  const names = Object.keys(model?.associations ?? {});
  const hint = names.includes(path[0]) ? '' : didYouMean(path[0], names);
  refuse(
    `model ${def.name}`,
    undefined,
    `"${key}": $association.column$ keys (a where on an included model's column) are not supported${hint ? ` (${hint.replace(/^[;,.\s]+/, '')})` : ''}; ` +
      `put the condition in the include's where ({ include: [{ association: '${association}', where: { ${column}: ... } }] }), ` +
      `or write it with literal()`,
  );
}
