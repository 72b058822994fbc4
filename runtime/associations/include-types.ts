/**
 * The types of `include`: only associations the model declares (`declare posts?: NonAttribute<Post[]>`)
 * can be included, by alias, `{ association }`, `{ model, as }` or the model class; an included
 * association is typed as present on the result (`user.posts` is `Post[]`).
 */
import type {
  AnyModel,
  Attributes,
  FindAttributeOptions,
  ModelCtor,
  NonAttributeKey,
  Order,
  OrderDirection,
  OrderIncludeStep,
  OwnOrderItem,
  WhereOptions,
} from '../types.js';
import type { Expression } from '../expressions.js';
import type { Association } from './association.js';

/** The members of M declared as associations: NonAttribute values holding a model or a list of them. */
export type AssociationName<M> = {
  [K in keyof M]-?: NonAttributeKey extends keyof NonNullable<M[K]>
    ? NonNullable<M[K]> extends AnyModel | readonly AnyModel[]
      ? K
      : never
    : never;
}[keyof M] &
  string;

/** The model an association of M holds: `Post` for `posts?: NonAttribute<Post[]>`. */
export type AssociatedModel<M, K extends keyof M> =
  NonNullable<M[K]> extends readonly (infer E)[] ? E : NonNullable<M[K]>;

/** `{ model, as, where, ... }` for the association K of M. */
export interface IncludeOptionsFor<
  M,
  K extends AssociationName<M>,
  A extends AnyModel = AssociatedModel<M, K> & AnyModel,
> {
  association?: K | Association;
  model?: ModelCtor<A>;
  as?: K;
  /** Conditions on the included rows; makes the include required (INNER) unless `required: false`. */
  where?: WhereOptions<Attributes<A>>;
  /** true: only parents with a matching row (INNER JOIN / EXISTS). */
  required?: boolean;
  attributes?: FindAttributeOptions<Attributes<A>>;
  include?: readonly Includeable<A>[];
  /**
   * belongsToMany: the through row's attributes (`[]`: none) and conditions; `paranoid: false` keeps
   * soft-deleted links. Typed away (`never`) where M's getter says K is a hasMany.
   */
  through?: NotHasMany<M, K> extends true
    ? {
        attributes?: readonly string[];
        where?: WhereOptions<Record<string, unknown>>;
        paranoid?: boolean;
      }
    : never;
  /** false: a paranoid target's soft-deleted rows are included too. */
  paranoid?: boolean;
  /** hasMany: loaded by its own query (every include of a multiple association is, here). */
  separate?: boolean;
  /** With separate: the order of the included rows. */
  order?: Order<Attributes<A>>;
}

/**
 * false when M declares K's getter (`getPosts`) as a hasMany's, whose options lack belongsToMany's
 * `joinTableAttributes`; true otherwise (belongsToMany, or a model without the getter declared).
 */
type NotHasMany<M, K extends string> = `get${Capitalize<K>}` extends infer G extends keyof M
  ? M[G] extends (options?: infer O) => Promise<readonly unknown[]>
    ? 'joinTableAttributes' extends keyof NonNullable<O>
      ? true
      : false
    : true
  : true;

export type IncludeObject<M> = {
  [K in AssociationName<M>]: IncludeOptionsFor<M, K> &
    ({ association: K | Association } | { model: ModelCtor<AssociatedModel<M, K> & AnyModel> });
}[AssociationName<M>];

/** One element of `include`: an alias, a model class, an association object or an include object. */
export type Includeable<M> =
  | AssociationName<M>
  | ModelCtor<AssociatedModel<M, AssociationName<M>> & AnyModel>
  | Association
  | IncludeObject<M>;

/** The `include` option of a finder of model M, and its `order` (which may name included columns). */
export interface IncludeOption<M> {
  include?: Includeable<M> | readonly Includeable<M>[];
  order?: IncludeOrder<M>;
}

/** An association K of M as the first step of an order path: its model, `{ model, as }` or association object. */
type OrderStep<M, K extends AssociationName<M>> =
  | ModelCtor<AssociatedModel<M, K> & AnyModel>
  | { readonly model: ModelCtor<AssociatedModel<M, K> & AnyModel>; readonly as?: K }
  | Association;
