/** The options of hasOne, belongsTo, hasMany and belongsToMany (Sequelize's names and shapes). */
import type { AnyModel, ModelCtor, ReferentialAction } from '../types.js';

/** `foreignKey: { name, field, allowNull }`: the attribute, its column, whether it may be null. */
export interface ForeignKeyOptions {
  /** The attribute name. */
  name?: string;
  /** The column name (default: the attribute name, snake_cased on an underscored model). */
  field?: string;
  allowNull?: boolean;
}

/** `as: 'posts'`, or both forms of the name for the accessors. */
export type AssociationAlias = string | { singular: string; plural: string };

export interface AssociationOptions {
  /** The name the association is known by: `include` key, result key, accessor names. */
  as?: AssociationAlias;
  /** The foreign key attribute (reused when the model already has it), or its options. */
  foreignKey?: string | ForeignKeyOptions;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** false: no REFERENCES constraint (and no ordering of sync by this key). */
  constraints?: boolean;
  /** Accepted for compatibility: the runtime has no hooks. */
  hooks?: boolean;
}

export interface BelongsToOptions extends AssociationOptions {
  /** The target's attribute the foreign key references (default: its primary key). */
  targetKey?: string;
}

export interface HasOneOptions extends AssociationOptions {
  /** The source's attribute the target's foreign key references (default: its primary key). */
  sourceKey?: string;
}

export interface HasManyOptions extends AssociationOptions {
  sourceKey?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a through model of any attributes
type ThroughModel = ModelCtor<AnyModel> | (abstract new (...args: any[]) => AnyModel);

export interface ThroughOptions {
  /** The junction model, or the name of a table the runtime defines a model for. */
  model: ThroughModel | string;
  /** false: no UNIQUE (foreignKey, otherKey) on a through model with its own primary key. */
  unique?: boolean;
}

export interface BelongsToManyOptions extends AssociationOptions {
  /** The junction: a model, a table name, or `{ model, unique }`. Required. */
  through: ThroughModel | string | ThroughOptions;
  /** The through attribute referencing the target (default: target singular + its key). */
  otherKey?: string | ForeignKeyOptions;
  sourceKey?: string;
  targetKey?: string;
  /** The name of the UNIQUE (foreignKey, otherKey) constraint on a through model with its own key. */
  uniqueKey?: string;
  /** With a table-name through: whether its model has createdAt/updatedAt (default true, as Sequelize). */
  timestamps?: boolean;
}
