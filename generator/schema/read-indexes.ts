/**
 * A model's `indexes:` list, read into drafts that keep their nodes, so that the checks
 * (check-indexes.ts) can point at the offending entry. Shape problems are reported here.
 */
import type { Node } from 'yaml';
import { INDEX_FIELD_KEYS, INDEX_KEYS, INDEX_METHODS } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';
import { didYouMean } from '../../runtime/did-you-mean.js';

export type IndexFieldDraft =
  | { readonly attribute: string; readonly node: Node; readonly order?: 'DESC'; readonly operator?: string }
  | { readonly expression: string; readonly node: Node };

export interface IndexDraft {
  readonly node: Node;
  readonly name?: string;
  readonly unique: boolean;
  readonly using: (typeof INDEX_METHODS)[number];
  readonly fields: readonly IndexFieldDraft[];
  readonly where?: string;
}

export function readIndexes(entries: readonly Entry[], model: string, reader: YamlReader): IndexDraft[] {
  const entry = findEntry(entries, 'indexes');
  if (entry === undefined || entry.value === null) return [];
  if (!reader.isSequence(entry.value)) {
    reader.problems.add(entry.value, `indexes of model ${model} must be a list`);
    return [];
  }
  const drafts: IndexDraft[] = [];
  for (const item of reader.sequenceItems(entry.value)) {
    const draft = readIndex(item, model, reader);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function readIndex(node: Node | null, model: string, reader: YamlReader): IndexDraft | undefined {
  if (!reader.isMapping(node)) {
    reader.problems.add(
      node,
      `an index of model ${model} must be a mapping like { fields: [email], unique: true }`,
    );
    return undefined;
  }
  const entries = reader.entries(node);
  reader.reportUnknownKeys(entries, INDEX_KEYS, `in an index of model ${model}`);
  const get = (key: string) => findEntry(entries, key);
  const name = get('name');
  const unique = get('unique');
  const where = get('where');
  const fields = readFields(get('fields'), node, model, reader);
  if (fields === undefined) return undefined;
  return {
    node,
    ...(name && { name: reader.string(name, 'name') }),
    unique: (unique && reader.boolean(unique, 'unique')) ?? false,
    using: readMethod(get('using'), reader),
    fields,
    ...(where && { where: reader.string(where, 'where') }),
  };
}

function readMethod(entry: Entry | undefined, reader: YamlReader): IndexDraft['using'] {
  if (entry === undefined) return 'BTREE';
  const value = reader.scalarValue(entry.value);
  const method = INDEX_METHODS.find((m) => m === value);
  if (method) return method;
  const hint = typeof value === 'string' ? didYouMean(value.toUpperCase(), INDEX_METHODS) : '';
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `using must be one of ${INDEX_METHODS.join(', ')}, not ${JSON.stringify(value)}${hint}`,
  );
  return 'BTREE';
}

function readFields(
  entry: Entry | undefined,
  index: Node,
  model: string,
  reader: YamlReader,
): IndexFieldDraft[] | undefined {
  if (
    entry === undefined ||
    !reader.isSequence(entry.value) ||
    reader.sequenceItems(entry.value).length === 0
  ) {
    reader.problems.add(
      entry?.value ?? entry?.keyNode ?? index,
      `an index of model ${model} needs fields: a non-empty list of attribute names`,
    );
    return undefined;
  }
  const fields: IndexFieldDraft[] = [];
  for (const item of reader.sequenceItems(entry.value)) {
    const field = readField(item, reader);
    if (field) fields.push(field);
  }
  return fields;
}

function readField(node: Node | null, reader: YamlReader): IndexFieldDraft | undefined {
  const scalar = reader.scalarValue(node);
  if (typeof scalar === 'string' && scalar !== '') return { attribute: scalar, node: node! };
  if (!reader.isMapping(node)) {
    reader.problems.add(
      node,
      'an index field is an attribute name, { attribute, order, operator } or { expression }',
    );
    return undefined;
  }
  const entries = reader.entries(node);
  reader.reportUnknownKeys(entries, INDEX_FIELD_KEYS, 'in an index field');
  const get = (key: string) => findEntry(entries, key);
  const expression = get('expression');
  if (expression) {
    const sql = reader.string(expression, 'expression');
    return sql === undefined ? undefined : { expression: sql, node };
  }
  const attribute = get('attribute');
  const name = attribute && reader.string(attribute, 'attribute');
  if (name === undefined) {
    reader.problems.add(node, 'an index field mapping needs attribute: <name> (or expression: <SQL>)');
    return undefined;
  }
  const order = get('order');
  const operator = get('operator');
  return {
    attribute: name,
    node,
    ...(order && readOrder(order, reader)),
    ...(operator && { operator: reader.string(operator, 'operator') }),
  };
}

function readOrder(entry: Entry, reader: YamlReader): { order?: 'DESC' } {
  const value = reader.scalarValue(entry.value);
  if (value === 'DESC') return { order: 'DESC' };
  if (value === 'ASC') return {};
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `order must be ASC or DESC, not ${JSON.stringify(value)}`,
  );
  return {};
}
