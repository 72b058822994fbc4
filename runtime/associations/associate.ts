/** The four association statics' one entry point: make the association, record it under its alias. */
import type { AnyModel, ModelCtor } from '../types.js';
import { checkModel, type Association } from './association.js';
import { BelongsTo } from './belongs-to.js';
import { BelongsToMany } from './belongs-to-many.js';
import { HasMany } from './has-many.js';
import { HasOne } from './has-one.js';
import { registerAssociation } from './association-registry.js';

const KINDS = { belongsTo: BelongsTo, hasOne: HasOne, hasMany: HasMany, belongsToMany: BelongsToMany };

export function associate(
  kind: keyof typeof KINDS,
  source: ModelCtor<AnyModel>,
  target: ModelCtor<AnyModel>,
  options: unknown,
): Association {
  checkModel(target, `${source.name}.${kind} called with something that's not a subclass of Sequelize.Model`);
  const association = new KINDS[kind](source, target, (options ?? {}) as never);
  registerAssociation(association);
  return association;
}
