/**
 * A foreign key as the association rules read it: attribute names on both sides, whatever the
 * front end (the catalog's constraints for --from-db, `references` in YAML).
 */
import type { ModelIR, ReferentialAction } from '../ir.js';

export interface ForeignKeyFact {
  /** The model holding the key. */
  readonly model: string;
  /** Its attributes, in the key's column order (several for a composite key). */
  readonly attributes: readonly string[];
  /** The referenced model; absent when the referenced table is not generated. */
  readonly target?: string;
  /** The referenced table, as the database names it (for the note when there is no target). */
  readonly targetTable: string;
  /** The referenced attributes of the target, in the same order (empty without a target). */
  readonly targetAttributes: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}

/** One single-column foreign key per attribute with `references` (the YAML's only kind). */
export function foreignKeysOfReferences(models: readonly ModelIR[]): ForeignKeyFact[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  return models.flatMap((model) =>
    model.attributes.flatMap((attribute): ForeignKeyFact[] => {
      const reference = attribute.references;
      if (reference === undefined) return [];
      const target = reference.model === undefined ? undefined : byName.get(reference.model);
      const key = target?.attributes.find((a) => a.field === reference.key);
      return [
        {
          model: model.name,
          attributes: [attribute.name],
          ...(target && key ? { target: target.name } : {}),
          targetTable: reference.table,
          targetAttributes: key ? [key.name] : [],
          ...(reference.onDelete && { onDelete: reference.onDelete }),
          ...(reference.onUpdate && { onUpdate: reference.onUpdate }),
        },
      ];
    }),
  );
}
