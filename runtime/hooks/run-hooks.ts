/**
 * Running hooks: in the order added (the model's, then the global ones), each awaited before
 * the next, with the model class as `this`. A hook that throws (or rejects) stops the operation.
 */
import { definitionOf, type AttributeDefinition, type ModelDefinition } from '../model-definition.js';
import { validateInstance } from '../validation.js';
import { ownHooks, type HookFunction } from './hook-registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export async function runHooks(model: Function, type: string, ...args: unknown[]): Promise<void> {
  const list = hooksFor(model, definitionOf(model).sequelize, type);
  for (let i = 0; i < list.length; i++) await list[i].apply(model, args);
}

/**
 * beforeValidate, the checks, then afterValidate; on a ValidationError validationFailed runs
 * with it (a hook may throw another error instead, which then rejects), as Sequelize.
 */
export async function validateWithHooks(
  def: ModelDefinition,
  instance: { constructor: Function; dataValues: unknown },
  options: object,
  fields: readonly AttributeDefinition[],
): Promise<void> {
  const model = instance.constructor;
  await runHooks(model, 'beforeValidate', instance, options);
  try {
    await validateInstance(def, instance, instance.dataValues as Row, fields);
  } catch (error) {
    await runHooks(model, 'validationFailed', instance, options, error);
    throw error;
  }
  await runHooks(model, 'afterValidate', instance, options);
}

/**
 * The functions to run for `type` on a model: those of the model and of the classes it extends
 * (Model.scope() makes a subclass), then the global ones of its Sequelize, as Sequelize runs them.
 */
export function hooksFor(model: Function, sequelize: object, type: string): HookFunction[] {
  const chain: Function[] = [];
  for (
    let c: Function | null = model;
    c && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as Function
  )
    chain.unshift(c);
  const out: HookFunction[] = [];
  for (const c of chain) for (const e of ownHooks(c, type)) out.push(e.fn);
  for (const e of ownHooks(sequelize, type)) out.push(e.fn);
  return out;
}
