import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MODEL_MEMBER_NAMES } from '../../../runtime/model-members.js';
import { RESERVED_CLASS_NAMES, RESERVED_WORDS, TAKEN_CLASS_NAMES } from '../../../generator/identifiers.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import {
  ATTRIBUTE_KEYS,
  DEFINE_KEYS,
  MODEL_KEYS,
  REFERENCES_KEYS,
  REFERENTIAL_ACTIONS,
  TOP_LEVEL_KEYS,
} from '../../../generator/schema/schema-keys.js';
import { TYPE_NAMES } from '../../../generator/schema/type-specs.js';
import { fixtureText, yaml } from './schema-test-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const jsonSchema = JSON.parse(readFileSync(join(__dirname, '../../../schema.json'), 'utf8'));
const validate = new Ajv({
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  allErrors: true,
}).compile(jsonSchema);
const definitions = jsonSchema.definitions;

const acceptedByEditor = (text: string) => validate(parse(text)) === true;
const acceptedByLoader = (text: string) => {
  try {
    loadSchemaText(text, 's.yaml');
    return true;
  } catch {
    return false;
  }
};

describe('schema.json accepts what the loader accepts', () => {
  test.each(['example.yaml', 'all-types.yaml', '../../../../example-schema.yaml'])('fixture %s', (name) => {
    const text = fixtureText(name);
    expect(acceptedByLoader(text)).toBe(true);
    const valid = validate(parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test.each([
    yaml('define: { createdAt: created, underscored: true }', 'models:', '  A:', '    attributes:'),
    yaml(
      'models:',
      '  A:',
      '    attributes:',
      '      a: { type: JSONB, defaultValue: { value: { x: [1] } } }',
      '      b: { type: DATE, defaultValue: { sql: now() } }',
    ),
    yaml(
      'models:',
      '  A:',
      '    attributes:',
      "      a: \"ENUM('x', 'y')\"",
      '      b: { type: "ARRAY(ENUM)", values: [p] }',
      '      c: ARRAY(ARRAY(DECIMAL(10,2)))',
    ),
    yaml('define:', 'models:', '  A:', '    attributes: { a: STRING }', '    methods:', '    getters:'),
    yaml('models:', '  Größe:', '    attributes:', '      höhe: INTEGER', '      $raw: JSONB'),
  ])('inline %#', (text) => {
    expect(acceptedByLoader(text)).toBe(true);
    expect(acceptedByEditor(text)).toBe(true);
  });
});

describe('schema.json refuses what the loader refuses', () => {
  const one = (...attributeLines: string[]) =>
    yaml('models:', '  User:', '    attributes:', ...attributeLines);
  test.each([
    ['no models', yaml('define: {}')],
    ['an unknown top-level key', yaml('modles: {}')],
    ['an unknown model key', yaml('models:', '  User:', '    tablename: x', '    attributes: {}')],
    ['an unknown attribute key', one('      a: { type: STRING, allownull: true }')],
    ['an unknown type', one('      a: string')],
    ['wrong type arguments', one("      a: DECIMAL('x')")],
    ['values on a non-ENUM', one('      a: { type: STRING, values: [a] }')],
    ['empty ENUM values', one('      a: { type: ENUM, values: [] }')],
    ['duplicate ENUM values', one('      a: { type: ENUM, values: [a, a] }')],
    ['an attribute named like a Model member', one('      save: STRING')],
    ['an attribute named with a reserved word', one('      class: STRING')],
    ['an invalid attribute name', one('      first-name: STRING')],
    ['a model named index', yaml('models:', '  Index:', '    attributes: { a: STRING }')],
    ['a model named Date', yaml('models:', '  Date:', '    attributes: { a: STRING }')],
    [
      'a lowercase onDelete',
      one('      a: { type: INTEGER, references: { model: User }, onDelete: cascade }'),
    ],
    ['onDelete without references', one('      a: { type: INTEGER, onDelete: CASCADE }')],
    [
      'references to model and table',
      one('      a: { type: INTEGER, references: { model: User, table: t } }'),
    ],
    ['references to a table without key', one('      a: { type: INTEGER, references: { table: t } }')],
    ['a bad createdAt', yaml('models:', '  User:', '    createdAt: 3', '    attributes: { a: STRING }')],
    ['a bad unique', one('      a: { type: STRING, unique: 3 }')],
    ['a mapping default that is not sql or value', one('      a: { type: JSONB, defaultValue: { a: 1 } }')],
  ])('%s', (_, text) => {
    expect(acceptedByLoader(text)).toBe(false);
    expect(acceptedByEditor(text)).toBe(false);
  });
});

describe('schema.json and the loader list the same names', () => {
  const keysOf = (definition: any) => Object.keys(definition.properties);

  test('keys at every level', () => {
    expect(keysOf(jsonSchema)).toEqual([...TOP_LEVEL_KEYS]);
    expect(keysOf(definitions.define)).toEqual([...DEFINE_KEYS]);
    expect(keysOf(definitions.model)).toEqual([...MODEL_KEYS]);
    expect(keysOf(definitions.attributeOptions)).toEqual([...ATTRIBUTE_KEYS]);
    expect(keysOf(definitions.attributeOptions.properties.references)).toEqual([...REFERENCES_KEYS]);
    expect(definitions.attributeOptions.properties.onDelete.enum).toEqual([...REFERENTIAL_ACTIONS]);
  });

  test('the names an attribute, a method or a getter may not take', () => {
    const expected = new Set([...MODEL_MEMBER_NAMES, ...RESERVED_WORDS]);
    expect(new Set(definitions.model.properties.attributes.propertyNames.not.enum)).toEqual(expected);
    expect(new Set(definitions.model.properties.methods.propertyNames.not.enum)).toEqual(expected);
    expect(new Set(definitions.model.properties.getters.propertyNames.not.enum)).toEqual(expected);
  });

  test('the names a model may not take', () => {
    const refused = jsonSchema.properties.models.propertyNames.not.anyOf[0].enum;
    expect(new Set(refused)).toEqual(
      new Set([...RESERVED_WORDS, ...RESERVED_CLASS_NAMES, ...TAKEN_CLASS_NAMES]),
    );
  });

  test('every type name matches the type pattern', () => {
    const pattern = new RegExp(definitions.attributeOptions.properties.type.pattern, 'u');
    const written: Record<string, string> = { ARRAY: 'ARRAY(TEXT)', CUSTOM: "CUSTOM('interval')" };
    for (const name of TYPE_NAMES) expect([name, pattern.test(written[name] ?? name)]).toEqual([name, true]);
  });
});
