/**
 * Scope merging, as Sequelize v6's _mergeFunction: Model.scope()'s scopes left to right, then a
 * call's own options over them. Loaded (`await import()`) by the first query of a program that
 * declared a scope.
 */
import { isExpression } from './expressions.js';
import { Literal } from './literal.js';
import { Op } from './operators.js';
import { checkScope, declared, scopedArgs, scopesOf, type Row, type ScopeFunction } from './scopes.js';

/** The merged scope of each scoped class, made at its first query. */
const merged = new WeakMap<Function, Row>();

/** The call's options with the scope under them: options win key by key, where objects merge, lists join. */
export function applyScope<O extends object>(model: Function, options: O, keys?: readonly string[]): O {
  const scope = currentScope(model);
  if (!scope) return options;
  const andWheres = scopesOf(model)?.andWheres ?? false;
  const out: Row = {};
  for (const key of Object.keys(scope)) if (!keys || keys.includes(key)) out[key] = copy(scope[key]);
  return mergeScope(out, (options ?? {}) as Row, andWheres) as O;
}

/** Scope keys that are no include option: refused when the scope of an included model has them. */
const NOT_FOR_INCLUDES = ['limit', 'offset', 'group', 'having'] as const;

/**
 * An include's options with the included model's scope under them, as Sequelize's _injectScope
 * in _validateIncludedElement: `model` is the include's Model.scope()/unscoped() class, else the
 * association's target (its defaultScope). `single`: a belongsTo/hasOne include, where a scope's
 * order orders nothing (one row per parent) and is left out.
 */
export function applyIncludeScope(model: Function, options: Row, single: boolean, label: string): Row {
  const scope = currentScope(model);
  if (!scope) return options;
  for (const key of NOT_FOR_INCLUDES)
    if (scope[key] !== undefined)
      throw new Error(
        `${label}: the scope of ${model.name} has ${key}, which does not apply to an include; include ${model.name}.unscoped() (or a scope without ${key}) and put the rest in the include`,
      );
  const keys = single ? ['where', 'attributes', 'paranoid'] : ['where', 'attributes', 'paranoid', 'order'];
  return applyScope(model, options, keys);
}

function currentScope(model: Function): Row | undefined {
  const source = scopeSource(model);
  if (!source || !('args' in source && 'scoped' in source)) return source as Row | undefined;
  const { args, scoped } = source as { args: readonly unknown[]; scoped: Function };
  let scope = merged.get(scoped);
  if (!scope) {
    const own = scopesOf(scoped);
    scope = {};
    for (const arg of args) mergeScope(scope, resolve(scoped, arg), own?.andWheres ?? false);
    merged.set(scoped, scope);
  }
  return scope;
}

/** A Model.scope() argument (checked by scopes.ts) as the scope it names. */
function resolve(model: Function, arg: unknown): Row {
  const own = scopesOf(model);
  const subject = `"${model.name}.scope()"`;
  if (typeof arg === 'string') {
    if (arg === 'defaultScope') return own?.defaultScope ?? {};
    const scope = own!.scopes.get(arg)!;
    return typeof scope === 'function' ? checked(subject, arg, (scope as ScopeFunction).call(model)) : scope;
  }
  if ('method' in (arg as Row)) {
    const method = (arg as Row).method as string | readonly unknown[];
    const [name, ...params] = (Array.isArray(method) ? method : [method]) as [string, ...unknown[]];
    return checked(subject, name, (own!.scopes.get(name) as ScopeFunction).apply(model, params));
  }
  return arg as Row;
}

function checked(subject: string, name: string, scope: unknown): Row {
  checkScope(scope, `${subject} scope ${name}`);
  return scope as Row;
}

/**
 * `source` merged into `target` key by key: lists joined (without duplicates), `{ exclude,
 * include }` attributes joined per list, where/having objects merged key by key (the later value
 * of a key wins; with whereMergeStrategy 'and' the two AND-ed), other values replaced when set.
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

/** A copy of a scope's value, so a query (or a hook changing the options) never alters the scope. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlain(value)) {
    const out: Row = {};
    for (const key of Reflect.ownKeys(value)) out[key] = copy(value[key]);
    return out;
  }
  return value;
}

/** What a class's queries apply: its Model.scope() arguments, else the model's defaultScope. */
export function scopeSource(
  model: Function,
): { args: readonly unknown[]; scoped: Function } | Row | undefined {
  for (
    let c: Function | null = model;
    c && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as Function
  ) {
    const args = scopedArgs.get(c);
    if (args) return { args, scoped: c };
    const decl = declared.get(c);
    if (decl) return decl.defaultScope;
  }
  return undefined;
}
