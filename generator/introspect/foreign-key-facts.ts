/** The catalog's FOREIGN KEY constraints as the association rules read them (attribute names). */
import type { ForeignKeyFact } from '../associations/foreign-keys.js';
import type { ModelIR, ReferentialAction } from '../ir.js';
import type { ConstraintRow } from '../../runtime/catalog/catalog-rows.js';

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
  r: 'RESTRICT',
};

/**
 * `constraintsOf(model)` gives the model's constraints, `modelOfOid` the model of a referenced
 * relation; keys are listed by model, then constraint name.
 */
export function foreignKeyFacts(
  models: readonly ModelIR[],
  constraintsOf: (model: ModelIR) => readonly ConstraintRow[],
  modelOfOid: (oid: string) => ModelIR | undefined,
): ForeignKeyFact[] {
  return models.flatMap((model) =>
    constraintsOf(model)
      .filter((con) => con.type === 'f' && con.referenced_table)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((con) => {
        const target = con.referenced_oid ? modelOfOid(con.referenced_oid) : undefined;
        const attributeOf = (m: ModelIR, field: string) => m.attributes.find((a) => a.field === field)?.name;
        const targetAttributes = target
          ? (con.referenced_columns ?? []).map((field) => attributeOf(target, field))
          : [];
        const mapped = targetAttributes.every((a): a is string => a !== undefined);
        const onDelete = con.on_delete ? ACTIONS[con.on_delete] : undefined;
        const onUpdate = con.on_update ? ACTIONS[con.on_update] : undefined;
        return {
          model: model.name,
          attributes: con.columns.map((field) => attributeOf(model, field) ?? field),
          ...(target && mapped && { target: target.name }),
          targetTable: con.referenced_schema
            ? `${con.referenced_schema}.${con.referenced_table}`
            : con.referenced_table!,
          targetAttributes: mapped ? targetAttributes : [],
          ...(onDelete && { onDelete }),
          ...(onUpdate && { onUpdate }),
        };
      }),
  );
}
