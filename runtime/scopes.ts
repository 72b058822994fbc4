/**
 * Scopes: `defaultScope`, named `scopes` (objects, or functions taking arguments), Model.scope()
 * and unscoped(). A scoped model is a subclass of the model (as in Sequelize) whose scope is kept
 * here; finders merge the scope under their own options as Sequelize's _injectScope does. With
 * no scope declared anywhere, `scopesInUse` stays false and no finder looks further.
 */
import { checkOptions } from './check-options.js';
import { didYouMean } from './did-you-mean.js';
import { ScopeError } from './errors.js';
import { isExpression } from './expressions.js';
import { Literal } from './literal.js';
import { SCOPE_OPTIONS } from './method-options.js';
import { Op } from './operators.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string | symbol, any>;
type ScopeFunction = (...args: unknown[]) => Row;

interface ModelScopes {
  defaultScope: Row | undefined;
  readonly scopes: Map<string, Row | ScopeFunction>;
  /** Model option whereMergeStrategy: 'overwrite' (Sequelize's default) or 'and'. */
  readonly andWheres: boolean;
}

/** Per initialised model class: what it declared. */
const declared = new WeakMap<Function, ModelScopes>();
/** Per scoped subclass (Model.scope(...)): the merged scope it applies. */
const active = new WeakMap<Function, Row>();

/** False until some model declares a scope or a scoped model is made: finders then skip all of this. */
export let scopesInUse = false;

/** init's `defaultScope`, `scopes` and `whereMergeStrategy` options. */
export function defineScopes(model: Function, modelName: string, options: Record<string, unknown>): void {
  const strategy = options.whereMergeStrategy ?? 'overwrite';
  if (strategy !== 'overwrite' && strategy !== 'and')
    throw new TypeError(`${modelName}.init(): whereMergeStrategy must be 'overwrite' or 'and'`);
  const { defaultScope, scopes } = options;
  const own: ModelScopes = { defaultScope: undefined, scopes: new Map(), andWheres: strategy === 'and' };
  declared.set(model, own);
  if (defaultScope !== undefined && defaultScope !== null)
    addScope(model, modelName, 'defaultScope', defaultScope, {});
  if (scopes === undefined || scopes === null) return;
  if (typeof scopes !== 'object' || Array.isArray(scopes))
    throw new TypeError(
      `${modelName}.init(): scopes must be an object of scopes (objects or functions) by name`,
    );
  for (const [name, scope] of Object.entries(scopes)) addScope(model, modelName, name, scope, {});
}

function scopesOf(model: Function): ModelScopes | undefined {
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

function checkScope(scope: unknown, subject: string): void {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope))
    throw new TypeError(
      `${subject}: a scope is an object of find options (where, attributes, order, ...) or a function returning one`,
    );
  checkOptions(scope, SCOPE_OPTIONS, subject);
}

/** What Model.scope() takes: names, `{ method: [name, ...args] }`, scope objects; null/undefined alone: no scope. */
export type ScopeArgument =
  string | { method: string | readonly [string, ...unknown[]] } | Row | null | undefined;

/** Model.scope(...): a subclass applying the named scopes merged in order (the default scope only when named). */
export function scopedModel<MS extends Function>(model: MS, args: readonly unknown[]): MS {
  const base = model as unknown as new (...a: never[]) => object;
  const Scoped = class extends base {};
  Object.defineProperty(Scoped, 'name', { value: model.name });
  const merged: Row = {};
  const own = scopesOf(model);
  for (const arg of args.flat()) {
    if (arg === null || arg === undefined) continue;
    const scope = resolveScope(model, own, arg);
    mergeScope(merged, scope, own?.andWheres ?? false);
  }
  active.set(Scoped, merged);
  scopesInUse = true;
  return Scoped as unknown as MS;
}

