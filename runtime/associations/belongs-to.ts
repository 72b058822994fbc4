/** `Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' })`: the foreign key on the source. */
import { singularize } from '../inflection.js';
import { BELONGS_TO_OPTIONS } from '../method-options.js';
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
import type { BelongsToOptions } from './association-options.js';
import { addForeignKey } from './foreign-key.js';

export class BelongsTo<S extends AnyModel = AnyModel, T extends AnyModel = AnyModel> extends Association<
  S,
  T
> {
  readonly associationType = 'BelongsTo' as const;
  /** The target's attribute the foreign key references. */
  readonly targetKey: string;

  constructor(source: ModelCtor<S>, target: ModelCtor<T>, options: BelongsToOptions = {}) {
    super(source, target, options, 'belongsTo', BELONGS_TO_OPTIONS, singularize(target.name), true);
    const targetDef = this.targetDefinition;
    this.targetKey = keyAttribute(targetDef, options.targetKey, 'targetKey');
    const fk = foreignKeyOptions(options.foreignKey, camelize(`${this.as}_${this.targetKey}`));
    this.foreignKey = fk.name;
    const existing = this.sourceDefinition.attributes[fk.name];
    const allowNull = fk.allowNull ?? existing?.allowNull ?? true;
    addForeignKey(source, {
      name: fk.name,
      field: fk.field,
      allowNull: fk.allowNull,
      type: targetDef.attributes[this.targetKey].type,
      references: options.constraints === false ? undefined : { model: target, key: this.targetKey },
      onDelete: options.onDelete ?? (allowNull ? 'SET NULL' : 'NO ACTION'),
      onUpdate: options.onUpdate ?? 'CASCADE',
    });
    this.checkNamingCollision();
    this.accessors = singleAccessors(this.as);
    this.mixinSingle();
  }

  get identifierField(): string {
    return this.sourceDefinition.attributes[this.foreignKey].field;
  }
  get joinKeys(): { source: string; target: string } {
    return { source: this.foreignKey, target: this.targetKey };
  }

  /** The associated instance; null without a query when the foreign key is null. */
  async get(instance: AnyModel, options: Row = {}): Promise<AnyModel | null> {
    const value = (instance.dataValues as Row)[this.foreignKey];
    if (value === null || value === undefined) return null;
    const where =
      options.where === undefined
        ? { [this.targetKey]: value }
        : [{ [this.targetKey]: value }, options.where];
    return (this.target as unknown as ModelClass).findOne({ ...options, where });
  }

  /** Sets the foreign key (an instance, a key or null) and saves it, unless `save: false`. */
  async set(instance: AnyModel, value: unknown, options: Row = {}): Promise<void> {
    const { save, ...rest } = options;
    (instance as unknown as { set(k: string, v: unknown): void }).set(
      this.foreignKey,
      value === null || value === undefined ? null : keyOf(value, this.targetKey),
    );
    if (save === false) return;
    await (instance as unknown as { save(o: Row): Promise<unknown> }).save({
      ...rest,
      fields: [this.foreignKey],
    });
  }

  /** Creates the target, then points the source at it. */
  async create(instance: AnyModel, values: Row = {}, options: Row = {}): Promise<AnyModel> {
    const created = await (this.target as unknown as ModelClass).create(values, options);
    await this.set(instance, created, { transaction: options.transaction, logging: options.logging });
    return created;
  }
}
