/**
 * Items of an object or an argument list that prettier breaks one item a line: each is laid out
 * on its own line with the comma that follows it, which line fitting counts as prettier counts it.
 */
import { printFragment } from './doc.js';
import {
  expressionDoc,
  flatExpression,
  flatProperty,
  propertyDoc,
  type Expression,
  type Property,
} from './expression.js';

/** `key: value,` */
export function propertyItem(property: Property, depth: number): string {
  return printFragment(withComma(flatProperty(property)), () => [propertyDoc(property), ','], depth);
}

/** `value,` */
export function argumentItem(expression: Expression, depth: number): string {
  return printFragment(withComma(flatExpression(expression)), () => [expressionDoc(expression), ','], depth);
}

/** `value;` */
export function expressionStatement(expression: Expression, depth: number): string {
  const flat = flatExpression(expression);
  return printFragment(
    flat === undefined ? undefined : `${flat};`,
    () => [expressionDoc(expression), ';'],
    depth,
  );
}

const withComma = (flat: string | undefined): string | undefined =>
  flat === undefined ? undefined : `${flat},`;
