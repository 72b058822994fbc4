/**
 * Loading a large schema again after a small edit: only the models whose text changed are parsed.
 *
 * The text is cut into one piece per model (split-models.ts). What a model is on its own (read,
 * resolved with `define:`, checked: one-model.ts's resolveOneModel) is a function of its piece,
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
import { hashOf } from '../file-marks.js';
import type { ModelIR, SchemaIR } from '../ir.js';
import { loadSchemaText, resolveAcrossModels } from './load-schema.js';
import { ProblemCollector } from './problem-collector.js';
import { crossPartOf, signatureOf } from './model-signature.js';
import { cacheable, readChunk, readRest } from './read-piece.js';
import type { EditRecord, RecordedModel } from './edited-models.js';
import type { ModelWithDraft } from './resolve-references.js';
import { splitModels } from './split-models.js';

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
