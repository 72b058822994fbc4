/** `Model.associations`: each model's associations by alias, an own static of the class. */
import { AssociationError } from './association-errors.js';
import type { Association } from './association.js';

const EMPTY: Readonly<Record<string, Association>> = Object.freeze({});

export function associationsOf(model: Function): Readonly<Record<string, Association>> {
  return Object.prototype.hasOwnProperty.call(model, 'associations')
    ? (model as unknown as { associations: Record<string, Association> }).associations
    : EMPTY;
}

/** Records the association under its alias; an explicit alias used twice is an error (as Sequelize). */
export function registerAssociation(association: Association): void {
  const model = association.source as unknown as { associations: Record<string, Association> };
  if (!Object.prototype.hasOwnProperty.call(model, 'associations'))
    Object.defineProperty(model, 'associations', { value: {}, enumerable: true, configurable: true });
  const existing = model.associations[association.as];
  if (existing && association.isAliased)
    throw new AssociationError(
      `You have used the alias ${association.as} in two separate associations. Aliased associations must have unique aliases.`,
    );
  model.associations[association.as] = association;
}
