/** Sequelize's association error classes, with its names (`err.name === 'SequelizeEagerLoadingError'`). */
import { BaseError } from '../errors.js';

/** A wrong association definition: an alias used twice, belongsToMany without through. */
export class AssociationError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeAssociationError';
  }
}

/** An include that names no association of the model (not associated, wrong or missing alias). */
export class EagerLoadingError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeEagerLoadingError';
  }
}
