/**
 * `gen-models plan schema.yaml --db URL`: what `sync({ alter: true })` would change in that
 * database to match the schema, as SQL, without changing anything (only SELECTs are sent).
 * The models are defined on a runtime connection from the same init spec the generated files
 * are printed from, so the plan is what the generated models would do.
 */
import { isReadOnly, type DataTypeIR, type DefaultValueIR, type ModelIR, type SchemaIR } from './ir.js';
import { DataTypes, literal, planSync, Sequelize, type SyncPlan } from '../runtime/index.js';
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
  const sequelize = new Sequelize(databaseUrl, { logging: false });
  try {
    // Views and key-less tables are never created or altered by sync().
    for (const model of schema.models.filter((m) => !isReadOnly(m))) defineModel(sequelize, model);
    return await planSync(sequelize);
  } finally {
    await sequelize.close();
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
