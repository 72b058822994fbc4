/**
 * The association base class: source, target, alias, keys and accessor names, as Sequelize's
 * `Association` (`.as`, `.foreignKey`, `.identifierField`, `.accessors`, `.associationType`).
 * Each kind (belongs-to.ts, has-one.ts, has-many.ts, belongs-to-many.ts) adds its keys and the
 * accessors' work; the include engine reads `joinKeys` of every kind alike.
 */
import { checkOptions, type OptionKeys } from '../check-options.js';
import { definitionOf, type ModelDefinition } from '../model-definition.js';
import type { AnyModel, ModelCtor } from '../types.js';
import { aliasNames, type AliasNames } from './accessor-names.js';
import type { AssociationAlias, AssociationOptions, ForeignKeyOptions } from './association-options.js';

export type AssociationType = 'BelongsTo' | 'HasOne' | 'HasMany' | 'BelongsToMany';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows and values of any model
export type Row = Record<string, any>;

/** The model statics the accessors call (every model class has them). */
export interface ModelClass {
  name: string;
  prototype: object;
  findAll(options?: Row): Promise<AnyModel[]>;
  findOne(options?: Row): Promise<AnyModel | null>;
  count(options?: Row): Promise<number>;
  create(values?: Row, options?: Row): Promise<AnyModel>;
  update(values: Row, options: Row): Promise<unknown>;
  destroy(options: Row): Promise<number>;
  bulkCreate(records: Row[], options?: Row): Promise<AnyModel[]>;
}

/** What a single association's accessors call: belongs-to.ts and has-one.ts implement it. */
interface SingleAccessorWork {
  get(instance: AnyModel, options?: Row): Promise<AnyModel | null>;
  set(instance: AnyModel, value: unknown, options?: Row): Promise<void>;
  create(instance: AnyModel, values?: Row, options?: Row): Promise<AnyModel>;
}

/** What a to-many association's accessors call: has-many.ts and belongs-to-many.ts implement it. */
interface MultipleAccessorWork {
  get(instance: AnyModel, options: Row): Promise<AnyModel[]>;
  count(instance: AnyModel, options: Row): Promise<number>;
  has(instance: AnyModel, values: unknown[], options: Row): Promise<boolean>;
  add(instance: AnyModel, values: unknown[], options: Row): Promise<unknown>;
  remove(instance: AnyModel, values: unknown[], options: Row): Promise<void>;
  set(instance: AnyModel, values: unknown[], options: Row): Promise<unknown>;
  create(instance: AnyModel, values?: Row, options?: Row): Promise<AnyModel>;
}

export abstract class Association<S extends AnyModel = AnyModel, T extends AnyModel = AnyModel> {
  abstract readonly associationType: AssociationType;
  readonly source: ModelCtor<S>;
  readonly target: ModelCtor<T>;
  /** The alias: the include key, the key of the loaded value, the base of the accessor names. */
  readonly as: string;
  readonly isAliased: boolean;
  readonly name: AliasNames;
  readonly options: Readonly<Row>;
  /** The foreign key attribute (on the source for belongsTo, on the target or through otherwise). */
  foreignKey!: string;
  accessors!: Readonly<Record<string, string>>;

  constructor(
    source: ModelCtor<S>,
    target: ModelCtor<T>,
    options: AssociationOptions,
    method: string,
    keys: OptionKeys,
    defaultAlias: AssociationAlias,
    single: boolean,
  ) {
    const sourceName = (source as { name?: string }).name ?? String(source);
    checkModel(
      target,
      `${sourceName}.${method} called with something that's not a subclass of Sequelize.Model`,
    );
    checkOptions(options, keys, `${sourceName}.${method}()`);
    this.isSingleAssociation = single;
    this.source = source;
    this.target = target;
    this.options = options;
    this.isAliased = options.as !== undefined;
    this.name = aliasNames(options.as ?? defaultAlias);
    const alias = options.as ?? defaultAlias;
    this.as = typeof alias === 'string' ? alias : single ? this.name.singular : this.name.plural;
  }

  /** belongsTo/hasOne: one instance (or null); hasMany/belongsToMany: a list. */
  readonly isSingleAssociation: boolean;
  get isMultiAssociation(): boolean {
    return !this.isSingleAssociation;
  }
  get sourceDefinition(): ModelDefinition {
    return definitionOf(this.source);
  }
  get targetDefinition(): ModelDefinition {
    return definitionOf(this.target);
  }
  /** The foreign key's column. */
  abstract get identifierField(): string;
  /**
   * The pair of attributes the association joins on: `source` on the source model, `target` on
   * the target model (belongsToMany: on the through model, `foreignKey` and `otherKey`).
   */
  abstract get joinKeys(): { source: string; target: string };

