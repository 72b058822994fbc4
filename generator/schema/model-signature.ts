/**
 * What the steps across models (load-schema.ts's resolveAcrossModels: names and tables checked,
 * references resolved, associations derived and named) see of one model, and what they add to it.
 *
 * A model's signature is a hash of its resolved model and draft without the parts no step across
 * models reads: comments, method and getter bodies (their names stay: association names avoid
 * them), validators, hooks, scopes, indexes, attribute get/set sources. When an edit leaves every
 * model's signature as it was, the steps across models give every model what they gave it before;
 * so an edited model is its new resolved form with the previous run's additions put back
 * (withCrossPart), and no other model changes at all (edited-models.ts relies on this).
 *
 * The list of parts left out is the contract with those steps: a step that starts reading one of
 * them must take it out of the list. test/integration/regeneration/edited-models.test.ts edits
 * each part in turn and checks that the result is what the full read gives.
 */
import type { AssociationIR, AttributeIR, ModelIR, ReferenceIR } from '../ir.js';
import { hashOf } from '../file-marks.js';

/** A model as the model cache stores it (load-incremental.ts's cacheable form, no YAML nodes). */
export interface CachedModel {
  readonly model: ModelIR;
  readonly draft: unknown;
}

/** What the steps across models added to one model. */
export interface CrossPart {
  /** Resolved `references`, by attribute name, where they differ from the model's own. */
  readonly references?: Readonly<Record<string, ReferenceIR>>;
  readonly associations?: readonly AssociationIR[];
  readonly associationNotes?: readonly string[];
}

/** Model keys no step across models reads. */
const MODEL_PARTS_NOT_READ = new Set(['comment', 'hooks', 'validate', 'defaultScope', 'scopes', 'indexes']);
/** Attribute keys no step across models reads. */
const ATTRIBUTE_PARTS_NOT_READ = new Set(['comment', 'validate', 'checks', 'get', 'set']);

export function signatureOf({ model, draft }: CachedModel): string {
  return hashOf(seenModel(model), draft);
}

function seenModel(model: ModelIR): unknown {
  const seen: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) {
    if (MODEL_PARTS_NOT_READ.has(key)) continue;
    if (key === 'attributes') seen[key] = model.attributes.map(seenAttribute);
    else if (key === 'members') seen[key] = model.members.map(({ name, kind }) => ({ name, kind }));
    else seen[key] = value;
  }
  return seen;
}

function seenAttribute(attribute: AttributeIR): unknown {
  const seen: Record<string, unknown> = {};
  for (const key in attribute) {
    if (!ATTRIBUTE_PARTS_NOT_READ.has(key)) seen[key] = attribute[key as keyof AttributeIR];
  }
  return seen;
}

/** What `final` (after the steps across models) has that `own` (the model alone) had not. */
export function crossPartOf(own: ModelIR, final: ModelIR): CrossPart {
  const references: Record<string, ReferenceIR> = {};
  final.attributes.forEach((attribute, index) => {
    const before = own.attributes[index]?.references;
    if (attribute.references !== undefined && attribute.references !== before)
      references[attribute.name] = attribute.references;
  });
  return {
    ...(Object.keys(references).length > 0 && { references }),
    ...(final.associations !== undefined && { associations: final.associations }),
    ...(final.associationNotes !== undefined && { associationNotes: final.associationNotes }),
  };
}

/**
 * The model as the steps across models leave it, built as they build it (resolve-references.ts,
 * then derive-associations.ts): the same keys in the same order, so its fingerprint is the same.
 */
export function withCrossPart(own: ModelIR, part: CrossPart): ModelIR {
  const referenced: ModelIR = {
    ...own,
    attributes: own.attributes.map((attribute) => {
      const resolved = part.references?.[attribute.name];
      return resolved === undefined ? attribute : { ...attribute, references: resolved };
    }),
  };
  return {
    ...referenced,
    ...(part.associations !== undefined && { associations: part.associations }),
    ...(part.associationNotes !== undefined && { associationNotes: part.associationNotes }),
  };
}
