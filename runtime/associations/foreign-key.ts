/**
 * Adding an association's key attribute to a model: merged into an attribute the model already
 * declares (generated code declares every column; its own options win, as Sequelize's merge),
 * or added as a new attribute. The model is defined again with it, as removeAttribute does.
 */
import { DataType } from '../data-types.js';
import { defineModel, definitionOf, registerDefinition } from '../model-definition.js';
import type { ModelAttributeColumnOptions, ReferentialAction } from '../types.js';

export interface ForeignKeySpec {
  name: string;
  field?: string;
  allowNull?: boolean;
  /** The referenced model and attribute; undefined with constraints: false. */
  references?: { model: Function; key: string };
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** The referenced attribute's type, given to a new attribute. */
  type: DataType;
  primaryKey?: boolean;
  unique?: string;
}

/** A bare DataType in init's attributes means `{ type }`. */
function asOptions(value: unknown): ModelAttributeColumnOptions {
  if (value !== null && typeof value === 'object' && !(value instanceof DataType))
    return { ...(value as ModelAttributeColumnOptions) };
  return { type: value as ModelAttributeColumnOptions['type'] };
}

export function addForeignKey(model: Function, spec: ForeignKeySpec): void {
  const def = definitionOf(model);
  const { init } = def;
  const declared = init.attributes[spec.name];
  const attr: ModelAttributeColumnOptions =
    declared !== undefined ? asOptions(declared) : { type: spec.type, allowNull: spec.allowNull };
  if (declared === undefined && def.attributes[spec.name]) return; // the automatic id: nothing to merge into
  if (spec.field !== undefined && attr.field === undefined) attr.field = spec.field;
  if (spec.allowNull !== undefined && attr.allowNull === undefined) attr.allowNull = spec.allowNull;
  if (spec.references && attr.references === undefined) {
    const target = definitionOf(spec.references.model);
    attr.references = {
      model: spec.references.model as never,
      key: target.attributes[spec.references.key].field,
    };
    // As Sequelize: the first association's actions stay (belongsTo + hasMany on one key).
    attr.onDelete ??= spec.onDelete;
    attr.onUpdate ??= spec.onUpdate;
  }
  if (spec.primaryKey) attr.primaryKey = true;
  if (spec.unique !== undefined && attr.unique === undefined) attr.unique = spec.unique;
  registerDefinition(model, defineModel({ ...init, attributes: { ...init.attributes, [spec.name]: attr } }));
  defineAttributeAccessor(model.prototype as object, spec.name);
}

/** `instance.authorId` reads and writes the attribute, as Model.init's accessors do. */
function defineAttributeAccessor(prototype: object, name: string): void {
  if (name in prototype) return;
  Object.defineProperty(prototype, name, {
    configurable: true,
    get(this: { dataValues: Record<string, unknown> }) {
      return this.dataValues[name];
    },
    set(this: { set(key: string, value: unknown): unknown }, value: unknown) {
      this.set(name, value);
    },
  });
}
