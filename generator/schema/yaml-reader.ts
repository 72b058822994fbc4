import type { Document, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { didYouMean } from '../../runtime/did-you-mean.js';
import type { ProblemCollector } from './problem-collector.js';

/** One `key: value` of a mapping, with the nodes that positions are taken from. */
export interface Entry {
  readonly key: string;
  readonly keyNode: Node;
  /** Null for `key:` with nothing after it. Aliases are already resolved. */
  readonly value: Node | null;
}

/**
 * How to tell a tree's nodes apart: the `yaml` package's functions for its positioned tree
 * (yamlKinds), plain-tree.ts's for the tree of a plain value. Injected so that reading a valid
 * file does not load the `yaml` package at all.
 */
export interface NodeKinds {
  isMap(node: unknown): boolean;
  isSeq(node: unknown): boolean;
  isScalar(node: unknown): boolean;
  isAlias(node: unknown): boolean;
  isNode(node: unknown): boolean;
}

/** The `yaml` package's kinds; the caller has the package loaded already (it parsed the tree). */
export function yamlKinds(yaml: typeof import('yaml')): NodeKinds {
  return {
    isMap: yaml.isMap,
    isSeq: yaml.isSeq,
    isScalar: yaml.isScalar,
    isAlias: yaml.isAlias,
    isNode: yaml.isNode,
  };
}

/** What the reader needs of a document: its top node (and, for aliases, the document itself). */
export type ReaderDocument = Pick<Document, 'contents'>;

/** Reads the YAML tree, reporting every value of the wrong shape to the collector. */
export class YamlReader {
  constructor(
    private readonly doc: ReaderDocument,
    readonly problems: ProblemCollector,
    private readonly kinds: NodeKinds,
  ) {}

  /** The document's top node. */
  get root(): Node | null {
    return this.resolve(this.doc.contents);
  }

  /** Follows `*alias` to its anchored node, so aliases can share definitions. */
  resolve(node: unknown): Node | null {
    if (this.kinds.isAlias(node))
      return ((node as { resolve(doc: unknown): unknown }).resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  isMapping(node: Node | null): node is YAMLMap {
    return this.kinds.isMap(node);
  }

  /**
   * The entries of a mapping in file order; keys that are not plain strings and repeated keys
   * (already reported by the YAML parser) are left out.
   */
  entries(map: YAMLMap): Entry[] {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      if (
        !this.isScalar(keyNode) ||
        (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')
      ) {
        this.problems.add(keyNode, 'keys must be plain names');
        continue;
      }
      const key = String(keyNode.value);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, keyNode, value: this.resolve(pair.value) });
    }
    return entries;
  }

  /**
   * The entries of `entry`'s value when it is a mapping (none when it is left empty, `key:`);
   * otherwise reports `what must be a mapping`.
   */
  mappingEntries(entry: Entry, what: string): Entry[] | undefined {
    if (this.isMapping(entry.value)) return this.entries(entry.value);
    if (entry.value === null || (this.isScalar(entry.value) && entry.value.value === null)) return [];
    this.problems.add(entry.value ?? entry.keyNode, `${what} must be a mapping`);
    return undefined;
  }

  /** Reports every key not in `known`, with the closest known key as a suggestion. */
  reportUnknownKeys(entries: readonly Entry[], known: readonly string[], where: string): void {
    for (const entry of entries) {
      if (known.includes(entry.key)) continue;
      const suggestion = didYouMean(entry.key, known) || `; expected one of: ${known.join(', ')}`;
      this.problems.add(entry.keyNode, `unknown key "${entry.key}" ${where}${suggestion}`);
    }
  }

  scalarValue(node: Node | null): unknown {
    return this.isScalar(node) ? node.value : undefined;
  }

  isScalar(node: Node | null): node is Scalar {
    return this.kinds.isScalar(node);
  }

  isSequence(node: Node | null): node is YAMLSeq {
    return this.kinds.isSeq(node);
  }

  /** The items of a sequence, aliases resolved; none for anything else. */
  sequenceItems(node: Node | null): (Node | null)[] {
    return this.isSequence(node) ? node.items.map((item) => this.resolve(item)) : [];
  }

  /** A boolean option; anything else is reported and read as undefined. */
  boolean(entry: Entry, what: string): boolean | undefined {
    const value = this.scalarValue(entry.value);
    if (typeof value === 'boolean') return value;
    this.problems.add(
      entry.value ?? entry.keyNode,
      `${what} must be true or false, not ${this.show(entry.value)}`,
    );
    return undefined;
  }

  /** A non-empty string option; anything else is reported and read as undefined. */
  string(entry: Entry, what: string): string | undefined {
    const value = this.scalarValue(entry.value);
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problems.add(
      entry.value ?? entry.keyNode,
      `${what} must be a non-empty string, not ${this.show(entry.value)}`,
    );
    return undefined;
  }

  /** A value as it reads in a message: `"yes"`, `3`, `a list`, `a mapping`, `nothing`. */
  private show(node: Node | null): string {
    if (this.isMapping(node)) return 'a mapping';
    if (this.isSequence(node)) return 'a list';
    const value = this.scalarValue(node);
    return value === null || value === undefined ? 'nothing' : JSON.stringify(value);
  }

  /** The plain JavaScript value of a node (mappings, sequences and scalars). */
  toJs(node: Node | null): unknown {
    if (node === null) return null;
    return node.toJS(this.doc as Document);
  }
}

/** Looks an entry up by key. */
export function findEntry(entries: readonly Entry[], key: string): Entry | undefined {
  return entries.find((e) => e.key === key);
}
