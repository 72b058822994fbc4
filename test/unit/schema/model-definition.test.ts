/**
 * validate, get/set, virtual, paranoid, hooks and scopes in the YAML schema: what they read into,
 * how --schema-out writes them back, and every mistake reported at its line and column.
 */
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { HOOK_NAMES } from '../../../generator/schema/schema-keys.js';
import { BUILTIN_VALIDATOR_NAMES } from '../../../runtime/validators/builtin-validators.js';
import jsonSchema from '../../../schema.json';
import { attribute, model, problemsOf, yaml } from './schema-test-helpers.js';

/** A model User: `name` (STRING), then the given lines under `    ` (line 5 on). */
const user = (...lines: string[]) =>
  yaml('models:', '  User:', '    attributes:', '      name: STRING', ...lines);

const FULL = user(
  '      email:',
  '        type: STRING',
  '        validate:',
  '          isEmail: true',
  '          len: [3, 320]',
  '          notEmpty: { msg: say something }',
  '          isIn: { args: [[a@b.c, d@e.f]], msg: not on the list }',
  '          isLower: |',
  '            isLower(value: string) {',
  "              if (value !== value.toLowerCase()) throw new Error('lower case, please');",
  '            }',
  '        set: |',
  '          set(value: string) {',
  "            this.setDataValue('email', value.trim());",
  '          }',
  '      label:',
  '        type: STRING',
  '        virtual: [name, email]',
  '        get: |',
  '          get(): string {',
  '            return `${this.name} <${this.email}>`;',
  '          }',
  '    paranoid: true',
  '    deletedAt: removedAt',
  '    hooks:',
  '      beforeCreate: |',
  '        async beforeCreate(user: User) {',
  '          user.name = user.name?.trim() ?? null;',
  '        }',
  '    validate:',
  '      nameOrEmail: |',
  '        nameOrEmail(this: User) {',
  "          if (this.name === null && this.email === null) throw new Error('a name or an email, please');",
  '        }',
  '    defaultScope: { where: { name: [a, b], email: null }, order: [[name, DESC], email] }',
  '    scopes:',
  '      short: { attributes: [name], limit: 3 }',
);

