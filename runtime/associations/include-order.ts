/**
 * `order` of a finder with include: the model's own columns, expressions, and included columns
 * (`[[Post, 'createdAt', 'DESC']]`, `[[{ model: Post, as: 'posts' }, 'id', 'DESC']]`,
 * `[['posts', 'rank', 'DESC']]`, nested `[[posts, Comment, 'id', 'DESC']]`). A column of a joined
 * (single) association orders the parent rows; a column of a multiple association orders that
 * association's own query: its rows within each parent (docs/runtime.md).
 */
import { isExpression } from '../expressions.js';
import type { ModelDefinition } from '../model-definition.js';
import { quoteIdentifier } from '../sql/quote.js';
import { expressionSql } from '../sql/where/expression-sql.js';
import { whereContext } from '../sql/where/logical.js';
import { Association } from './association.js';
import type { IncludeNode } from './include-tree.js';

const DIRECTIONS = new Set([
  'ASC',
  'DESC',
  'ASC NULLS FIRST',
  'ASC NULLS LAST',
  'DESC NULLS FIRST',
  'DESC NULLS LAST',
  'NULLS FIRST',
  'NULLS LAST',
]);

export interface OrderPlan {
  /** Items on this query: [node or undefined for the model itself, column or expression SQL marker, direction]. */
  readonly local: {
    node: IncludeNode | undefined;
    column: string | undefined;
    expression: unknown;
    direction: string;
  }[];
  /** Items for the query of a multiple association, relative to it. */
  readonly forwarded: Map<IncludeNode, unknown[]>;
}

function directionOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.toUpperCase().replace(/\s+/g, ' ').trim();
  return DIRECTIONS.has(text) ? text : undefined;
}

export function planOrder(def: ModelDefinition, order: unknown, nodes: readonly IncludeNode[]): OrderPlan {
  const plan: OrderPlan = { local: [], forwarded: new Map() };
  if (order === undefined || order === null) return plan;
  const items = typeof order === 'string' || isExpression(order) ? [order] : (order as unknown[]);
  if (!Array.isArray(items))
    throw new TypeError(`order must be an array like [['name', 'DESC']] for model ${def.name}`);
  for (const item of items) addItem(def, item, nodes, plan);
  return plan;
}

function addItem(def: ModelDefinition, item: unknown, nodes: readonly IncludeNode[], plan: OrderPlan): void {
  if (!Array.isArray(item)) {
    plan.local.push({
      node: undefined,
      column: typeof item === 'string' ? item : undefined,
      expression: item,
      direction: '',
    });
    return;
  }
  const last = directionOf(item[item.length - 1]);
  const rest = last === undefined ? item : item.slice(0, -1);
  const direction = last ?? '';
  if (rest.length === 1) {
    plan.local.push({
      node: undefined,
      column: typeof rest[0] === 'string' ? rest[0] : undefined,
      expression: rest[0],
      direction,
    });
    return;
  }
  const column = rest[rest.length - 1];
  let current: IncludeNode | undefined;
  let children = nodes;
  for (let i = 0; i < rest.length - 1; i++) {
    const found: IncludeNode | undefined = children.find((n) => matches(n, rest[i]));
    if (!found)
      throw new Error(
        `order of ${def.name}: ${describe(rest[i])} is not an included association${current ? ` of ${current.path}` : ''}`,
      );
    current = found;
    if (found.association.isMultiAssociation) {
      const remaining = [...rest.slice(i + 1), ...(last === undefined ? [] : [last])];
      const list = plan.forwarded.get(found) ?? [];
      list.push(remaining.length === 1 ? remaining[0] : remaining);
      plan.forwarded.set(found, list);
      return;
    }
    children = found.children;
  }
  if (typeof column !== 'string')
    throw new TypeError(`order of ${def.name}: the column after an association must be a name`);
  plan.local.push({ node: current, column, expression: undefined, direction });
}

function matches(node: IncludeNode, spec: unknown): boolean {
  if (typeof spec === 'string') return node.as === spec;
  if (spec instanceof Association) return node.association === spec;
  if (typeof spec === 'function') return node.association.target === spec;
  if (spec && typeof spec === 'object') {
    const { model, as, association } = spec as { model?: unknown; as?: string; association?: unknown };
    if (association !== undefined) return matches(node, association);
    return (as === undefined || node.as === as) && (model === undefined || node.association.target === model);
  }
  return false;
}

function describe(spec: unknown): string {
  if (typeof spec === 'function') return (spec as { name: string }).name;
  if (typeof spec === 'string') return `"${spec}"`;
  return JSON.stringify(spec) ?? String(spec);
}

/** An expression item's SQL on this query (bare column names: the model's own). */
export function expressionOrder(def: ModelDefinition, expression: unknown, params: unknown[]): string {
  if (!isExpression(expression))
    throw new TypeError(
      `order item of model ${def.name}: ${JSON.stringify(expression)} is not an attribute name or expression`,
    );
  return expressionSql(whereContext(def, params), expression);
}

export const quote = quoteIdentifier;
