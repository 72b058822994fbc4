/**
 * Sequelize options whose behaviour the runtime does not have, by where they are given, with the
 * feature they ask for. They are refused: ignoring them would change what the caller's code does
 * (with `paranoid`, destroy() would delete rows for real).
 */
export const UNSUPPORTED_MODEL_OPTIONS: Readonly<Record<string, string>> = {
  paranoid: 'soft deletes',
  hooks: 'hooks',
  scopes: 'scopes',
  defaultScope: 'scopes',
  getterMethods: 'custom getters',
  setterMethods: 'custom setters',
  validate: 'model validators',
  version: 'optimistic locking',
  indexes: 'indexes made by sync()',
  omitNull: 'omitNull',
};
export const UNSUPPORTED_ATTRIBUTE_OPTIONS: Readonly<Record<string, string>> = {
  validate: 'validators',
  get: 'custom getters',
  set: 'custom setters',
};
export const UNSUPPORTED_BULK_CREATE_OPTIONS: Readonly<Record<string, string>> = {
  ignoreDuplicates: 'ON CONFLICT DO NOTHING',
  updateOnDuplicate: 'upserts',
};

/** Throws for a set unsupported option; `false`, `null` and empty lists or objects mean "off" and pass. */
export function refuseUnsupported(
  options: object,
  unsupported: Readonly<Record<string, string>>,
  subject: string,
): void {
  for (const [key, feature] of Object.entries(unsupported)) {
    const value = (options as Record<string, unknown>)[key];
    const isOff =
      value === undefined ||
      value === null ||
      value === false ||
      (typeof value === 'object' && Object.keys(value).length === 0);
    if (!isOff) {
      throw new Error(
        `${subject} "${key}" (${feature}) is not supported by the gen-models runtime, and ignoring it would change what the code does: remove it, or see runtime/README.md for what is supported`,
      );
    }
  }
}
