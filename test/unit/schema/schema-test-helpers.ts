import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttributeIR, ModelIR, SchemaIR } from '../../../generator/ir.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { SchemaError } from '../../../generator/schema/schema-error.js';

export const FIXTURES = join(__dirname, 'fixtures');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The problems `text` yields, as the `file:line:column: message` lines the CLI prints. */
export function problemsOf(text: string, path = 'schema.yaml'): string[] {
  try {
    loadSchemaText(text, path);
  } catch (error) {
    if (error instanceof SchemaError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the schema to be refused');
}

/** Lines joined with newlines, so YAML in tests can be written without indentation noise. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export function model(schema: SchemaIR, name: string): ModelIR {
  const found = schema.models.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no model ${name}`);
  return found;
}

export function attribute(m: ModelIR, name: string): AttributeIR {
  const found = m.attributes.find((a) => a.name === name);
  if (found === undefined) throw new Error(`no attribute ${name} in ${m.name}`);
  return found;
}
