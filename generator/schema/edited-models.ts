/**
 * The fastest way to read a schema after a small edit: parse only the models whose text changed,
 * and nothing else at all, when the edit cannot have changed any other model.
 *
 * load-incremental.ts leaves a record of the schema it read (EditRecord): each model's piece of
 * text (by hash), its signature (what the steps across models see of it, model-signature.ts) and
 * what those steps added to it. A later run whose text differs only inside some models' pieces
 * parses those pieces alone; when each one's signature is the one recorded, the steps across
 * models would give every model what they gave it before, so the edited models are their new
 * resolved form with the recorded additions put back, and every other model is exactly as the
 * recorded run left it (its file need not even be rendered). Anything else — a model added,
 * removed, renamed or moved, `define:` or a top-level comment edited, a signature changed, a
 * piece that does not parse alone or has a problem — gives undefined, and the caller reads the
 * schema as before (load-incremental.ts), so the output is the same either way.
 */
import { hashOf } from '../file-marks.js';
import type { ModelIR } from '../ir.js';
import { loadOnePiece } from './read-piece.js';
import { withCrossPart, type CrossPart } from './model-signature.js';
import { splitModels } from './split-models.js';

/** One model of the recorded run, in file order. */
export interface RecordedModel {
  /** Hash of the piece's text with the rest of the file (load-incremental.ts's cache key). */
  readonly piece: string;
  readonly name: string;
  readonly signature: string;
  readonly cross: CrossPart;
}

export interface EditRecord {
  /** Hash of the generator (salt) and the file without its models. */
  readonly restHash: string;
  readonly models: readonly RecordedModel[];
}

export interface EditedModels {
  /** The edited models as the whole read would give them. */
  readonly models: readonly ModelIR[];
  /** The record of this text, for the next run. */
  readonly record: EditRecord;
}

/** The models `text` changed since `record`, when only they changed (see above); else undefined. */
export function loadEditedModels(
  text: string,
  schemaPath: string,
  record: EditRecord,
  salt: string,
): EditedModels | undefined {
  const split = splitModels(text);
  if (split === undefined || split.models.length !== record.models.length) return undefined;
  const restHash = hashOf(salt, split.rest);
  if (restHash !== record.restHash) return undefined;
  const models: ModelIR[] = [];
  const recorded: RecordedModel[] = [];
  for (const [index, chunk] of split.models.entries()) {
    const before = record.models[index]!;
    const piece = hashOf(restHash, chunk.text);
    if (piece === before.piece) {
      recorded.push(before);
      continue;
    }
    if (chunk.name !== before.name) return undefined;
    const loaded = loadOnePiece(chunk, split.rest, schemaPath);
    if (loaded === undefined || loaded.signature !== before.signature) return undefined;
    models.push(withCrossPart(loaded.own, before.cross));
    recorded.push({ ...before, piece });
  }
  return { models, record: { restHash, models: recorded } };
}
