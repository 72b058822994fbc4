/**
 * A YAML tree without positions, built from the plain value js-yaml parses: what YamlReader reads
 * when the text is expected to be valid (load-schema.ts's fast path, load-incremental.ts's
 * pieces). It has the node shapes the reader uses — a mapping's `items` of key/value pairs, a
 * list's `items`, a scalar's `value`, `toJS()` — so the same reading and checking code runs on
 * it and on the `yaml` package's positioned tree; building it is far cheaper than the `yaml`
 * package's createNode, and it does not load that package (~40 ms of a run). Any problem found
 * on it sends the caller to the positioned read, so messages never need its missing positions.
 * Written here rather than taken from a library: it is the project's own adapter between two.
 */
import type { Node } from 'yaml';
import type { NodeKinds } from './yaml-reader.js';

class PlainScalar {
  constructor(readonly value: unknown) {}
  toJS(): unknown {
    return this.value;
  }
}

class PlainPair {
  constructor(
    readonly key: PlainScalar,
    readonly value: PlainNode,
  ) {}
}

class PlainMap {
  constructor(
    readonly items: readonly PlainPair[],
    private readonly source: object,
  ) {}
  toJS(): unknown {
    return structuredClone(this.source);
  }
}

class PlainSeq {
  constructor(
    readonly items: readonly PlainNode[],
    private readonly source: readonly unknown[],
  ) {}
  toJS(): unknown {
    return structuredClone(this.source);
  }
}

type PlainNode = PlainScalar | PlainMap | PlainSeq;

/** The tree of a plain value (objects, arrays, strings, numbers, booleans, null), typed as the reader reads it. */
export function plainTree(value: unknown): Node {
  return plainNode(value) as unknown as Node;
}

function plainNode(value: unknown): PlainNode {
  if (Array.isArray(value)) return new PlainSeq(value.map(plainNode), value);
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value).map(
      ([key, item]) => new PlainPair(new PlainScalar(key), plainNode(item)),
    );
    return new PlainMap(pairs, value);
  }
  return new PlainScalar(value ?? null);
}

/** How the reader tells the plain tree's nodes apart (no aliases: js-yaml resolved them). */
export const PLAIN_KINDS: NodeKinds = {
  isMap: (node) => node instanceof PlainMap,
  isSeq: (node) => node instanceof PlainSeq,
  isScalar: (node) => node instanceof PlainScalar,
  isAlias: () => false,
  isNode: (node) => node instanceof PlainMap || node instanceof PlainSeq || node instanceof PlainScalar,
};