type ColumnOf<A> = A extends AnyModel ? keyof Attributes<A> & string : string;
/** An included column of M: the first step names an association of M; one step deep, the column is checked too. */
type IncludedOrderOf<M> = {
  [K in AssociationName<M>]:
    | readonly [OrderStep<M, K>, ColumnOf<AssociatedModel<M, K>>]
    | readonly [OrderStep<M, K> | K, ColumnOf<AssociatedModel<M, K>>, OrderDirection]
    | readonly [OrderStep<M, K> | K, OrderIncludeStep, ...(OrderIncludeStep | string)[], string]
    | readonly [
        OrderStep<M, K> | K,
        OrderIncludeStep | string,
        ...(OrderIncludeStep | string)[],
        string,
        OrderDirection,
      ];
}[AssociationName<M>];
/** `order` of a finder of M: its own attributes and expressions, and the columns of its associations. */
export type IncludeOrder<M> = M extends AnyModel
  ? | (keyof Attributes<M> & string)
    | Expression
    | readonly (OwnOrderItem<Attributes<M>> | IncludedOrderOf<M>)[]
  : never;

/** The alias an include element names (never when it cannot be told from the type). */
type IncludedName<M, I> = I extends string
  ? I & AssociationName<M>
  : I extends { as: infer K extends string }
    ? K & AssociationName<M>
    : I extends { association: infer K extends string }
      ? K & AssociationName<M>
      : I extends { model: ModelCtor<infer T> }
        ? NameOfModel<M, T>
        : I extends ModelCtor<infer T>
          ? NameOfModel<M, T>
          : never;
type NameOfModel<M, T> = {
  [K in AssociationName<M>]: [AssociatedModel<M, K>] extends [T]
    ? [T] extends [AssociatedModel<M, K>]
      ? K
      : never
    : never;
}[AssociationName<M>];

type NestedOf<I> = I extends { include: infer N } ? N : [];

/** The loaded value of association K, with its own nested includes present. */
type LoadedValue<M, K extends keyof M, N> =
  NonNullable<M[K]> extends readonly (infer E extends AnyModel)[]
    ? WithIncluded<E, N>[]
    : M[K] extends infer V
      ? V extends AnyModel
        ? WithIncluded<V, N> | null
        : never
      : never;

/** M with each included association present (not undefined): the result type of a finder with include. */
export type WithIncluded<M, I> = [I] extends [readonly []] | [undefined]
  ? M
  : M & {
      [E in ListElement<I> as IncludedName<M, E>]-?: IncludedName<M, E> extends keyof M
        ? LoadedValue<M, IncludedName<M, E>, NestedOf<E>>
        : never;
    };
type ListElement<I> = I extends readonly (infer E)[] ? E : I;

type IncludeKey = keyof IncludeOptionsFor<never, never>;
/**
 * Flags what inference would otherwise keep in the inferred include type: a misspelt key of an
 * include object (`requird`), an attribute its where does not have (top level of the where).
 */
export type CheckedIncludes<M, I> = I extends readonly unknown[]
  ? { readonly [K in keyof I]: CheckedInclude<M, I[K]> }
  : CheckedInclude<M, I>;
type CheckedInclude<M, E> = E extends string | Function | Association
  ? E
  : {
      [K in keyof E]: K extends 'where'
        ? CheckedWhere<E[K], IncludedModel<M, E>>
        : K extends IncludeKey
          ? E[K]
          : never;
    };
type IncludedModel<M, E> = IncludedName<M, E> extends infer K extends keyof M ? AssociatedModel<M, K> : never;
type CheckedWhere<W, A> = A extends AnyModel
  ? W extends readonly unknown[]
    ? W
    : { [P in keyof W]: P extends keyof Attributes<A> | symbol | `${string}.${string}` ? W[P] : never }
  : W;

/** TypeScript 5.4's NoInfer, spelt so that older compilers in a user's project accept it. */
export type NoInference<T> = [T][T extends unknown ? 0 : never];
