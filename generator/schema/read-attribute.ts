import type { DataTypeIR, ReferentialAction } from '../ir.js';
import type { AttributeDraft, ReferenceDraft } from './attribute-draft.js';
import { didYouMean } from '../../runtime/did-you-mean.js';
import { parseDefaultValue } from './parse-default-value.js';
import { readType } from './read-type.js';
import { readFunctionSource, readValidators } from './read-validators.js';
import { ATTRIBUTE_KEYS, REFERENCES_KEYS, REFERENTIAL_ACTIONS } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

/** Reads one `name: TYPE` or `name: { type: ..., ... }` entry of a model's `attributes`. */
export function readAttribute(
  entry: Entry,
  modelName: string,
  reader: YamlReader,
): AttributeDraft | undefined {
  if (reader.isScalar(entry.value) && typeof entry.value.value === 'string') {
    const type = readType(entry.value, undefined, reader);
    return { ...defaults(entry), type, typeNode: entry.value };
  }
  if (!reader.isMapping(entry.value)) {
    reader.problems.add(
      entry.value ?? entry.keyNode,
      `attribute "${entry.key}" of model ${modelName} must be a type (e.g. STRING) or a mapping with a type: key`,
    );
    return undefined;
  }
  const entries = reader.entries(entry.value);
  reader.reportUnknownKeys(entries, ATTRIBUTE_KEYS, `in attribute "${entry.key}" of model ${modelName}`);
  return readAttributeMapping(entry, entries, modelName, reader);
}

function defaults(entry: Entry): Omit<AttributeDraft, 'typeNode'> {
  return { name: entry.key, nameNode: entry.keyNode, primaryKey: false, autoIncrement: false, unique: false };
}

function readAttributeMapping(
  entry: Entry,
  entries: readonly Entry[],
  modelName: string,
  reader: YamlReader,
): AttributeDraft {
  const typeEntry = findEntry(entries, 'type');
  let type: DataTypeIR | undefined;
  if (typeEntry === undefined) {
    reader.problems.add(
      entry.keyNode,
      `attribute "${entry.key}" of model ${modelName} has no type; add type: STRING (or another type)`,
    );
  } else {
    type = readType(typeEntry.value, findEntry(entries, 'values'), reader);
  }
  const option = <T>(key: string, read: (e: Entry) => T | undefined): T | undefined => {
    const found = findEntry(entries, key);
    return found === undefined ? undefined : read(found);
  };
  const defaultEntry = findEntry(entries, 'defaultValue');
  const autoIncrementEntry = findEntry(entries, 'autoIncrement');
  const where = `of attribute "${entry.key}" of model ${modelName}`;
  // Object.assign, not a spread at the end: V8 builds these 20,000 times on a large schema.
  const draft: AttributeDraft = {
    name: entry.key,
    nameNode: entry.keyNode,
    type,
    typeNode: typeEntry?.value ?? entry.keyNode,
    field: option('field', (e) => reader.string(e, 'field')),
    allowNull: option('allowNull', (e) => reader.boolean(e, 'allowNull')),
    defaultValue: defaultEntry && parseDefaultValue(defaultEntry.value, reader),
    defaultValueNode: defaultEntry?.value ?? defaultEntry?.keyNode,
    primaryKey: option('primaryKey', (e) => reader.boolean(e, 'primaryKey')) ?? false,
    autoIncrement: option('autoIncrement', (e) => reader.boolean(e, 'autoIncrement')) ?? false,
    autoIncrementNode: autoIncrementEntry?.keyNode,
    unique: option('unique', (e) => readUnique(e, reader)) ?? false,
    comment: option('comment', (e) => reader.string(e, 'comment')),
    references: readReferences(entries, where, reader),
  };
  return Object.assign(draft, readDefinition(entries, where, reader));
}

/** validate, get, set and virtual: what the attribute does in the runtime rather than in the table. */
function readDefinition(
  entries: readonly Entry[],
  where: string,
  reader: YamlReader,
): Partial<AttributeDraft> {
  const validate = findEntry(entries, 'validate');
  const validators = readValidators(validate, where, reader);
  const get = readFunctionSource(findEntry(entries, 'get'), 'get', 'get(): Type { return ... }', reader);
  const set = readFunctionSource(findEntry(entries, 'set'), 'set', 'set(value: Type) { ... }', reader);
  const virtual = findEntry(entries, 'virtual');
  return {
    ...(validators.length > 0 && { validate: validators, validateNode: validate!.keyNode }),
    ...(get !== undefined && { get }),
    ...(set !== undefined && { set }),
    ...(virtual && readVirtual(virtual, reader)),
  };
}

