/** `User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' })`: the foreign key on the target. */
import { pluralize } from '../inflection.js';
import { HAS_MANY_OPTIONS } from '../method-options.js';
import type { AnyModel, ModelCtor } from '../types.js';
import { multipleAccessors } from './accessor-names.js';
import { Association, keyAttribute, keyOf, query, type ModelClass, type Row } from './association.js';
import type { HasManyOptions } from './association-options.js';
import { addTargetForeignKey } from './has-one.js';

export class HasMany<S extends AnyModel = AnyModel, T extends AnyModel = AnyModel> extends Association<S, T> {
  readonly associationType = 'HasMany' as const;
  readonly sourceKey: string;

  constructor(source: ModelCtor<S>, target: ModelCtor<T>, options: HasManyOptions = {}) {
    super(source, target, options, 'hasMany', HAS_MANY_OPTIONS, pluralize(target.name), false);
    this.sourceKey = keyAttribute(this.sourceDefinition, options.sourceKey, 'sourceKey');
    this.foreignKey = addTargetForeignKey(this, options);
    this.checkNamingCollision();
    this.accessors = multipleAccessors(this.name);
    this.mixinMultiple();
  }

  get identifierField(): string {
    return this.targetDefinition.attributes[this.foreignKey].field;
  }
  get joinKeys(): { source: string; target: string } {
    return { source: this.sourceKey, target: this.foreignKey };
  }
  private get model(): ModelClass {
    return this.target as unknown as ModelClass;
  }
  private get targetPk(): string {
    return this.targetDefinition.primaryKeys[0].name;
  }
  private own(instance: AnyModel, where?: unknown): unknown {
    const own = { [this.foreignKey]: (instance.dataValues as Row)[this.sourceKey] };
    return where === undefined ? own : [own, where];
  }

  get(instance: AnyModel, options: Row): Promise<AnyModel[]> {
    return this.model.findAll({ ...options, where: this.own(instance, options.where) });
  }

  count(instance: AnyModel, options: Row): Promise<number> {
    return this.model.count({ ...options, where: this.own(instance, options.where) });
  }

  /** True when every given target belongs to the source. */
  async has(instance: AnyModel, values: unknown[], options: Row): Promise<boolean> {
    const ids = [...new Set(values.map((v) => keyOf(v, this.targetPk)))];
    const found = await this.model.count({
      ...query(options),
      where: this.own(instance, { [this.targetPk]: ids }),
    });
    return found === ids.length;
  }

  async add(instance: AnyModel, values: unknown[], options: Row): Promise<AnyModel> {
    const ids = values.map((v) => keyOf(v, this.targetPk));
    if (ids.length)
      await this.model.update(
        { [this.foreignKey]: (instance.dataValues as Row)[this.sourceKey] },
        { ...query(options), where: { [this.targetPk]: ids } },
      );
    return instance;
  }

  /** Sets the foreign key of the given targets to null (as Sequelize; the rows stay). */
  async remove(instance: AnyModel, values: unknown[], options: Row): Promise<void> {
    const ids = values.map((v) => keyOf(v, this.targetPk));
    if (ids.length)
      await this.model.update(
        { [this.foreignKey]: null },
        { ...query(options), where: this.own(instance, { [this.targetPk]: ids }) },
      );
  }

  /** Exactly these targets afterwards: the others are removed, the missing ones added. */
  async set(instance: AnyModel, values: unknown[], options: Row): Promise<AnyModel> {
    const wanted = values.map((v) => keyOf(v, this.targetPk));
    const current = await this.model.findAll({
      ...query(options),
      attributes: [this.targetPk],
      where: this.own(instance),
    });
    const currentIds = current.map((row) => (row.dataValues as Row)[this.targetPk]);
    await this.remove(
      instance,
      currentIds.filter((id) => !wanted.includes(id)),
      options,
    );
    await this.add(
      instance,
      wanted.filter((id) => !currentIds.includes(id)),
      options,
    );
    return instance;
  }

  create(instance: AnyModel, values: Row = {}, options: Row = {}): Promise<AnyModel> {
    if (Array.isArray(values))
      throw new TypeError(`${this.accessors.create}() takes one object of values, not an array`);
    return this.model.create(
      { ...values, [this.foreignKey]: (instance.dataValues as Row)[this.sourceKey] },
      options,
    );
  }
}
