/**
 * A model's `associations:` list, read into drafts that keep their nodes, so that the checks
 * (resolve-associations.ts) can point at the offending key. Shape problems are reported here.
 *
 *     associations:
 *       - hasMany: Post
 *         as: writings
 *         foreignKey: authorId
 *       - belongsToMany: Team
 *         through: Membership
 */
import type { Node } from 'yaml';
import type { AssociationKind, ReferentialAction } from '../ir.js';
import { didYouMean } from '../../runtime/did-you-mean.js';
import { ASSOCIATION_KEYS, ASSOCIATION_KINDS, REFERENTIAL_ACTIONS } from './schema-keys.js';
import { findEntry, type Entry, type YamlReader } from './yaml-reader.js';

/** A string value and where it stands. */
export interface Named {
  readonly value: string;
  readonly node: Node;
}

export interface AssociationDraft {
  readonly node: Node;
  readonly kind: AssociationKind;
  readonly target: Named;
  readonly as?: Named;
  readonly foreignKey?: Named;
  readonly sourceKey?: Named;
  readonly targetKey?: Named;
  readonly through?: Named;
  readonly otherKey?: Named;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}

export function readAssociations(
  entries: readonly Entry[],
  model: string,
  reader: YamlReader,
): AssociationDraft[] {
  const entry = findEntry(entries, 'associations');
  if (entry === undefined || entry.value === null) return [];
  if (!reader.isSequence(entry.value)) {
    reader.problems.add(entry.value, `associations of model ${model} must be a list`);
    return [];
  }
  return reader
    .sequenceItems(entry.value)
    .map((item) => readAssociation(item, model, reader))
    .filter((draft): draft is AssociationDraft => draft !== undefined);
}

function readAssociation(node: Node | null, model: string, reader: YamlReader): AssociationDraft | undefined {
  if (!reader.isMapping(node)) {
    reader.problems.add(node, `an association of model ${model} must be a mapping like { hasMany: Post }`);
    return undefined;
  }
  const entries = reader.entries(node);
  reader.reportUnknownKeys(entries, ASSOCIATION_KEYS, `in an association of model ${model}`);
  const kinds = entries.filter((e) => (ASSOCIATION_KINDS as readonly string[]).includes(e.key));
  if (kinds.length !== 1) {
    reader.problems.add(
      kinds[1]?.keyNode ?? node,
      `an association of model ${model} names one of ${ASSOCIATION_KINDS.join(', ')} with its target model` +
        (kinds.length === 0 ? ', e.g. hasMany: Post' : `, not ${kinds.length}`),
    );
    return undefined;
  }
  const target = named(kinds[0]!, reader);
  if (target === undefined) return undefined;
  const get = (key: string) => {
    const found = findEntry(entries, key);
    return found && named(found, reader);
  };
  const action = (key: 'onDelete' | 'onUpdate') => readAction(findEntry(entries, key), reader);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    node,
    kind: kinds[0]!.key as AssociationKind,
    target,
    ...optional('as', get('as')),
    ...optional('foreignKey', get('foreignKey')),
    ...optional('sourceKey', get('sourceKey')),
    ...optional('targetKey', get('targetKey')),
    ...optional('through', get('through')),
    ...optional('otherKey', get('otherKey')),
    ...optional('onDelete', action('onDelete')),
    ...optional('onUpdate', action('onUpdate')),
  };
}

function named(entry: Entry, reader: YamlReader): Named | undefined {
  const value = reader.string(entry, entry.key);
  return value === undefined ? undefined : { value, node: entry.value ?? entry.keyNode };
}

function readAction(entry: Entry | undefined, reader: YamlReader): ReferentialAction | undefined {
  if (entry === undefined) return undefined;
  const value = reader.scalarValue(entry.value);
  const found = REFERENTIAL_ACTIONS.find((a) => a === value);
  if (found) return found;
  const hint = typeof value === 'string' ? didYouMean(value.toUpperCase(), REFERENTIAL_ACTIONS) : '';
  reader.problems.add(
    entry.value ?? entry.keyNode,
    `${entry.key} must be one of ${REFERENTIAL_ACTIONS.join(', ')}, not ${JSON.stringify(value)}${hint}`,
  );
  return undefined;
}