  /** Sets up the accessors on the source's prototype; a method the class defines itself is kept. */
  protected mixin(
    methods: Readonly<Record<string, (instance: AnyModel, ...args: unknown[]) => unknown>>,
  ): void {
    const prototype = this.source.prototype as Record<string, unknown>;
    const as = this.as;
    // `user.posts`: the loaded value, kept in dataValues as Sequelize keeps it.
    if (!(as in prototype))
      Object.defineProperty(prototype, as, {
        configurable: true,
        get(this: AnyModel) {
          return (this.dataValues as Row)[as];
        },
        set(this: AnyModel, value: unknown) {
          (this.dataValues as Row)[as] = value;
        },
      });
    for (const [key, name] of Object.entries(this.accessors)) {
      if (Object.prototype.hasOwnProperty.call(prototype, name)) continue;
      const method = methods[key];
      Object.defineProperty(prototype, name, {
        configurable: true,
        writable: true,
        value: function (this: AnyModel, ...args: unknown[]) {
          return method(this, ...args);
        },
      });
    }
  }

  /** belongsTo/hasOne: `getX`, `setX`, `createX`. */
  protected mixinSingle(): void {
    const single = this as unknown as SingleAccessorWork;
    this.mixin({
      get: (instance, opts) => single.get(instance, opts as Row),
      set: (instance, value, opts) => single.set(instance, value, opts as Row),
      create: (instance, values, opts) => single.create(instance, values as Row, opts as Row),
    });
  }

  /**
   * hasMany/belongsToMany: `getXs`, `setXs`, `addX(s)`, `removeX(s)`, `hasX(s)`, `countXs`,
   * `createX`; the one-value forms take one instance or key, the others a list (or one, or null).
   */
  protected mixinMultiple(): void {
    const multiple = this as unknown as MultipleAccessorWork;
    type Work = (instance: AnyModel, values: unknown[], options: Row) => unknown;
    const one = (f: Work) => (instance: AnyModel, value: unknown, opts: unknown) =>
      f(instance, [value], (opts ?? {}) as Row);
    const many = (f: Work) => (instance: AnyModel, values: unknown, opts: unknown) =>
      f(instance, toList(values), (opts ?? {}) as Row);
    const add: Work = (i, v, o) => multiple.add(i, v, o);
    const remove: Work = (i, v, o) => multiple.remove(i, v, o);
    const has: Work = (i, v, o) => multiple.has(i, v, o);
    this.mixin({
      get: (instance, opts) => multiple.get(instance, (opts ?? {}) as Row),
      set: many((i, v, o) => multiple.set(i, v, o)),
      addMultiple: many(add),
      add: one(add),
      create: (instance, values, opts) => multiple.create(instance, values as Row, opts as Row),
      remove: one(remove),
      removeMultiple: many(remove),
      hasSingle: one(has),
      hasAll: many(has),
      count: (instance, opts) => multiple.count(instance, (opts ?? {}) as Row),
    });
  }

  /** Sequelize's check: an alias may not be an attribute of the source. */
  protected checkNamingCollision(): void {
    if (this.sourceDefinition.attributes[this.as])
      throw new Error(
        `Naming collision between attribute '${this.as}' and association '${this.as}' on model ${this.sourceDefinition.name}. To remedy this, change either foreignKey or as in your association definition`,
      );
  }
}

export function checkModel(target: unknown, message: string): void {
  if (typeof target !== 'function') throw new Error(message);
  try {
    definitionOf(target);
  } catch {
    throw new Error(message);
  }
}

/** `foreignKey: 'x'` or `{ name, field, allowNull }`, with the default name when none is given. */
export function foreignKeyOptions(
  option: string | ForeignKeyOptions | undefined,
  fallback: string,
): ForeignKeyOptions & { name: string } {
  if (typeof option === 'string') return { name: option };
  return { ...option, name: option?.name ?? option?.field ?? fallback };
}

/** The primary key of an instance, or the value given as the key itself. */
export function keyOf(value: unknown, attribute: string): unknown {
  if (value !== null && typeof value === 'object' && 'dataValues' in value)
    return (value as { dataValues: Row }).dataValues[attribute];
  return value;
}

/** `sourceKey`/`targetKey`: the attribute given, else the model's primary key (Sequelize's default). */
export function keyAttribute(def: ModelDefinition, option: string | undefined, role: string): string {
  return attributeOfModel(def, option ?? def.primaryKeys[0]?.name ?? 'id', role);
}

/** The statement options an accessor passes on to the queries it sends. */
export function query(options: Row): Row {
  const out: Row = {};
  if (options.transaction !== undefined) out.transaction = options.transaction;
  if (options.logging !== undefined) out.logging = options.logging;
  return out;
}

/** A list, one value, or null/undefined (none). */
export function toList(values: unknown): unknown[] {
  if (values === null || values === undefined) return [];
  return Array.isArray(values) ? values : [values];
}

function attributeOfModel(def: ModelDefinition, name: string, role: string): string {
  if (!def.attributes[name])
    throw new Error(
      `Unknown attribute "${name}" passed as ${role}, define ${name} in your model ${def.name} first`,
    );
  return name;
}
