import type { Node } from 'yaml';
import type { DataTypeIR } from '../ir.js';
import { findEnum, withEnumValues } from './enum-values.js';
import { parseType } from './parse-type.js';
import type { Entry, YamlReader } from './yaml-reader.js';

/**
 * Reads an attribute's `type` (and `values` for an ENUM), reporting what is wrong at the
 * character it is wrong at. Undefined when the type is unusable.
 */
export function readType(
  typeNode: Node | null,
  valuesEntry: Entry | undefined,
  reader: YamlReader,
): DataTypeIR | undefined {
  const text = reader.scalarValue(typeNode);
  if (typeof text !== 'string') {
    reader.problems.add(typeNode, 'type must be a type name such as STRING, INTEGER or ENUM');
    return undefined;
  }
  const parsed = parseType(text);
  if (!parsed.ok) {
    reader.problems.add(typeNode, parsed.message, parsed.offset + quoteWidth(typeNode));
    return undefined;
  }
  return attachEnumValues(parsed.type, typeNode!, valuesEntry, reader);
}

/** Offset of the text inside a quoted scalar, so positions inside the type stay exact. */
function quoteWidth(node: Node | null): number {
  const style = (node as { type?: string } | null)?.type;
  return style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' ? 1 : 0;
}

function attachEnumValues(
  type: DataTypeIR,
  typeNode: Node,
  valuesEntry: Entry | undefined,
  reader: YamlReader,
): DataTypeIR | undefined {
  const enumType = findEnum(type);
  if (valuesEntry === undefined) {
    if (enumType === undefined || enumType.values.length > 0) return type;
    reader.problems.add(typeNode, "ENUM needs values: add values: [a, b] or write ENUM('a', 'b')");
    return undefined;
  }
  if (enumType === undefined) {
    reader.problems.add(
      valuesEntry.keyNode,
      'values is only for ENUM and ARRAY(ENUM) types; remove it or change the type to ENUM',
    );
    return undefined;
  }
  if (enumType.values.length > 0) {
    reader.problems.add(
      valuesEntry.keyNode,
      "the ENUM values are given twice; keep either ENUM('a', ...) or values:",
    );
    return undefined;
  }
  const values = readEnumValues(valuesEntry, reader);
  return values === undefined ? undefined : withEnumValues(type, values);
}

/** `values: [a, b]`: a non-empty list of distinct strings. */
function readEnumValues(entry: Entry, reader: YamlReader): string[] | undefined {
  if (!reader.isSequence(entry.value)) {
    reader.problems.add(
      entry.value ?? entry.keyNode,
      'values must be a list of strings, e.g. values: [red, green]',
    );
    return undefined;
  }
  if (entry.value.items.length === 0) {
    reader.problems.add(entry.value, 'values is empty; an ENUM needs at least one value');
    return undefined;
  }
  const values: string[] = [];
  let valid = true;
  for (const item of entry.value.items) {
    const node = reader.resolve(item);
    const value = reader.scalarValue(node);
    if (typeof value !== 'string') {
      reader.problems.add(
        node ?? entry.value,
        `ENUM values must be strings; quote ${JSON.stringify(value) ?? 'it'} as '${String(value)}'`,
      );
      valid = false;
    } else if (values.includes(value)) {
      reader.problems.add(node, `ENUM value "${value}" is listed twice; remove one`);
      valid = false;
    } else {
      values.push(value);
    }
  }
  return valid ? values : undefined;
}
