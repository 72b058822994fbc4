/**
 * Loading a large schema again after a small edit: only the models whose text changed are parsed.
 *
 * The text is cut into one piece per model (split-models.ts). What a model is on its own (read,
 * resolved with `define:`, checked: load-schema.ts's resolveOneModel) is a function of its piece,
 * the rest of the file (`define:`) and the generator, so it is cached under a hash of exactly
 * those. The checks and derivations across models (names, tables, references, associations) run
 * on every model each time, cached or not: a change in one model reaches all the others as in a
 * full read. The result is accepted only when nothing at all was reported; any problem, any text
 * the cut refuses, a piece that does not parse alone, or a missing or unreadable cache, and the
 * whole file is read as before (load-schema.ts), so messages keep their line:column and the
 * schema is the same as without the cache.
 */
import { readFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { CORE_SCHEMA, load as loadPlainYaml } from 'js-yaml';
import { hashOf } from '../file-marks.js';
import type { ModelIR, SchemaIR } from '../ir.js';
import { loadSchemaText, readDefine, resolveAcrossModels, resolveOneModel } from './load-schema.js';
import type { SharedOptions } from './model-draft.js';
import { ProblemCollector } from './problem-collector.js';
import { readModel } from './read-model.js';
import { crossPartOf, signatureOf, type CachedModel } from './model-signature.js';
import type { EditRecord, RecordedModel } from './edited-models.js';
import type { ModelWithDraft } from './resolve-references.js';
import { splitModels, type ModelChunk } from './split-models.js';
import { YamlReader } from './yaml-reader.js';
import { plainTree, PLAIN_KINDS } from './plain-tree.js';

export interface ModelCache {
  /** The cache file (written aside and renamed; never read half-written). */
  readonly file: string;
  /** Stands for the generator's code: its version and build. */
  readonly salt: string;
}

/** A cached model: v8-serialised (read only when used), with its signature (model-signature.ts). */
interface Entry {
  readonly buffer: Buffer;
  readonly signature: string;
}

/** Cached models by key. */
type Entries = Map<string, Entry>;

const FORMAT = 2;

/**
 * The schema of `text`, as loadSchemaText reads it, reusing the models cached for unchanged text;
 * with the record of its pieces when it could be read piece by piece (edited-models.ts).
 */
export function loadSchemaIncrementally(
  text: string,
  schemaPath: string,
  cache: ModelCache,
): { schema: SchemaIR; record?: EditRecord } {
  return loadPieces(text, schemaPath, cache) ?? { schema: loadSchemaText(text, schemaPath) };
}

/**
 * The schema read piece by piece, with how many models were parsed (the others came from the
 * cache) and the record a later run needs to load only edited models (edited-models.ts);
 * undefined when the whole file must be read instead.
 */
export function loadPieces(
  text: string,
  schemaPath: string,
  cache: ModelCache,
): { schema: SchemaIR; parsed: number; record: EditRecord } | undefined {
  const split = splitModels(text);
  if (split === undefined) return undefined;
  const problems = new ProblemCollector(schemaPath);
  const define = readRest(split.rest, problems);
  if (define === undefined || problems.count > 0) return undefined;
  const restHash = hashOf(cache.salt, split.rest);
  const cached = readEntries(cache);
  const kept: Entries = new Map();
  const resolved: ModelWithDraft[] = [];
  const pieces: { piece: string; name: string; signature: string }[] = [];
  let parsed = 0;
  for (const chunk of split.models) {
    const key = hashOf(restHash, chunk.text);
    const hit = cached.get(key);
    const entry = hit === undefined ? undefined : reviveEntry(hit.buffer);
    if (entry !== undefined) {
      resolved.push(entry);
      kept.set(key, hit!);
      pieces.push({ piece: key, name: chunk.name, signature: hit!.signature });
      continue;
    }
    parsed += 1;
    const fresh = readChunk(chunk, define, problems);
    if (fresh === undefined || problems.count > 0) return undefined;
    resolved.push(fresh);
    const stored = cacheable(fresh);
    // Serialised now: the steps across models must not reach the cached copy.
    kept.set(key, { buffer: serialize(stored), signature: signatureOf(stored) });
    pieces.push({ piece: key, name: chunk.name, signature: kept.get(key)!.signature });
  }
  const models = resolveAcrossModels(define, resolved, problems);
  if (problems.count > 0) return undefined;
  if (!sameKeys(cached, kept)) writeEntries(cache, kept);
  const record = editRecord(restHash, pieces, resolved, models);
  return { schema: { source: { kind: 'yaml', path: schemaPath }, models }, parsed, record };
}

/**
 * Each piece's model with its signature and what the steps across models added to it: what a
 * later run needs to load only the models an edit touched (edited-models.ts).
 */
function editRecord(
  restHash: string,
  pieces: readonly { piece: string; name: string; signature: string }[],
  resolved: readonly ModelWithDraft[],
  models: readonly ModelIR[],
): EditRecord {
  const final = new Map(models.map((model) => [model.name, model]));
  const recorded: RecordedModel[] = pieces.map((piece, index) => {
    const own = resolved[index]!.model;
    return { ...piece, cross: crossPartOf(own, final.get(own.name)!) };
  });
  return { restHash, models: recorded };
}

/**
 * One model parsed alone as load-pieces parses it: what edited-models.ts needs of an edited
 * piece; undefined when it does not parse alone or has a problem.
 */
export function loadOnePiece(
  chunk: ModelChunk,
  rest: string,
  schemaPath: string,
): { own: ModelIR; signature: string } | undefined {
  const problems = new ProblemCollector(schemaPath);
  const define = readRest(rest, problems);
  if (define === undefined || problems.count > 0) return undefined;
  const fresh = readChunk(chunk, define, problems);
  if (fresh === undefined || problems.count > 0) return undefined;
  return { own: fresh.model, signature: signatureOf(cacheable(fresh)) };
}

/** `define:` and the top-level keys, from the file without its models; undefined when not a mapping. */
function readRest(rest: string, problems: ProblemCollector): SharedOptions | undefined {
  const value = parsePlain(rest);
  if (value === UNPARSABLE) return undefined;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  // A second `models` key (quoted, or spaced) is a duplicate the whole file's parser refuses.
  if (Object.hasOwn(value, 'models')) return undefined;
  const reader = readerOf(value, problems);
  const root = reader.root;
  return reader.isMapping(root) ? readDefine(reader.entries(root), reader) : undefined;
}

/** One model parsed alone, as the only entry of `models:`; undefined when it is not exactly that. */
function readChunk(
  chunk: ModelChunk,
  define: SharedOptions,
  problems: ProblemCollector,
): ModelWithDraft | undefined {
  const value = parsePlain(`models:\n${chunk.text}`);
  if (typeof value !== 'object' || value === null) return undefined;
  const models = (value as { models?: unknown }).models;
  if (typeof models !== 'object' || models === null || Object.keys(models).join() !== chunk.name)
    return undefined;
  const reader = readerOf({ [chunk.name]: (models as Record<string, unknown>)[chunk.name] }, problems);
  const [entry] = reader.entries(reader.root as never);
  const draft = entry && readModel(entry, reader);
  return draft && resolveOneModel(draft, define, problems);
}

/** Parsed as load-schema.ts's fast path parses the whole file; UNPARSABLE when it does not parse. */
function parsePlain(text: string): unknown {
  try {
    return loadPlainYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return UNPARSABLE;
  }
}

/** What parsePlain gives for text that does not parse (undefined is an empty document). */
const UNPARSABLE = Symbol('unparsable');

function readerOf(value: unknown, problems: ProblemCollector): YamlReader {
  return new YamlReader({ contents: plainTree(value) }, problems, PLAIN_KINDS);
}

/**
 * What the steps across models read of a model: all of the resolved model, and of its draft the
 * name, the references and the declared associations (resolve-references.ts,
 * resolve-associations.ts; check-schema.ts reads only nodes).
 */
function cacheable({ model, draft }: ModelWithDraft): CachedModel {
  const attributes = draft.attributes
    .filter((attribute) => attribute.references !== undefined)
    .map(({ name, references }) => ({ name, references }));
  return withoutNodes({
    model,
    draft: { name: draft.name, attributes, associations: draft.associations },
  }) as CachedModel;
}

/**
 * A copy without the YAML nodes, which only say where a problem is: a run that finds one reads
 * the whole file again with positions, so a cached model never needs them.
 */
function withoutNodes(value: unknown): unknown {
  if (PLAIN_KINDS.isNode(value)) return null;
  if (Array.isArray(value)) return value.map(withoutNodes);
  if (typeof value !== 'object' || value === null) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNodes(item)]));
}

