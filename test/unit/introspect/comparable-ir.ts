/**
 * An IR with what the YAML format cannot say taken out (generator/schema/to-yaml.ts lists it),
 * so that "database → IR → YAML → IR gives the same IR" can be asserted with toEqual.
 */
import type { AttributeIR, DataTypeIR, ModelIR, SchemaIR } from '../../../generator/ir.js';

function plainType(type: DataTypeIR): DataTypeIR {
  if (type.kind === 'ARRAY') return { kind: 'ARRAY', element: plainType(type.element) };
  if (type.kind === 'ENUM') return { kind: 'ENUM', values: type.values };
  return type;
}

function plainAttribute(a: AttributeIR): AttributeIR {
  const {
    generated: _generated,
    domain: _domain,
    checkValues: _checkValues,
    checks: _checks,
    paranoidCandidate: _paranoidCandidate,
    ...rest
  } = a;
  return { ...rest, type: plainType(a.type) };
}

/**
 * A materialized view comes back as a view; a table without a primary key is generated (and
 * written) read-only, so it comes back as a view too.
 */
function plainModel(m: ModelIR): ModelIR {
  const keyless = !m.attributes.some((a) => a.primaryKey);
  // A composite foreign key comes back as single-column references: its note says why not differently.
  const { associationNotes: _notes, ...rest } = m;
  return {
    ...rest,
    kind: m.kind === 'materializedView' || keyless ? 'view' : m.kind,
    attributes: m.attributes.filter((a) => a.origin !== 'auto-primary-key').map(plainAttribute),
  };
}

export function comparableModels(ir: SchemaIR): ModelIR[] {
  return ir.models.map(plainModel);
}
