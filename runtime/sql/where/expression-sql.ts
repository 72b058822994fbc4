/**
 * SQL for fn/col/cast/literal/where expressions. Values in fn arguments are `$n` parameters,
 * column names go through quoteIdentifier (attribute names become their fields), and a
 * literal's text is sent as written: it is the one documented way to send raw SQL.
 */
import { Cast, Col, Fn, isExpression, Where, type Expression } from '../../expressions.js';
import { Literal } from '../../literal.js';
import { placeholder } from '../params.js';
import { resolveColumn } from './column-reference.js';
import type { WhereContext } from './where-context.js';

export function expressionSql(ctx: WhereContext, e: Expression): string {
  if (e instanceof Literal) return e.val;
  if (e instanceof Col) return resolveColumn(ctx.def, e.col);
  if (e instanceof Fn) return `${e.fn}(${e.args.map((a) => argumentSql(ctx, a)).join(', ')})`;
  if (e instanceof Cast) return `CAST(${argumentSql(ctx, e.val)} AS ${e.type.trim().toUpperCase()})`;
  if (e instanceof Where) return whereExpressionSql(ctx, e);
  throw new TypeError('Unknown expression');
}

function argumentSql(ctx: WhereContext, arg: unknown): string {
  if (isExpression(arg)) return expressionSql(ctx, arg);
  if (
    typeof arg === 'object' &&
    arg !== null &&
    !Array.isArray(arg) &&
    !(arg instanceof Date) &&
    !Buffer.isBuffer(arg)
  )
    return ctx.condition(arg);
  return placeholder(ctx.params, arg);
}

/** `where(fn('lower', col('name')), 'x')`: the left side is an expression, or an attribute name. */
function whereExpressionSql(ctx: WhereContext, w: Where): string {
  const left = w.attribute;
  if (typeof left === 'string') return ctx.condition({ [left]: w.logic });
  if (!isExpression(left))
    throw new TypeError(
      `where(left, ...) of model ${ctx.def.name}: the left side must be fn(), col(), cast(), literal() or an attribute name`,
    );
  return ctx.conditionOn(
    {
      kind: 'expression',
      label: `model ${ctx.def.name}`,
      attr: undefined,
      path: [],
      sql: expressionSql(ctx, left),
    },
    w.logic,
  );
}
