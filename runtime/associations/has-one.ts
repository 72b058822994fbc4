/** `User.hasOne(Profile)`: the foreign key on the target, at most one target row per source. */
import { singularize } from '../inflection.js';
import { HAS_ONE_OPTIONS } from '../method-options.js';
import type { AnyModel, ModelCtor } from '../types.js';
import { camelize, singleAccessors } from './accessor-names.js';
import {
  Association,
  keyAttribute,
  foreignKeyOptions,
  keyOf,
  type ModelClass,
  type Row,
} from './association.js';
import type { HasOneOptions } from './association-options.js';
import { addForeignKey } from './foreign-key.js';

type Saveable = AnyModel & { set(k: string, v: unknown): void; save(o?: Row): Promise<unknown> };

export class HasOne<S extends AnyModel = AnyModel, T extends AnyModel = AnyModel> extends Association<S, T> {
  readonly associationType = 'HasOne' as const;
  /** The source's attribute the target's foreign key references. */
  readonly sourceKey: string;

  constructor(source: ModelCtor<S>, target: ModelCtor<T>, options: HasOneOptions = {}) {
    super(source, target, options, 'hasOne', HAS_ONE_OPTIONS, singularize(target.name), true);
    this.sourceKey = keyAttribute(this.sourceDefinition, options.sourceKey, 'sourceKey');
    this.foreignKey = addTargetForeignKey(this, options);
    this.checkNamingCollision();
    this.accessors = singleAccessors(this.as);
    this.mixinSingle();
  }

  get identifierField(): string {
    return this.targetDefinition.attributes[this.foreignKey].field;
  }
  get joinKeys(): { source: string; target: string } {
    return { source: this.sourceKey, target: this.foreignKey };
  }

  async get(instance: AnyModel, options: Row = {}): Promise<AnyModel | null> {
    const key = (instance.dataValues as Row)[this.sourceKey];
    if (key === null || key === undefined) return null;
    const own = { [this.foreignKey]: key };
    return (this.target as unknown as ModelClass).findOne({
      ...options,
      where: options.where === undefined ? own : [own, options.where],
    });
  }

  /** The previous target's key is set to null, the new one's to the source's key. */
  async set(instance: AnyModel, value: unknown, options: Row = {}): Promise<void> {
    const query = { transaction: options.transaction, logging: options.logging };
    const pk = this.targetDefinition.primaryKeys[0].name;
    const old = (await this.get(instance, query)) as Saveable | null;
    const newKey = value === null || value === undefined ? undefined : keyOf(value, pk);
    if (old && (old.dataValues as Row)[pk] !== newKey) {
      old.set(this.foreignKey, null);
      await old.save({ ...query, fields: [this.foreignKey] });
    }
    if (newKey === undefined) return;
    const key = (instance.dataValues as Row)[this.sourceKey];
    if (value !== null && typeof value === 'object' && 'dataValues' in value) {
      const target = value as Saveable;
      target.set(this.foreignKey, key);
      await target.save({ ...query, fields: target.isNewRecord ? undefined : [this.foreignKey] });
      return;
    }
    await (this.target as unknown as ModelClass).update(
      { [this.foreignKey]: key },
      { ...query, where: { [pk]: newKey } },
    );
  }

  async create(instance: AnyModel, values: Row = {}, options: Row = {}): Promise<AnyModel> {
    const key = (instance.dataValues as Row)[this.sourceKey];
    return (this.target as unknown as ModelClass).create({ ...values, [this.foreignKey]: key }, options);
  }
}

/**
 * hasOne and hasMany: the key on the target, named from the source and its key (for hasOne not
 * from `as` as Sequelize does, #10972: docs/runtime.md), SET NULL when nullable else CASCADE
 * (Sequelize's defaults). Returns the key's attribute name.
 */
export function addTargetForeignKey(
  association: Association & { sourceKey: string },
  options: HasOneOptions,
): string {
  const source = association.sourceDefinition;
  const fk = foreignKeyOptions(
    options.foreignKey,
    camelize(`${singularize(source.name)}_${association.sourceKey}`),
  );
  const existing = association.targetDefinition.attributes[fk.name];
  const allowNull = fk.allowNull ?? existing?.allowNull ?? true;
  addForeignKey(association.target, {
    name: fk.name,
    field: fk.field,
    allowNull: fk.allowNull,
    type: source.attributes[association.sourceKey].type,
    references:
      options.constraints === false ? undefined : { model: association.source, key: association.sourceKey },
    onDelete: options.onDelete ?? (allowNull ? 'SET NULL' : 'CASCADE'),
    onUpdate: options.onUpdate ?? 'CASCADE',
  });
  return fk.name;
}