test('reads validators, get/set, virtual, paranoid, hooks and scopes into the IR', () => {
  const User = model(loadSchemaText(FULL, 'schema.yaml'), 'User');
  const email = attribute(User, 'email');
  expect(email.validate).toEqual([
    { name: 'isEmail', args: true },
    { name: 'len', args: [3, 320] },
    { name: 'notEmpty', args: true, msg: 'say something' },
    { name: 'isIn', args: [['a@b.c', 'd@e.f']], msg: 'not on the list' },
    { name: 'isLower', source: expect.stringMatching(/^isLower\(value: string\) \{/) },
  ]);
  expect(email.set).toMatch(/^set\(value: string\)/);
  expect(attribute(User, 'label')).toMatchObject({ virtual: { fields: ['name', 'email'] }, field: 'label' });
  expect(User.options.paranoid).toEqual({ deletedAt: 'removedAt' });
  expect(attribute(User, 'removedAt')).toMatchObject({
    origin: 'timestamp',
    allowNull: true,
    type: { kind: 'DATE' },
  });
  expect(Object.keys(User.hooks!)).toEqual(['beforeCreate']);
  expect(User.validate).toEqual({ nameOrEmail: expect.stringMatching(/^nameOrEmail\(this: User\) \{/) });
  expect(User.defaultScope).toEqual({
    where: { name: ['a', 'b'], email: null },
    order: [
      ['name', 'DESC'],
      ['email', 'ASC'],
    ],
  });
  expect(User.scopes).toEqual({ short: { attributes: ['name'], limit: 3 } });
});

test('--schema-out writes them so that they load back the same', () => {
  const first = loadSchemaText(FULL, 'schema.yaml');
  const written = schemaToYaml(first);
  const again = loadSchemaText(written, 'again.yaml');
  expect(again.models).toEqual(first.models);
  expect(written).toContain('paranoid: true');
  expect(written).not.toMatch(/removedAt:\n\s+type/);
});

test.each<[string, string[], string[]]>([
  [
    'an unknown validator name, with the closest built-in',
    ['      email: { type: STRING, validate: { isEmial: true } }'],
    [
      'schema.yaml:5:42: unknown validator "isEmial" of attribute "email" of model User; did you mean isEmail? (a custom validator is its TypeScript source, isEmial(value) { ... })',
    ],
  ],
  [
    'a custom validator that is not its source',
    ['      email: { type: STRING, validate: { mustBeFun: yes } }'],
    [
      'schema.yaml:5:53: custom validator mustBeFun of attribute "email" of model User must be its TypeScript source, starting mustBeFun(value) { ... } (written as a block, mustBeFun: |)',
    ],
  ],
  [
    'a built-in turned off with false',
    ['      email: { type: STRING, validate: { isEmail: false } }'],
    [
      'schema.yaml:5:51: validator isEmail is false; Sequelize would still run it, so remove the key to turn it off',
    ],
  ],
  [
    'an unknown key in a validator setting',
    ['      email: { type: STRING, validate: { len: { args: [1, 2], message: x } } }'],
    ['schema.yaml:5:63: unknown key "message" in validator len; expected one of: args, msg'],
  ],
  [
    'a getter whose source declares something else',
    ['      email:', '        type: STRING', '        get: |', '          value(): string { return "x"; }'],
    [
      'schema.yaml:7:14: get must be its TypeScript source, declared like a method: get(): Type { return ... } (written as a block, get: |)',
    ],
  ],
  [
    'a virtual field that is not an attribute',
    ['      label: { type: STRING, virtual: [nmae] }'],
    ['schema.yaml:5:39: virtual field "nmae" is not an attribute of model User; did you mean name?'],
  ],
  [
    'a virtual attribute with a column option',
    ['      label: { type: STRING, virtual: true, field: x }'],
    ['schema.yaml:5:39: virtual attribute "label" of model User has no column, so it cannot take field'],
  ],
  [
    'a custom validator named like a built-in',
    [
      '      email:',
      '        type: STRING',
      '        validate:',
      '          isEmail: |',
      '            isEmail(value: string) {}',
    ],
    [
      'schema.yaml:8:11: isEmail is a built-in validator; give the custom one another name (its source must declare that name)',
    ],
  ],
  [
    'an index on a virtual attribute',
    ['      label: { type: STRING, virtual: true }', '    indexes:', '      - fields: [label]'],
    ['schema.yaml:7:18: index field "label" is a virtual attribute of model User: it has no column'],
  ],
  [
    'an unknown hook name',
    ['    hooks:', '      beforeCraete: |', '        beforeCraete() {}'],
    ['schema.yaml:6:7: unknown hook "beforeCraete" in model User; did you mean beforeCreate?'],
  ],
  [
    'a hook whose source is a static method',
    ['    hooks:', '      afterSave: |', '        static afterSave() {}'],
    [
      'schema.yaml:6:18: afterSave must be its TypeScript source, declared like a method: afterSave(instance, options) { ... } (written as a block, afterSave: |)',
    ],
  ],
  [
    'a model validator that is not its source',
    ['    validate:', '      checked: yes'],
    [
      'schema.yaml:6:16: checked must be its TypeScript source, declared like a method: checked(this: User) { ... }, throwing to fail (written as a block, checked: |)',
    ],
  ],
  [
    'a model validator named like an attribute',
    ['    validate:', '      name: |', '        name(this: User) {}'],
    [
      'schema.yaml:6:7: model validator "name" of model User has the name of an attribute, which Sequelize refuses; rename the validator (for example nameIsValid) and the function in its source',
    ],
  ],
  [
    'deletedAt without paranoid',
    ['    deletedAt: gone'],
    [
      'schema.yaml:5:5: deletedAt names the soft-delete attribute of a paranoid model; add paranoid: true or remove it',
    ],
  ],
  [
    'paranoid without timestamps',
    ['    timestamps: false', '    paranoid: true'],
    [
      'schema.yaml:6:5: paranoid needs timestamps (as in Sequelize): remove timestamps: false from model User, or turn createdAt/updatedAt off one by one',
    ],
  ],
  [
    'a scope naming an unknown attribute, an unknown scope key and a bad order',
    ['    defaultScope: { where: { nam: x }, limt: 2 }', '    scopes:', '      bad: { order: [[name, UP]] }'],
    [
      'schema.yaml:5:30: scope attribute "nam" is not an attribute of model User; did you mean name?',
      'schema.yaml:5:40: unknown key "limt" in defaultScope of model User; did you mean limit?',
      'schema.yaml:7:22: order in scope bad of model User must be a list of attribute names or [attribute, ASC|DESC] pairs',
    ],
  ],
])('%s', (_, lines, expected) => {
  expect(problemsOf(user(...lines))).toEqual(expected);
});

test('schema.json lists the runtime built-in validators and the hook names the loader takes', () => {
  const { definitions } = jsonSchema as unknown as {
    definitions: Record<string, { properties: Record<string, { properties: object }> }>;
  };
  expect(Object.keys(definitions.attributeOptions!.properties.validate!.properties)).toEqual(
    BUILTIN_VALIDATOR_NAMES,
  );
  expect(Object.keys(definitions.model!.properties.hooks!.properties)).toEqual([...HOOK_NAMES]);
});

describe('schema.json (the editor) agrees with the loader', () => {
  const validate = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(
    jsonSchema,
  );

  test('accepts every form above', () => {
    expect(validate(parse(FULL))).toBe(true);
  });

  test.each([
    ['an unknown validator', '      email: { type: STRING, validate: { isEmial: true } }'],
    [
      'an unknown key in a validator setting',
      '      email: { type: STRING, validate: { len: { args: [1], message: x } } }',
    ],
    ['virtual: a string', '      label: { type: STRING, virtual: name }'],
    ['an unknown hook', '    hooks: { beforeCraete: "beforeCraete() {}" }'],
    ['a model validator that is not a string', '    validate: { checked: true }'],
    ['an unknown scope key', '    defaultScope: { limt: 2 }'],
    ['a bad order direction', '    scopes: { a: { order: [[name, UP]] } }'],
  ])('refuses %s, as the loader does', (_, line) => {
    expect(validate(parse(user(line)))).toBe(false);
    expect(() => loadSchemaText(user(line), 'schema.yaml')).toThrow();
  });
});
