/**
 * The accessor types, with Sequelize's names and type parameters, for `declare getPosts: ...` in
 * a model class. Return types say what the runtime resolves (Sequelize's own say less: §3.5).
 */
import type {
  AnyModel,
  Attributes,
  CreationAttributes,
  FindOptions,
  QueryOptions,
  SaveOptions,
} from '../types.js';

/** Options of the get accessors: findAll's, with `where` AND-ed to the association's condition. */
export type AssociationGetOptions<T extends AnyModel> = FindOptions<Attributes<T>>;
export interface AssociationSetOptions extends QueryOptions {
  /** belongsTo: false sets the foreign key without saving. */
  save?: boolean;
}
export type AssociationCreateOptions<T extends AnyModel> = SaveOptions<Attributes<T>>;
/** belongsToMany add/set/create: the through row's own values. */
export interface ThroughValuesOptions extends QueryOptions {
  through?: Record<string, unknown>;
}
/** belongsToMany get: `joinTableAttributes` picks the through attributes read. */
export type BelongsToManyGetOptions<T extends AnyModel> = AssociationGetOptions<T> & {
  joinTableAttributes?: readonly string[];
};

export type BelongsToGetAssociationMixin<TModel extends AnyModel> = (
  options?: AssociationGetOptions<TModel>,
) => Promise<TModel | null>;
export type BelongsToSetAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociation?: TModel | TPrimaryKey | null,
  options?: AssociationSetOptions,
) => Promise<void>;
export type BelongsToCreateAssociationMixin<TModel extends AnyModel> = (
  values?: CreationAttributes<TModel>,
  options?: AssociationCreateOptions<TModel>,
) => Promise<TModel>;

export type HasOneGetAssociationMixin<TModel extends AnyModel> = (
  options?: AssociationGetOptions<TModel>,
) => Promise<TModel | null>;
export type HasOneSetAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociation?: TModel | TPrimaryKey | null,
  options?: AssociationSetOptions,
) => Promise<void>;
export type HasOneCreateAssociationMixin<TModel extends AnyModel> = (
  values?: Partial<CreationAttributes<TModel>>,
  options?: AssociationCreateOptions<TModel>,
) => Promise<TModel>;

export type HasManyGetAssociationsMixin<TModel extends AnyModel> = (
  options?: AssociationGetOptions<TModel>,
) => Promise<TModel[]>;
export type HasManySetAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociations?: readonly (TModel | TPrimaryKey)[] | null,
  options?: QueryOptions,
) => Promise<void>;
export type HasManyAddAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociations?: readonly (TModel | TPrimaryKey)[],
  options?: QueryOptions,
) => Promise<void>;
export type HasManyAddAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociation?: TModel | TPrimaryKey,
  options?: QueryOptions,
) => Promise<void>;
/** TForeignKey/TScope: creation attributes the association fills in (left out of `values`). */
export type HasManyCreateAssociationMixin<
  TModel extends AnyModel,
  TForeignKey extends keyof CreationAttributes<TModel> = never,
  TScope extends keyof CreationAttributes<TModel> = never,
> = (
  values?: Omit<CreationAttributes<TModel>, TForeignKey | TScope>,
  options?: AssociationCreateOptions<TModel>,
) => Promise<TModel>;
export type HasManyRemoveAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  oldAssociated?: TModel | TPrimaryKey,
  options?: QueryOptions,
) => Promise<void>;
export type HasManyRemoveAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  oldAssociateds?: readonly (TModel | TPrimaryKey)[],
  options?: QueryOptions,
) => Promise<void>;
export type HasManyHasAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  target: TModel | TPrimaryKey,
  options?: QueryOptions,
) => Promise<boolean>;
export type HasManyHasAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  targets: readonly (TModel | TPrimaryKey)[],
  options?: QueryOptions,
) => Promise<boolean>;
export type HasManyCountAssociationsMixin = (options?: AssociationCountOptions) => Promise<number>;
export interface AssociationCountOptions extends QueryOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the target's attributes are not known here (Sequelize's own type)
  where?: FindOptions<any>['where'];
}

export type BelongsToManyGetAssociationsMixin<TModel extends AnyModel> = (
  options?: BelongsToManyGetOptions<TModel>,
) => Promise<TModel[]>;
export type BelongsToManySetAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociations?: readonly (TModel | TPrimaryKey)[] | null,
  options?: ThroughValuesOptions,
) => Promise<void>;
export type BelongsToManyAddAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociations?: readonly (TModel | TPrimaryKey)[],
  options?: ThroughValuesOptions,
) => Promise<void>;
export type BelongsToManyAddAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  newAssociation?: TModel | TPrimaryKey,
  options?: ThroughValuesOptions,
) => Promise<void>;
export type BelongsToManyCreateAssociationMixin<TModel extends AnyModel> = (
  values?: CreationAttributes<TModel>,
  options?: AssociationCreateOptions<TModel> & ThroughValuesOptions,
) => Promise<TModel>;
export type BelongsToManyRemoveAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  oldAssociated?: TModel | TPrimaryKey,
  options?: QueryOptions,
) => Promise<void>;
export type BelongsToManyRemoveAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  oldAssociateds?: readonly (TModel | TPrimaryKey)[],
  options?: QueryOptions,
) => Promise<void>;
export type BelongsToManyHasAssociationMixin<TModel extends AnyModel, TPrimaryKey> = (
  target: TModel | TPrimaryKey,
  options?: QueryOptions,
) => Promise<boolean>;
export type BelongsToManyHasAssociationsMixin<TModel extends AnyModel, TPrimaryKey> = (
  targets: readonly (TModel | TPrimaryKey)[],
  options?: QueryOptions,
) => Promise<boolean>;
export type BelongsToManyCountAssociationsMixin = (options?: AssociationCountOptions) => Promise<number>;