function resolveScope(model: Function, own: ModelScopes | undefined, arg: unknown): Row {
  const subject = `"${model.name}.scope()"`;
  if (typeof arg === 'string') {
    if (arg === 'defaultScope') return own?.defaultScope ?? {};
    const scope = own?.scopes.get(arg);
    if (scope === undefined) throw unknownScope(subject, arg, own);
    return typeof scope === 'function' ? checked(subject, arg, (scope as ScopeFunction).call(model)) : scope;
  }
  if (typeof arg === 'object' && !Array.isArray(arg) && 'method' in (arg as Row)) {
    const method = (arg as Row).method as string | readonly unknown[];
    const [name, ...params] = (Array.isArray(method) ? method : [method]) as [string, ...unknown[]];
    const scope = own?.scopes.get(name);
    if (scope === undefined) throw unknownScope(subject, name, own);
    if (typeof scope !== 'function')
      throw new ScopeError(
        `${subject}: scope ${name} is not a function, so it takes no arguments; pass its name`,
      );
    return checked(subject, name, (scope as ScopeFunction).apply(model, params));
  }
  checkScope(arg, `${subject} scope object`);
  return arg as Row;
}

function checked(subject: string, name: string, scope: unknown): Row {
  checkScope(scope, `${subject} scope ${name}`);
  return scope as Row;
}

function unknownScope(subject: string, name: string, own: ModelScopes | undefined): ScopeError {
  const hint = didYouMean(name, [...(own?.scopes.keys() ?? []), 'defaultScope']);
  return new ScopeError(`${subject} invoked with invalid scope: ${name} does not exist${hint}`);
}

/** The scope a finder of this class applies: its Model.scope() one, else the model's defaultScope. */
export function scopeOf(model: Function): Row | undefined {
  if (!scopesInUse) return undefined;
  const scoped = active.get(model);
  if (scoped) return scoped;
  for (
    let c: Function | null = model;
    c && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as Function
  ) {
    const own = active.get(c);
    if (own) return own;
    const decl = declared.get(c);
    if (decl) return decl.defaultScope;
  }
  return undefined;
}

/**
 * Sequelize's _mergeFunction, `source` merged into `target` key by key: lists joined (without
 * duplicates), `{ exclude, include }` attributes joined per list, where/having objects merged
 * key by key (the later value of a key wins; with whereMergeStrategy 'and' the two AND-ed), any
 * other value replaced by a later one that is set.
 */
export function mergeScope(target: Row, source: Row, andWheres: boolean): Row {
  for (const key of Object.keys(source)) target[key] = mergeValue(target[key], source[key], key, andWheres);
  return target;
}

function mergeValue(before: unknown, after: unknown, key: string, andWheres: boolean): unknown {
  if (after === undefined) return before;
  if (before === undefined) return after;
  if (Array.isArray(before) && Array.isArray(after)) return union(before, after);
  if (key === 'where' || key === 'having') {
    if (andWheres) return { [Op.and]: [before, after] };
    const a = isExpression(before) || before instanceof Literal ? { [Op.and]: before } : before;
    const b = isExpression(after) || after instanceof Literal ? { [Op.and]: after } : after;
    if (isPlain(a) && isPlain(b)) return { ...a, ...b };
    return after;
  }
  if (key === 'attributes' && isPlain(before) && isPlain(after)) {
    const out: Row = { ...before };
    for (const k of Object.keys(after)) out[k] = Array.isArray(out[k]) ? union(out[k], after[k]) : after[k];
    return out;
  }
  return after;
}

function union(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const out = [...a];
  for (const item of b) if (!out.includes(item)) out.push(item);
  return out;
}

function isPlain(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A finder's options with the class's scope under them (Sequelize's _defaultsOptions): the
 * options win over the scope key by key, where objects merge, lists join. `keys`: the options
 * this method takes (count and update take the scope's where only).
 */
export function withScope<O extends object>(model: Function, options: O, keys?: readonly string[]): O {
  const scope = scopeOf(model);
  if (!scope) return options;
  const own = scopesOf(model);
  const merged: Row = {};
  for (const key of Object.keys(scope)) {
    if (keys && !keys.includes(key)) continue;
    merged[key] = structuredCopy(scope[key]);
  }
  return mergeScope(merged, (options ?? {}) as Row, own?.andWheres ?? false) as O;
}

/** A copy of a scope's value, so a query (or a hook changing the options) never alters the scope. */
function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (isPlain(value)) {
    const out: Row = {};
    for (const key of Reflect.ownKeys(value)) out[key] = structuredCopy(value[key]);
    return out;
  }
  return value;
}
