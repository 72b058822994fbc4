/**
 * The parts of a generated file whose layout varies, described as data: each is laid out where
 * the outline places it, and knows whether its layout is exactly prettier's.
 */
import {
  classHeading,
  importStatement,
  methodSignature,
  propertySignature,
  type PropertySignature,
} from './declarations.js';
import { hasExactLayout, hasExactProperties, type Expression, type Property } from './expression.js';
import { argumentItem, expressionStatement, propertyItem } from './list-items.js';

export type Fragment =
  | { readonly kind: 'import'; readonly names: readonly string[]; readonly module: string }
  /** `name: type;` in an interface, `declare name: type;` in a class. */
  | {
      readonly kind: 'property-signature';
      readonly signature: PropertySignature;
      readonly modifier: '' | 'declare ';
    }
  /** `export class X extends Base<A, B> implements A {` */
  | {
      readonly kind: 'class-heading';
      readonly className: string;
      readonly baseClass: string;
      readonly typeArguments: readonly string[];
      readonly implemented: string;
    }
  /** `static name(parameters): returnType {` */
  | {
      readonly kind: 'static-method-signature';
      readonly name: string;
      readonly parameters: readonly string[];
      readonly returnType: string;
    }
  /** `key: value,` in an object broken one property a line. */
  | {
      readonly kind: 'property-item';
      readonly property: Property;
      /**
       * The key is an identifier (printed bare, as prettier keeps it) and the item is short
       * enough that how prettier measures a non-ASCII key never changes its layout.
       */
      readonly identifierKey?: boolean;
    }
  /** `value,` in arguments broken one a line. */
  | { readonly kind: 'argument-item'; readonly expression: Expression }
  /** `expression;` on a line of its own (`User.hasMany(Post, { ... });`). */
  | { readonly kind: 'statement'; readonly expression: Expression };

export function layOutFragment(fragment: Fragment, depth: number): string {
  switch (fragment.kind) {
    case 'import':
      return importStatement(fragment.names, fragment.module, depth);
    case 'property-signature':
      return propertySignature(fragment.signature, fragment.modifier, depth);
    case 'class-heading':
      return classHeading(
        fragment.className,
        fragment.baseClass,
        fragment.typeArguments,
        fragment.implemented,
        depth,
      );
    case 'static-method-signature':
      return methodSignature(fragment.name, fragment.parameters, fragment.returnType, depth);
    case 'property-item':
      return propertyItem(fragment.property, depth);
    case 'argument-item':
      return argumentItem(fragment.expression, depth);
    case 'statement':
      return expressionStatement(fragment.expression, depth);
  }
}

/** False for the shapes whose layout is not modelled (see hasExactLayout): a file holding one goes through prettier. */
export function isExactFragment(fragment: Fragment): boolean {
  switch (fragment.kind) {
    case 'property-item':
      return fragment.identifierKey === true
        ? hasExactLayout(fragment.property.value)
        : hasExactProperties([fragment.property]);
    case 'argument-item':
    case 'statement':
      return hasExactLayout(fragment.expression);
    default:
      return true;
  }
}
