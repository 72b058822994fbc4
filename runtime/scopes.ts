/**
 * Scopes: `defaultScope`, named `scopes` (objects, or functions taking arguments), Model.scope()
 * and unscoped(). A scoped model is a subclass of the model (as in Sequelize) whose scope
 * arguments are kept here, checked when scope() is called; merging them, and merging a scope
 * under a call's options, is scope-merge.ts's work, loaded on first use. With no scope declared
 * anywhere, `scopesInUse` stays false and no finder looks further.
 */
import { checkOptions } from './check-options.js';
import { didYouMean } from './did-you-mean.js';
import { ScopeError } from './errors.js';
import { SCOPE_OPTIONS } from './method-options.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string | symbol, any>;
export type ScopeFunction = (...args: unknown[]) => Row;

export interface ModelScopes {
  defaultScope: Row | undefined;
  readonly scopes: Map<string, Row | ScopeFunction>;
  /** Model option whereMergeStrategy: 'overwrite' (Sequelize's default) or 'and'. */
  andWheres: boolean;
}

/** Per model class that declared scopes (init or addScope): what it declared. */
export const declared = new WeakMap<Function, ModelScopes>();
/** Per scoped subclass (Model.scope(...)): the arguments scope() was called with, checked. */
export const scopedArgs = new WeakMap<Function, readonly unknown[]>();

/** False until some model declares a scope or a scoped model is made: finders then skip all of this. */
export let scopesInUse = false;

/** init's `defaultScope`, `scopes` and `whereMergeStrategy` options. */
export function defineScopes(model: Function, modelName: string, options: Record<string, unknown>): void {
  const strategy = options.whereMergeStrategy ?? 'overwrite';
  if (strategy !== 'overwrite' && strategy !== 'and')
    throw new TypeError(`${modelName}.init(): whereMergeStrategy must be 'overwrite' or 'and'`);
  const { defaultScope, scopes } = options;
  declared.set(model, { defaultScope: undefined, scopes: new Map(), andWheres: strategy === 'and' });
  if (defaultScope !== undefined && defaultScope !== null)
    addScope(model, modelName, 'defaultScope', defaultScope, {});
  if (scopes === undefined || scopes === null) return;
  if (typeof scopes !== 'object' || Array.isArray(scopes))
    throw new TypeError(
      `${modelName}.init(): scopes must be an object of scopes (objects or functions) by name`,
    );
  for (const [name, scope] of Object.entries(scopes)) addScope(model, modelName, name, scope, {});
  scopesInUse = true;
}

/** The scopes the model (or the class it extends) declared. */
export function scopesOf(model: Function): ModelScopes | undefined {
  for (
    let c: Function | null = model;
    c && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as Function
  ) {
    const own = declared.get(c);
    if (own) return own;
  }
  return undefined;
}

/** Model.addScope(name, scope, { override }): as Sequelize, an existing name needs override. */
export function addScope(
  model: Function,
  modelName: string,
  name: string,
  scope: unknown,
  options: { override?: boolean } | undefined,
): void {
  checkOptions(options, { supported: new Set(['override']), unsupported: {} }, `${modelName}.addScope()`);
  let own = scopesOf(model);
  if (!own) declared.set(model, (own = { defaultScope: undefined, scopes: new Map(), andWheres: false }));
  if (typeof scope !== 'function') checkScope(scope, `${modelName} scope "${name}"`);
  const exists = name === 'defaultScope' ? own.defaultScope !== undefined : own.scopes.has(name);
  if (exists && !options?.override)
    throw new Error(
      `The scope ${name} already exists. Pass { override: true } as options to silence this error`,
    );
  if (name === 'defaultScope') {
    if (typeof scope === 'function') throw new TypeError(`${modelName}: the defaultScope must be an object`);
    own.defaultScope = scope as Row;
  } else own.scopes.set(name, scope as Row | ScopeFunction);
  scopesInUse = true;
}

/** A scope is find options: refused by name otherwise (also what a function scope returns). */
export function checkScope(scope: unknown, subject: string): void {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope))
    throw new TypeError(
      `${subject}: a scope is an object of find options (where, attributes, order, ...) or a function returning one`,
    );
  checkOptions(scope, SCOPE_OPTIONS, subject);
}

/** What Model.scope() takes: names, `{ method: [name, ...args] }`, scope objects; null/undefined: nothing. */
export type ScopeArgument =
  string | { method: string | readonly [string, ...unknown[]] } | Row | null | undefined;

/**
 * Model.scope(...): a subclass applying the named scopes merged in order (the default scope only
 * when named). Names are checked now, as Sequelize; function scopes run at the first query.
 */
export function scopedModel<MS extends Function>(model: MS, args: readonly unknown[]): MS {
  const base = model as unknown as new (...a: never[]) => object;
  const Scoped = class extends base {};
  Object.defineProperty(Scoped, 'name', { value: model.name });
  const own = scopesOf(model);
  const list = args.flat().filter((arg) => arg !== null && arg !== undefined);
  for (const arg of list) checkArgument(model, own, arg);
  scopedArgs.set(Scoped, list);
  scopesInUse = true;
  return Scoped as unknown as MS;
}

function checkArgument(model: Function, own: ModelScopes | undefined, arg: unknown): void {
  const subject = `"${model.name}.scope()"`;
  if (typeof arg === 'string') {
    if (arg !== 'defaultScope' && !own?.scopes.has(arg)) throw unknownScope(subject, arg, own);
    return;
  }
  if (typeof arg === 'object' && !Array.isArray(arg) && 'method' in (arg as Row)) {
    const method = (arg as Row).method as string | readonly unknown[];
    const name = (Array.isArray(method) ? method[0] : method) as string;
    const scope = own?.scopes.get(name);
    if (scope === undefined) throw unknownScope(subject, name, own);
    if (typeof scope !== 'function')
      throw new ScopeError(
        `${subject}: scope ${name} is not a function, so it takes no arguments; pass its name`,
      );
    return;
  }
  checkScope(arg, `${subject} scope object`);
}

function unknownScope(subject: string, name: string, own: ModelScopes | undefined): ScopeError {
  const hint = didYouMean(name, [...(own?.scopes.keys() ?? []), 'defaultScope']);
  return new ScopeError(`${subject} invoked with invalid scope: ${name} does not exist${hint}`);
}

/**
 * A call's options with the class's scope under them: only when scopesInUse (callers test it
 * first), through scope-merge.ts, loaded on first use. `keys`: the options this method takes.
 */
export async function withScope<O extends object>(
  model: Function,
  options: O,
  keys?: readonly string[],
): Promise<O> {
  return (await import('./scope-merge.js')).applyScope(model, options, keys);
}
