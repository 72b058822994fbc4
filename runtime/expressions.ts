/**
 * Sequelize's SQL expression helpers: `fn`, `col`, `cast`, `where` (and `literal`, in literal.ts).
 * They only record what was asked; runtime/sql/expression-sql.ts turns them into SQL, with every
 * value a `$n` parameter and every column name quoted. `literal` is the one way to send raw SQL.
 */
import { Literal, literal } from './literal.js';
import { notSupported } from './not-supported.js';
import { and as opAnd, or as opOr } from './operators.js';

export { literal, Literal };

/** `fn('lower', col('name'))` → `lower("name")`. Arguments: expressions, values (parameters) or where objects. */
export class Fn {
  readonly args: readonly unknown[];
  constructor(
    readonly fn: string,
    args: readonly unknown[],
  ) {
    if (typeof fn !== 'string' || !/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/.test(fn))
      throw new TypeError(
        `fn() needs a function name like 'lower' or 'schema.fn', got ${JSON.stringify(fn)}; use literal() for other SQL`,
      );
    this.args = args;
  }
}

/** `col('name')`: an attribute (its field) or a column, `'*'`, or `'table.column'`. */
export class Col {
  constructor(readonly col: string) {
    if (typeof col !== 'string' || col === '') throw new TypeError('col() needs a column name');
  }
}

/** `cast(col('n'), 'text')` → `CAST("n" AS TEXT)`. */
export class Cast {
  constructor(
    readonly val: unknown,
    readonly type: string,
  ) {
    if (
      typeof type !== 'string' ||
      !/^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(\s*,\s*\d+)?\))?(\[\])*$/.test(type.trim())
    )
      throw new TypeError(
        `cast() needs a type name like 'text' or 'numeric(10,2)', got ${JSON.stringify(type)}`,
      );
  }
}

/** `where(fn('lower', col('name')), 'x')`, `where(col('a'), Op.gte, 3)`, `where(expr, { [Op.gt]: 5 })`. */
export class Where {
  constructor(
    readonly attribute: unknown,
    readonly logic: unknown,
  ) {}
}

export type Expression = Literal | Fn | Col | Cast | Where;

export function fn(name: string, ...args: unknown[]): Fn {
  return new Fn(name, args);
}
export function col(name: string): Col {
  return new Col(name);
}
export function cast(value: unknown, type: string): Cast {
  return new Cast(value, type);
}
export function where(attribute: unknown, comparatorOrLogic: unknown, ...value: [unknown?]): Where {
  if (value.length === 0) return new Where(attribute, comparatorOrLogic);
  if (typeof comparatorOrLogic !== 'symbol')
    throw new TypeError('where(expr, comparator, value): the comparator must be an Op symbol, like Op.gt');
  return new Where(attribute, { [comparatorOrLogic]: value[0] });
}

/** `and(a, b)` → `{ [Op.and]: [a, b] }`, as Sequelize's `and()` helper: a where object. */
export function and<T extends unknown[]>(...args: T): { [opAnd]: T } {
  return { [opAnd]: args };
}
/** `or(a, b)` → `{ [Op.or]: [a, b] }`, as Sequelize's `or()` helper: a where object. */
export function or<T extends unknown[]>(...args: T): { [opOr]: T } {
  return { [opOr]: args };
}
/** Sequelize's `json()` is refused by name (its type is `never`, so a call does not compile). */
export const json = function json(): never {
  throw notSupported(
    'json()',
    "write a JSON path as a where key ({ 'meta.a.b': 1 } or { meta: { a: { b: 1 } } }), or literal() in attributes and order",
  );
} as never;

export function isExpression(value: unknown): value is Expression {
  return (
    value instanceof Literal ||
    value instanceof Fn ||
    value instanceof Col ||
    value instanceof Cast ||
    value instanceof Where
  );
}