function reviveEntry(buffer: Buffer): ModelWithDraft | undefined {
  try {
    return deserialize(buffer) as ModelWithDraft;
  } catch {
    return undefined;
  }
}

function readEntries(cache: ModelCache): Entries {
  try {
    const stored = deserialize(readFileSync(cache.file)) as {
      format: number;
      entries: [string, Buffer, string][];
    };
    if (stored.format !== FORMAT || !Array.isArray(stored.entries)) return new Map();
    return new Map(
      stored.entries.map(([key, buffer, signature]) => [key, { buffer: Buffer.from(buffer), signature }]),
    );
  } catch {
    return new Map();
  }
}

function writeEntries(cache: ModelCache, entries: Entries): void {
  try {
    mkdirSync(path.dirname(cache.file), { recursive: true });
    const temporary = `${cache.file}.${process.pid}`;
    const stored = [...entries].map(([key, { buffer, signature }]) => [key, buffer, signature]);
    writeFileSync(temporary, serialize({ format: FORMAT, entries: stored }));
    renameSync(temporary, cache.file);
  } catch {
    // Only a shortcut: the next run parses the models again.
  }
}

function sameKeys(a: Entries, b: Entries): boolean {
  return a.size === b.size && [...b.keys()].every((key) => a.has(key));
}
