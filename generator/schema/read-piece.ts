/**
 * One piece of a schema's text (split-models.ts), read on its own: `define:` from the rest of the
 * file, a model from its piece, as the whole file's fast path reads them (js-yaml, then the plain
 * tree) and with the same checks. Shared by the model cache (load-incremental.ts) and the
 * edited-models read (edited-models.ts), which loads only this and not the steps across models.
 */
import { CORE_SCHEMA, load as loadPlainYaml } from 'js-yaml';
import type { ModelIR } from '../ir.js';
import type { SharedOptions } from './model-draft.js';
import { signatureOf, type CachedModel } from './model-signature.js';
import { resolveOneModel } from './one-model.js';
import { plainTree, PLAIN_KINDS } from './plain-tree.js';
import { ProblemCollector } from './problem-collector.js';
import { readDefine, readModel } from './read-model.js';
import type { ModelWithDraft } from './resolve-references.js';
import type { ModelChunk } from './split-models.js';
import { YamlReader } from './yaml-reader.js';

/**
 * One model parsed alone as loadPieces parses it: what edited-models.ts needs of an edited
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
export function readRest(rest: string, problems: ProblemCollector): SharedOptions | undefined {
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
export function readChunk(
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
export function cacheable({ model, draft }: ModelWithDraft): CachedModel {
  const attributes = draft.attributes
    .filter((attribute) => attribute.references !== undefined)
    .map(({ name, references }) => ({ name, references }));
  // The model holds no nodes (only the draft does): copying it too cost ~80 ms on 1,000 models.
  const draftPart = withoutNodes({ name: draft.name, attributes, associations: draft.associations });
  return { model, draft: draftPart };
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
