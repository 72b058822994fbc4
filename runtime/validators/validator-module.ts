/**
 * validator.js, as the runtime uses it: the members it calls, declared here so the runtime
 * compiles in a project without `@types/validator` (as drivers/pg-module.ts does for pg). It is
 * loaded with `await import()` only when a model declares attribute validators.
 */

/** A validator.js check: the value as a string, then the check's arguments. */
export type ValidatorCheck = (text: string, ...args: unknown[]) => unknown;

export interface ValidatorModule {
  isEmail: ValidatorCheck;
  isURL: ValidatorCheck;
  isIP: ValidatorCheck;
  isAlpha: ValidatorCheck;
  isAlphanumeric: ValidatorCheck;
  isNumeric: ValidatorCheck;
  isInt: ValidatorCheck;
  isFloat: ValidatorCheck;
  isLowercase: ValidatorCheck;
  isUppercase: ValidatorCheck;
  isEmpty: ValidatorCheck;
  equals: ValidatorCheck;
  isIn: ValidatorCheck;
  isLength: ValidatorCheck;
  isUUID: ValidatorCheck;
  isAfter: ValidatorCheck;
  isBefore: ValidatorCheck;
  isCreditCard: ValidatorCheck;
}

let loaded: Promise<ValidatorModule> | undefined;

/** validator.js, imported once on first use. */
export function loadValidator(): Promise<ValidatorModule> {
  loaded ??= importValidator();
  return loaded;
}

async function importValidator(): Promise<ValidatorModule> {
  let mod: { default?: ValidatorModule } & Partial<ValidatorModule>;
  try {
    // eslint-disable-next-line @typescript-eslint/ban-ts-comment -- @ts-expect-error would fail where @types/validator is installed
    // @ts-ignore TS7016 where @types/validator is not installed (the import is then untyped): typed here.
    mod = (await import('validator')) as typeof mod;
  } catch (error) {
    loaded = undefined;
    throw new Error('Attribute validators need the validator package: npm install validator', {
      cause: error,
    });
  }
  return (mod.default ?? mod) as ValidatorModule;
}
