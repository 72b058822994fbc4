/** `indexes:` in the YAML schema: what it reads, and every mistake reported where it stands. */
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { model, problemsOf, yaml } from './schema-test-helpers.js';

/** A model User with two attributes and the given `indexes:` lines (line 6 on). */
const userIndexes = (...lines: string[]) =>
  yaml(
    'models:',
    '  User:',
    '    attributes:',
    '      email: STRING',
    '      firstName: STRING',
    '    indexes:',
    ...lines,
  );

test('indexes are read as the runtime option takes them, defaults left out', () => {
  const schema = loadSchemaText(
    userIndexes(
      '      - fields: [email]',
      '        unique: true',
      '      - { fields: [firstName, { attribute: email, order: DESC, operator: text_pattern_ops }], using: GIN }',
      '      - { name: lower_email, fields: [{ expression: lower(email) }], where: "email IS NOT NULL" }',
    ),
    'schema.yaml',
  );
  expect(model(schema, 'User').indexes).toEqual([
    { unique: true, using: 'btree', fields: [{ attribute: 'email' }] },
    {
      unique: false,
      using: 'gin',
      fields: [
        { attribute: 'firstName' },
        { attribute: 'email', order: 'DESC', operator: 'text_pattern_ops' },
      ],
    },
    {
      name: 'lower_email',
      unique: false,
      using: 'btree',
      fields: [{ expression: 'lower(email)' }],
      where: 'email IS NOT NULL',
    },
  ]);
});

test('a model without indexes has none in the IR', () => {
  const schema = loadSchemaText(
    yaml('models:', '  User:', '    attributes:', '      email: STRING'),
    'schema.yaml',
  );
  expect(model(schema, 'User').indexes).toBeUndefined();
});

test('every mistake is reported by line:column, with a did-you-mean', () => {
  expect(
    problemsOf(
      userIndexes(
        '      - { fields: [emial] }',
        '      - { fields: [email], uniqe: true }',
        '      - { fields: [email], using: GINN }',
        '      - { fields: [] }',
        '      - { fields: [{ expression: lower(email) }] }',
        '      - { fields: [{ attribute: email, order: down }] }',
        '      - { name: twice, fields: [email] }',
        '      - { name: twice, fields: [firstName] }',
      ),
    ),
  ).toEqual([
    'schema.yaml:7:20: index field "emial" is not an attribute of model User; did you mean email?',
    'schema.yaml:8:28: unknown key "uniqe" in an index of model User; did you mean unique?',
    'schema.yaml:9:35: using must be one of BTREE, HASH, GIST, SPGIST, GIN, BRIN, not "GINN"; did you mean GIN?',
    'schema.yaml:10:19: an index of model User needs fields: a non-empty list of attribute names',
    'schema.yaml:11:9: an index on an expression needs a name (model User)',
    'schema.yaml:12:47: order must be ASC or DESC, not "down"',
    'schema.yaml:14:9: two indexes of model User are named "twice"',
  ]);
});

test('a view has no indexes, and indexes must be a list', () => {
  expect(
    problemsOf(
      yaml(
        'models:',
        '  Report:',
        '    readOnly: true',
        '    attributes:',
        '      total: INTEGER',
        '    indexes:',
        '      - { fields: [total] }',
      ),
    ),
  ).toEqual([
    'schema.yaml:7:9: model Report is readOnly (a view): sync() never creates it, so it has no indexes; remove indexes:',
  ]);
  expect(problemsOf(userIndexes('      fields: [email]'))).toEqual([
    'schema.yaml:7:7: indexes of model User must be a list',
  ]);
});
