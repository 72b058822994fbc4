/**
 * `gen-models plan schema.yaml --db URL`: what `sync({ alter: true })` would change in that
 * database to match the schema, as SQL, without changing anything (only SELECTs are sent).
 * The models are defined on a runtime connection from the same init spec the generated files
 * are printed from, so the plan is what the generated models would do.
 */
import { existsSync } from 'node:fs';
import { isReadOnly, type DataTypeIR, type DefaultValueIR, type ModelIR, type SchemaIR } from './ir.js';
import { BaseError, DataTypes, literal, planSync, Sequelize, type SyncPlan } from '../runtime/index.js';
import { GenModelsError, UsageError } from './errors.js';
import {
  DateText,
  initSpec,
  typedLiteral,
  type InitEntry,
  type InitValue,
  type TypedLiteral,
} from './render/init-spec.js';
import { dataTypeCall, type DataTypeArg, type DataTypeCall } from './render/type-map.js';

export async function planSchemaChanges(schema: SchemaIR, databaseUrl: string): Promise<SyncPlan> {
  const sequelize = connect(databaseUrl);
  try {
    // Views and key-less tables are never created or altered by sync().
    for (const model of schema.models.filter((m) => !isReadOnly(m))) defineModel(sequelize, model);
    return await planSync(sequelize);
  } catch (error) {
    // The runtime's own errors (connection refused, permission denied, ...) are about the database.
    if (error instanceof BaseError) throw new GenModelsError(`--db: ${error.message}`, { cause: error });
    throw error;
  } finally {
    await sequelize.close();
  }
}

/** The constructor refuses only what is wrong with the URL (its form, its protocol). */
function connect(databaseUrl: string): Sequelize {
  // PGlite would create an empty database at a mistyped path, and the plan would create every table.
  const dataDir = databaseUrl.startsWith('pglite:') ? databaseUrl.replace(/^pglite:(\/\/)?/, '') : '';
  const inMemory = ['', 'memory', ':memory:'].includes(dataDir);
  if (!inMemory && !existsSync(decodeURIComponent(dataDir)))
    throw new GenModelsError(`--db ${databaseUrl}: there is no PGlite data directory at ${dataDir}`);
  try {
    return new Sequelize(databaseUrl, { logging: false });
  } catch (error) {
    throw new UsageError(`--db: ${(error as Error).message}`, { cause: error });
  }
}

function defineModel(sequelize: Sequelize, model: ModelIR): void {
  const spec = initSpec(model);
  const attributes = Object.fromEntries(spec.attributes.map(({ key, entries }) => [key, toObject(entries)]));
  sequelize.define(model.name, attributes as never, toObject(spec.options) as never);
}

function toObject(entries: readonly InitEntry[]): Record<string, unknown> {
  return Object.fromEntries(entries.map(([key, value]) => [key, runtimeValue(value)]));
}

function runtimeValue(value: InitValue): unknown {
  switch (value.kind) {
    case 'dataType':
      return runtimeDataType(value.type);
    case 'default':
      return runtimeDefault(value.value, value.type);
    case 'string':
    case 'boolean':
      return value.value;
    case 'object':
      return toObject(value.entries);
    case 'array':
      return value.items.map(runtimeValue);
    case 'literal':
      return literal(value.sql);
    case 'json':
      return value.value;
    case 'function':
      // Planning DDL never runs a validator or a hook: a stand-in of the same shape.
      return () => undefined;
    case 'virtual':
      return (DataTypes.VIRTUAL as DataTypeFactory)(runtimeDataType(value.type), value.fields);
  }
}

type DataTypeFactory = (...args: unknown[]) => { BINARY?: unknown };

function runtimeDataType(type: DataTypeIR): unknown {
  return instantiate(dataTypeCall(type));
}

function instantiate(call: DataTypeCall): unknown {
  const factory = (DataTypes as unknown as Record<string, DataTypeFactory>)[call.name];
  const made = factory(...call.args.map(instantiateArg));
  return call.binary ? made.BINARY : made;
}

function instantiateArg(arg: DataTypeArg): unknown {
  return typeof arg === 'object' && 'args' in arg ? instantiate(arg) : arg;
}

function runtimeDefault(value: DefaultValueIR, type: DataTypeIR): unknown {
  switch (value.kind) {
    case 'UUIDV1':
    case 'UUIDV4':
    case 'NOW':
      return DataTypes[value.kind];
    case 'sql':
      return literal(value.sql);
    case 'literal':
      return runtimeLiteral(typedLiteral(value.value, type));
  }
}

function runtimeLiteral(value: TypedLiteral): unknown {
  if (value instanceof DateText) return new Date(value.text);
  return Array.isArray(value) ? value.map(runtimeLiteral) : value;
}
