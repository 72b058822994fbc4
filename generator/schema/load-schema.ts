import { CORE_SCHEMA, load as loadPlainYaml } from 'js-yaml';
import type { Document } from 'yaml';
import type { ModelIR, SchemaIR } from '../ir.js';
import type { ModelDraft, SharedOptions } from './model-draft.js';
import { ProblemCollector } from './problem-collector.js';
import { readDefine, readModel } from './read-model.js';
import { resolveOneModel } from './one-model.js';
import { resolveReferences, type ModelWithDraft } from './resolve-references.js';
import { checkSchema } from './check-schema.js';
import { findEntry, yamlKinds, YamlReader } from './yaml-reader.js';
import { plainTree, PLAIN_KINDS } from './plain-tree.js';
import { readSchemaText } from './read-schema-text.js';
import { deriveAssociations } from '../associations/derive-associations.js';
import { foreignKeysOfReferences } from '../associations/foreign-keys.js';
import { resolveAssociations } from './resolve-associations.js';

/** Reads and validates a schema file; throws a SchemaError listing every problem in it. */
export async function loadSchemaFile(path: string): Promise<SchemaIR> {
  return loadSchemaText(await readSchemaText(path), path);
}

/**
 * Validates schema text; `path` is what messages and `source.path` name. Throws a SchemaError
 * listing every problem, each at `path:line:column`.
 */
export function loadSchemaText(text: string, path: string): SchemaIR {
  return loadValidSchema(text, path) ?? loadWithPositions(text, path);
}

/**
 * The common case, a valid file, quickly: js-yaml parses several times faster than the `yaml`
 * package builds its positioned tree (0.1 s against 0.6 s for 1,000 models), and plain-tree.ts
 * turns the plain value into a tree of the same shape, without positions. The checks are the same
 * code; if any of them finds a problem, or js-yaml cannot parse the text, the file is read
 * again with positions, so every message still points at its line and column.
 */
function loadValidSchema(text: string, path: string): SchemaIR | undefined {
  let value: unknown;
  try {
    // The core schema is YAML 1.2's, as the `yaml` package's default: no dates, no `<<` merges.
    value = loadPlainYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  const problems = new ProblemCollector(path);
  const reader = new YamlReader({ contents: plainTree(value) }, problems, PLAIN_KINDS);
  const models = resolveAll(readDrafts(reader), problems);
  return problems.count === 0 ? { source: { kind: 'yaml', path }, models } : undefined;
}

function loadWithPositions(text: string, path: string): SchemaIR {
  // Required here: only a file with a problem needs the positioned parser (~40 ms to load).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof import('yaml');
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = new ProblemCollector(path, lineCounter);
  if (!reportYamlErrors(doc, text, problems)) problems.throwIfAny();
  const drafts = readDrafts(new YamlReader(doc, problems, yamlKinds(yaml)));
  const models = resolveAll(drafts, problems);
  problems.throwIfAny();
  return { source: { kind: 'yaml', path }, models };
}

/** Exposed for the test that holds the fast path and the positioned one to the same result. */
export const loadPaths = { valid: loadValidSchema, withPositions: loadWithPositions };

/**
 * Reports the parser's errors. Returns true when the tree is still worth checking: a
 * repeated key is an error, but the rest of the file parsed and may hold more problems.
 */
function reportYamlErrors(doc: Document, text: string, problems: ProblemCollector): boolean {
  for (const error of doc.errors) {
    const message =
      error.code === 'DUPLICATE_KEY'
        ? `duplicate key "${keyAt(text, error.pos[0])}"; each key may appear once in a mapping`
        : `YAML syntax error: ${error.message}`;
    problems.add(error.pos[0], message);
  }
  return doc.errors.every((error) => error.code === 'DUPLICATE_KEY');
}

/** The key text starting at `offset`, for the duplicate-key message. */
function keyAt(text: string, offset: number): string {
  return /^["']?([^:"'\n]*)/.exec(text.slice(offset))![1]!.trim();
}

interface Drafts {
  readonly define: SharedOptions;
  readonly models: readonly ModelDraft[];
}

function readDrafts(reader: YamlReader): Drafts {
  const root = reader.root;
  if (!reader.isMapping(root)) {
    reader.problems.add(root, 'the schema must be a mapping with a models: key (and optionally define:)');
    return { define: {}, models: [] };
  }
  const entries = reader.entries(root);
  const define = readDefine(entries, reader);
  const modelsEntry = findEntry(entries, 'models');
  if (modelsEntry === undefined) {
    reader.problems.add(root, 'the schema has no models: key; add models: with at least one model');
    return { define, models: [] };
  }
  const modelEntries = reader.mappingEntries(modelsEntry, 'models');
  if (modelEntries?.length === 0) {
    reader.problems.add(modelsEntry.value ?? modelsEntry.keyNode, 'models is empty; add at least one model');
  }
  const models = (modelEntries ?? [])
    .map((entry) => readModel(entry, reader))
    .filter((m): m is ModelDraft => m !== undefined);
  return { define, models };
}

function resolveAll(drafts: Drafts, problems: ProblemCollector): ModelIR[] {
  const resolved = drafts.models.map((draft) => resolveOneModel(draft, drafts.define, problems));
  return resolveAcrossModels(drafts.define, resolved, problems);
}

/** The checks and derivations that see every model: names, tables, references, associations. */
export function resolveAcrossModels(
  define: SharedOptions,
  resolved: readonly ModelWithDraft[],
  problems: ProblemCollector,
): ModelIR[] {
  checkSchema(define, resolved, problems);
  const referenced = resolveReferences(resolved, problems);
  // `references` imply associations by the same rules as a database's foreign keys; the
  // `associations:` of a model declare more, or override them.
  const { declared, nodes } = resolveAssociations(
    referenced,
    resolved.map((entry) => entry.draft),
    problems,
  );
  const models = deriveAssociations(
    referenced,
    foreignKeysOfReferences(referenced),
    declared,
    (id, message) => problems.add(nodes.get(id), message),
  );
  return models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
