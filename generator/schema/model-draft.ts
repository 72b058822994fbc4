import type { Node } from 'yaml';
import type { AttributeDraft } from './attribute-draft.js';
import type { IndexDraft } from './read-indexes.js';
import type { AssociationDraft } from './read-associations.js';
import type { ScopeDraft } from './read-scopes.js';

/** One model validator as written: `name: |` and its TypeScript source. */
export interface ModelValidatorDraft {
  readonly name: string;
  readonly nameNode: Node;
  readonly source: string;
}

/** A timestamp option as written: false, true (the default name), or another attribute name. */
export interface TimestampOption {
  readonly value: boolean | string;
  readonly node: Node;
}

/** The options `define:` and a model share; undefined means "not written here". */
export interface SharedOptions {
  readonly freezeTableName?: boolean;
  readonly timestamps?: boolean;
  readonly createdAt?: TimestampOption;
  readonly updatedAt?: TimestampOption;
  readonly underscored?: boolean;
}

export interface MemberDraft {
  readonly name: string;
  readonly nameNode: Node;
  readonly kind: 'method' | 'getter';
  readonly source: string;
  readonly sourceNode: Node;
}

/** A model as read from the file, before `define` and Sequelize's inference resolve it. */
export interface ModelDraft {
  readonly name: string;
  readonly nameNode: Node;
  readonly options: SharedOptions;
  readonly tableName?: string;
  readonly tableNameNode?: Node;
  readonly schema?: string;
  readonly comment?: string;
  readonly readOnly: boolean;
  readonly attributes: readonly AttributeDraft[];
  readonly members: readonly MemberDraft[];
  readonly indexes: readonly IndexDraft[];
  readonly associations: readonly AssociationDraft[];
  /** `paranoid: true` (its node, for messages); `deletedAt` renames the attribute. */
  readonly paranoid?: Node;
  readonly deletedAt?: { readonly value: string; readonly node: Node };
  readonly hooks: Readonly<Record<string, string>>;
  /** Model validators (`validate:`), in the order written. */
  readonly validate: readonly ModelValidatorDraft[];
  readonly defaultScope?: ScopeDraft;
  readonly scopes: Readonly<Record<string, ScopeDraft>>;
}
