import type { AttributeDraft } from './attribute-draft.js';
import type { MemberDraft, ModelDraft, SharedOptions, TimestampOption } from './model-draft.js';
import { readAttribute } from './read-attribute.js';
import { readHooks } from './read-hooks.js';
import { readModelValidators } from './model-validators.js';
import { readIndexes } from './read-indexes.js';
import { readAssociations } from './read-associations.js';
import { readScopes } from './read-scopes.js';
import { DEFINE_KEYS, MODEL_KEYS, TOP_LEVEL_KEYS } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

/** Reads one entry of `models:`; undefined when it is not a mapping (reported). */
export function readModel(entry: Entry, reader: YamlReader): ModelDraft | undefined {
  const entries = reader.mappingEntries(entry, `model ${entry.key}`);
  if (entries === undefined) return undefined;
  reader.reportUnknownKeys(entries, MODEL_KEYS, `in model ${entry.key}`);
  const text = (key: string) => {
    const found = findEntry(entries, key);
    return found && reader.string(found, key);
  };
  const readOnlyEntry = findEntry(entries, 'readOnly');
  return {
    name: entry.key,
    nameNode: entry.keyNode,
    options: readSharedOptions(entries, reader),
    tableName: text('tableName'),
    tableNameNode: findEntry(entries, 'tableName')?.value ?? undefined,
    schema: text('schema'),
    comment: text('comment'),
    readOnly: (readOnlyEntry && reader.boolean(readOnlyEntry, 'readOnly')) ?? false,
    attributes: readAttributes(entry, entries, reader),
    members: [...readMembers(entries, 'methods', reader), ...readMembers(entries, 'getters', reader)],
    indexes: readIndexes(entries, entry.key, reader),
    associations: readAssociations(entries, entry.key, reader),
    ...readParanoid(entries, reader),
    hooks: readHooks(entries, entry.key, reader),
    validate: readModelValidators(entries, entry.key, reader),
    ...readScopes(entries, entry.key, reader),
  };
}

/** `paranoid: true` and the `deletedAt` attribute's name (Sequelize's default: deletedAt). */
function readParanoid(
  entries: readonly Entry[],
  reader: YamlReader,
): Pick<ModelDraft, 'paranoid' | 'deletedAt'> {
  const paranoid = findEntry(entries, 'paranoid');
  const deletedAt = findEntry(entries, 'deletedAt');
  const name = deletedAt && reader.string(deletedAt, 'deletedAt');
  if (deletedAt && !(paranoid && reader.scalarValue(paranoid.value) === true))
    reader.problems.add(
      deletedAt.keyNode,
      'deletedAt names the soft-delete attribute of a paranoid model; add paranoid: true or remove it',
    );
  return {
    ...(paranoid && reader.boolean(paranoid, 'paranoid') === true && { paranoid: paranoid.keyNode }),
    ...(name !== undefined && { deletedAt: { value: name, node: deletedAt!.value! } }),
  };
}

/** The options that `define:` can also give: freezeTableName, timestamps, createdAt, updatedAt, underscored. */
export function readSharedOptions(entries: readonly Entry[], reader: YamlReader): SharedOptions {
  const flag = (key: string) => {
    const found = findEntry(entries, key);
    return found && reader.boolean(found, key);
  };
  return {
    freezeTableName: flag('freezeTableName'),
    timestamps: flag('timestamps'),
    createdAt: readTimestampOption(findEntry(entries, 'createdAt'), reader),
    updatedAt: readTimestampOption(findEntry(entries, 'updatedAt'), reader),
    underscored: flag('underscored'),
  };
}

function readTimestampOption(entry: Entry | undefined, reader: YamlReader): TimestampOption | undefined {
  if (entry === undefined) return undefined;
  const value = reader.scalarValue(entry.value);
  if (typeof value === 'boolean' || (typeof value === 'string' && value !== '')) {
    return { value, node: entry.value! };
  }
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `${entry.key} must be false (no ${entry.key} attribute), true (named ${entry.key}) or an attribute name`,
  );
  return undefined;
}

function readAttributes(model: Entry, entries: readonly Entry[], reader: YamlReader): AttributeDraft[] {
  const attributesEntry = findEntry(entries, 'attributes');
  if (attributesEntry === undefined) {
    reader.problems.add(
      model.keyNode,
      `model ${model.key} has no attributes; add attributes: with at least one attribute`,
    );
    return [];
  }
  // `attributes:` may be left empty: the model then has only the automatic id (and timestamps)
  const attributeEntries = reader.mappingEntries(attributesEntry, `attributes of model ${model.key}`) ?? [];
  return attributeEntries
    .map((attribute) => readAttribute(attribute, model.key, reader))
    .filter((attribute): attribute is AttributeDraft => attribute !== undefined);
}

function readMembers(
  entries: readonly Entry[],
  key: 'methods' | 'getters',
  reader: YamlReader,
): MemberDraft[] {
  const membersEntry = findEntry(entries, key);
  if (membersEntry === undefined) return [];
  const memberEntries = reader.mappingEntries(membersEntry, key) ?? [];
  const kind = key === 'methods' ? 'method' : 'getter';
  return memberEntries.flatMap((member) => {
    const source = reader.scalarValue(member.value);
    if (typeof source !== 'string' || source.trim() === '') {
      reader.problems.add(
        member.value ?? member.keyNode,
        `${kind} ${member.key} must be its TypeScript source, written as a block (${member.key}: |)`,
      );
      return [];
    }
    return [{ name: member.key, nameNode: member.keyNode, kind, source, sourceNode: member.value! }];
  });
}

/** The top-level keys checked, and `define:` read (the options every model shares). */
export function readDefine(entries: readonly Entry[], reader: YamlReader): SharedOptions {
  reader.reportUnknownKeys(entries, TOP_LEVEL_KEYS, 'at the top level');
  const defineEntry = findEntry(entries, 'define');
  const defineEntries = defineEntry && reader.mappingEntries(defineEntry, 'define');
  if (defineEntries) reader.reportUnknownKeys(defineEntries, DEFINE_KEYS, 'in define');
  return defineEntries ? readSharedOptions(defineEntries, reader) : {};
}
