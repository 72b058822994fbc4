/**
 * ReadOnlyModel, for views: the finders, get, toJSON and reload of every model, and nothing
 * that writes. Its type has no create/build/save/update/destroy/increment/decrement/set; the
 * write methods a JavaScript caller could still reach reject with a clear error, and sync()/
 * drop() leave views alone.
 */
import { READ_ONLY } from './model-definition.js';
import { ReadableModel } from './readable-model.js';

export class ReadOnlyModel<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Sequelize's own default: an untyped model accepts any attributes
  TAttributes extends {} = any,
  TCreationAttributes extends {} = TAttributes,
> extends ReadableModel<TAttributes, TCreationAttributes> {
  static readonly [READ_ONLY] = true;
}

function readOnlyError(model: string, method: string): Error {
  return new TypeError(`${model} is read-only (a view): ${method}() is not available`);
}

const ASYNC_STATICS = [
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'increment',
  'decrement',
  'upsert',
  'findOrCreate',
];
const ASYNC_METHODS = ['save', 'update', 'destroy', 'increment', 'decrement'];

for (const name of ASYNC_STATICS) {
  Object.defineProperty(ReadOnlyModel, name, {
    value(this: Function) {
      return Promise.reject(readOnlyError(this.name, name));
    },
  });
}
Object.defineProperty(ReadOnlyModel, 'build', {
  value(this: Function) {
    throw readOnlyError(this.name, 'build');
  },
});
for (const name of ASYNC_METHODS) {
  Object.defineProperty(ReadOnlyModel.prototype, name, {
    value(this: object) {
      return Promise.reject(readOnlyError(this.constructor.name, name));
    },
  });
}
for (const name of ['set', 'setDataValue']) {
  Object.defineProperty(ReadOnlyModel.prototype, name, {
    value(this: object) {
      throw readOnlyError(this.constructor.name, name);
    },
  });
}
