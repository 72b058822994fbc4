/**
 * Sequelize API the runtime does not have, refused by name: a JavaScript caller gets this error
 * (what is missing and what to use) instead of `TypeError: x is not a function`.
 */
export function notSupported(api: string, fix: string): Error {
  return new Error(
    `${api} is not supported by the gen-models runtime: ${fix} (docs/runtime.md, "Not supported")`,
  );
}

/**
 * Puts a refusing function under each name on `target` (a class or prototype), not in its type: a
 * TypeScript caller gets a compile error, a JavaScript caller this error instead of "is not a function".
 */
export function refuseMembers(target: object, owner: string, fixes: Readonly<Record<string, string>>): void {
  for (const [name, fix] of Object.entries(fixes)) {
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: function refused(): never {
        throw notSupported(`${owner}.${name}()`, fix);
      },
    });
  }
}