/** `virtual: true`, or the attributes its getter reads (VIRTUAL's `fields`, Sequelize's dependencies). */
function readVirtual(entry: Entry, reader: YamlReader): Pick<AttributeDraft, 'virtual'> {
  const value = reader.toJs(entry.value);
  const node = entry.value ?? entry.keyNode;
  if (value === true) return { virtual: { fields: [], node } };
  if (value === false) return {};
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== ''))
    return { virtual: { fields: value as string[], node } };
  reader.problems.add(
    node,
    'virtual must be true or the list of attributes its getter reads, e.g. [firstName, lastName]',
  );
  return {};
}

/** `unique: true`, or a name shared by the attributes of one composite unique key. */
function readUnique(entry: Entry, reader: YamlReader): boolean | string | undefined {
  const value = reader.scalarValue(entry.value);
  if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '')) return value;
  reader.problems.add(
    entry.value ?? entry.keyNode,
    'unique must be true, false, or the name of a composite unique key',
  );
  return undefined;
}

function readReferences(
  entries: readonly Entry[],
  where: string,
  reader: YamlReader,
): ReferenceDraft | undefined {
  const referencesEntry = findEntry(entries, 'references');
  const onDelete = readAction(findEntry(entries, 'onDelete'), reader);
  const onUpdate = readAction(findEntry(entries, 'onUpdate'), reader);
  if (referencesEntry === undefined) {
    for (const key of ['onDelete', 'onUpdate']) {
      const entry = findEntry(entries, key);
      if (entry)
        reader.problems.add(
          entry.keyNode,
          `${key} applies to a foreign key; add references: { model: ... } or remove it`,
        );
    }
    return undefined;
  }
  const refEntries = reader.mappingEntries(referencesEntry, 'references');
  if (refEntries === undefined) return undefined;
  reader.reportUnknownKeys(refEntries, REFERENCES_KEYS, `in references ${where}`);
  const text = (key: string) => {
    const found = findEntry(refEntries, key);
    return found && reader.string(found, `references.${key}`);
  };
  const draft: ReferenceDraft = {
    node: referencesEntry.value ?? referencesEntry.keyNode,
    model: text('model'),
    modelNode: findEntry(refEntries, 'model')?.value ?? undefined,
    table: text('table'),
    schema: text('schema'),
    key: text('key'),
    keyNode: findEntry(refEntries, 'key')?.value ?? undefined,
    onDelete,
    onUpdate,
  };
  return checkReferenceShape(draft, refEntries, reader);
}

/** Either a model of this schema or a table with its key, not both. */
function checkReferenceShape(
  draft: ReferenceDraft,
  entries: readonly Entry[],
  reader: YamlReader,
): ReferenceDraft | undefined {
  const has = (key: string) => findEntry(entries, key) !== undefined;
  if (has('model') && has('table')) {
    reader.problems.add(
      draft.node,
      'references takes either model: (a model of this schema) or table: (any other table), not both',
    );
    return undefined;
  }
  if (!has('model') && !has('table')) {
    reader.problems.add(draft.node, 'references needs model: <Model> or table: <table> with key: <column>');
    return undefined;
  }
  if (has('table') && !has('key')) {
    reader.problems.add(draft.node, 'references to a table needs key: <column>, the referenced column');
    return undefined;
  }
  if (has('model') && has('schema')) {
    const schemaEntry = findEntry(entries, 'schema')!;
    reader.problems.add(
      schemaEntry.keyNode,
      "references.schema is only for table:; a model's schema comes from the model",
    );
  }
  return draft.model === undefined && draft.table === undefined ? undefined : draft;
}

function readAction(entry: Entry | undefined, reader: YamlReader): ReferentialAction | undefined {
  if (entry === undefined) return undefined;
  const value = reader.scalarValue(entry.value);
  if (typeof value === 'string' && (REFERENTIAL_ACTIONS as readonly string[]).includes(value)) {
    return value as ReferentialAction;
  }
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  const hint = typeof value === 'string' ? didYouMean(value, REFERENTIAL_ACTIONS) : '';
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `${entry.key} ${shown} is not a referential action${hint || `; expected one of: ${REFERENTIAL_ACTIONS.join(', ')}`}`,
  );
  return undefined;
}
