/** Associations: hasOne, belongsTo, hasMany, belongsToMany, their accessors, and `include`. */
export { associate } from './associate.js';
export { associationsOf } from './association-registry.js';
export { Association, type AssociationType } from './association.js';
export { BelongsTo } from './belongs-to.js';
export { HasOne } from './has-one.js';
export { HasMany } from './has-many.js';
export { BelongsToMany } from './belongs-to-many.js';
export { AssociationError, EagerLoadingError } from './association-errors.js';
export { plainIncluded } from './plain-included.js';
export type * from './association-options.js';
export type * from './mixin-types.js';
export type * from './include-types.js';
