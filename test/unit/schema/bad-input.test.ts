import { SchemaError } from '../../../generator/schema/schema-error.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { problemsOf, yaml } from './schema-test-helpers.js';

/** A schema with one model User whose attributes are the given lines (line 4 on). */
const userWith = (...attributeLines: string[]) =>
  yaml('models:', '  User:', '    attributes:', ...attributeLines);

describe('YAML itself', () => {
  test('a syntax error is reported with its position', () => {
    const problems = problemsOf(yaml('models:', '  User: { attributes: [', 'oops: 1'));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^schema\.yaml:\d+:\d+: YAML syntax error: /);
    expect(problemsOf(yaml('models:', '  User:', '    attributes:', '      a: "unterminated'))[0]).toMatch(
      /^schema\.yaml:5:1: YAML syntax error: Missing closing "quote/,
    );
  });

  test('a duplicate key is an error, and the rest of the file is still checked', () => {
    expect(problemsOf(userWith('      a: STRING', '      a: INTEGER', '      b: bad_type'))).toEqual([
      'schema.yaml:5:7: duplicate key "a"; each key may appear once in a mapping',
      expect.stringMatching(/^schema\.yaml:6:10: unknown type "bad_type"; expected one of STRING, CHAR, /),
    ]);
  });

  test('the top level must be a mapping', () => {
    expect(problemsOf(yaml('- User', '- Post'))).toEqual([
      'schema.yaml:1:1: the schema must be a mapping with a models: key (and optionally define:)',
    ]);
    expect(problemsOf('')).toEqual([
      'schema.yaml:1:1: the schema must be a mapping with a models: key (and optionally define:)',
    ]);
  });
});

describe('structure', () => {
  test('no models', () => {
    expect(problemsOf(yaml('define:', '  underscored: true'))).toEqual([
      'schema.yaml:1:1: the schema has no models: key; add models: with at least one model',
    ]);
    expect(problemsOf(yaml('models: {}'))).toEqual([
      'schema.yaml:1:9: models is empty; add at least one model',
    ]);
    expect(problemsOf(yaml('define:', 'models:'))).toEqual([
      'schema.yaml:2:8: models is empty; add at least one model',
    ]);
    expect(problemsOf(yaml('models:', '  User:'))).toEqual([
      'schema.yaml:2:3: model User has no attributes; add attributes: with at least one attribute',
    ]);
  });

  test('unknown key at the top level', () => {
    expect(problemsOf(yaml('models:', '  User:', '    attributes: { a: STRING }', 'defnie: {}'))).toEqual([
      'schema.yaml:4:1: unknown key "defnie" at the top level; did you mean define?',
    ]);
  });

  test('unknown key in define', () => {
    expect(
      problemsOf(
        yaml('define:', '  freezeTablename: true', 'models:', '  User:', '    attributes: { a: STRING }'),
      ),
    ).toEqual(['schema.yaml:2:3: unknown key "freezeTablename" in define; did you mean freezeTableName?']);
  });

  test('unknown key in a model', () => {
    expect(
      problemsOf(yaml('models:', '  User:', '    tablename: users', '    attributes: { a: STRING }')),
    ).toEqual(['schema.yaml:3:5: unknown key "tablename" in model User; did you mean tableName?']);
  });

  test('unknown key in an attribute', () => {
    expect(problemsOf(userWith('      a: { type: STRING, allownull: false }'))).toEqual([
      'schema.yaml:4:26: unknown key "allownull" in attribute "a" of model User; did you mean allowNull?',
    ]);
  });

  test('an unknown key with nothing close lists the known ones', () => {
    expect(problemsOf(userWith('      a: { type: STRING, xyzzy: {} }'))).toEqual([
      'schema.yaml:4:26: unknown key "xyzzy" in attribute "a" of model User; expected one of: type, values, allowNull, defaultValue, primaryKey, autoIncrement, unique, comment, field, references, onDelete, onUpdate, validate, get, set, virtual',
    ]);
  });

  test('unknown key in references', () => {
    expect(problemsOf(userWith('      a: { type: INTEGER, references: { modle: User } }'))).toEqual(
      [
        'schema.yaml:4:41: unknown key "modle" in references of attribute "a" of model User; did you mean model?',
        'schema.yaml:4:39: references needs model: <Model> or table: <table> with key: <column>',
      ].sort(),
    );
  });

  test('models that is not a mapping, and keys that are not names', () => {
    expect(problemsOf(yaml('models: [User]'))).toEqual(['schema.yaml:1:9: models must be a mapping']);
    expect(problemsOf(yaml('models:', '  [A, B]: {}', '  User:', '    attributes: { a: STRING }'))).toEqual([
      'schema.yaml:2:3: keys must be plain names',
    ]);
  });

  test('values of the wrong shape', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    freezeTableName: yes',
          '    tableName: 3',
          '    attributes:',
          '      a: [STRING]',
          '      b: { allowNull: false }',
          '      c: { type: STRING, unique: 3 }',
          '  Empty:',
          '    comment: x',
          '  NotMap: 3',
        ),
      ),
    ).toEqual([
      'schema.yaml:3:22: freezeTableName must be true or false, not "yes"',
      'schema.yaml:4:16: tableName must be a non-empty string, not 3',
      'schema.yaml:6:10: attribute "a" of model User must be a type (e.g. STRING) or a mapping with a type: key',
      'schema.yaml:7:7: attribute "b" of model User has no type; add type: STRING (or another type)',
      'schema.yaml:8:34: unique must be true, false, or the name of a composite unique key',
      'schema.yaml:9:3: model Empty has no attributes; add attributes: with at least one attribute',
      'schema.yaml:11:11: model NotMap must be a mapping',
    ]);
  });
});

describe('types', () => {
  test('unknown type, with a did-you-mean suggestion pointing at the type', () => {
    expect(
      problemsOf(userWith('      a: string', '      b: { type: VARCHAR(10) }', '      c: ARRAY(INTEGR)')),
    ).toEqual([
      'schema.yaml:4:10: unknown type "string"; did you mean STRING?',
      'schema.yaml:5:18: unknown type "VARCHAR"; did you mean STRING?',
      'schema.yaml:6:16: unknown type "INTEGR"; did you mean INTEGER?',
    ]);
  });

  test('wrong argument kind or count', () => {
    expect(
      problemsOf(
        userWith(
          "      a: DECIMAL('x')",
          '      b: DECIMAL(1,2,3)',
          '      c: INTEGER(11)',
          '      d: STRING.FOO',
          '      e: ARRAY()',
          '      f: "TEXT(\'huge\')"',
          '      g: CUSTOM(interval)',
        ),
      ),
    ).toEqual([
      "schema.yaml:4:18: DECIMAL takes whole numbers from 1, got 'x'; write DECIMAL, DECIMAL(precision) or DECIMAL(precision, scale)",
      'schema.yaml:5:22: DECIMAL takes at most 2 arguments; write DECIMAL, DECIMAL(precision) or DECIMAL(precision, scale)',
      'schema.yaml:6:18: INTEGER takes no arguments; write INTEGER',
      'schema.yaml:7:17: unknown modifier ".FOO" on STRING; write STRING, STRING(length), STRING.BINARY or STRING(length).BINARY',
      'schema.yaml:8:16: ARRAY needs an element type; write ARRAY(type), e.g. ARRAY(TEXT)',
      "schema.yaml:9:16: TEXT takes 'tiny', 'medium' or 'long', got 'huge'; write TEXT or TEXT('tiny' | 'medium' | 'long')",
      "schema.yaml:10:17: CUSTOM takes the PostgreSQL type as a quoted string, got interval; write CUSTOM('sql type'), e.g. CUSTOM('interval')",
    ]);
  });

  test('unbalanced parentheses', () => {
    expect(problemsOf(userWith('      a: STRING(10'))).toEqual([
      'schema.yaml:4:19: expected "," or ")" after the arguments of STRING, got "the end"',
    ]);
  });

  test('ENUM without values', () => {
    expect(problemsOf(userWith('      a: ENUM', '      b: ARRAY(ENUM)'))).toEqual([
      "schema.yaml:4:10: ENUM needs values: add values: [a, b] or write ENUM('a', 'b')",
      "schema.yaml:5:10: ENUM needs values: add values: [a, b] or write ENUM('a', 'b')",
    ]);
  });

  test('ENUM with empty, duplicate or non-string values', () => {
    expect(
      problemsOf(
        userWith(
          '      a: { type: ENUM, values: [] }',
          '      b: { type: ENUM, values: [x, y, x] }',
          "      c: ENUM('p', 'p')",
          '      d: { type: ENUM, values: [1, x] }',
          "      e: { type: ENUM('a'), values: [a] }",
        ),
      ),
    ).toEqual([
      'schema.yaml:4:32: values is empty; an ENUM needs at least one value',
      'schema.yaml:5:39: ENUM value "x" is listed twice; remove one',
      "schema.yaml:6:20: ENUM value 'p' is listed twice; remove one",
      "schema.yaml:7:33: ENUM values must be strings; quote 1 as '1'",
      "schema.yaml:8:29: the ENUM values are given twice; keep either ENUM('a', ...) or values:",
    ]);
  });

  test('values on a type that is not an ENUM', () => {
    expect(problemsOf(userWith('      a: { type: STRING, values: [a] }'))).toEqual([
      'schema.yaml:4:26: values is only for ENUM and ARRAY(ENUM) types; remove it or change the type to ENUM',
    ]);
  });
});

describe('CUSTOM types', () => {
  test('text that is more than a type name is refused, so nothing can be spliced into CREATE TABLE', () => {
    const problems = problemsOf(
      userWith('      a: "CUSTOM(\'int, z int GENERATED ALWAYS AS (pg_backend_pid()) STORED\')"'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^schema\.yaml:4:\d+: CUSTOM\('int, z int GENERATED .*'\) is not a PostgreSQL type name; write a type such as 'interval'/,
    );
    expect(problemsOf(userWith('      a: "CUSTOM(\'text -- note\')"'))).toHaveLength(1);
    const valid = loadSchemaText(userWith('      a: "CUSTOM(\'time(3) without time zone\')"'), 'schema.yaml');
    expect(valid.models[0].attributes.find((a) => a.name === 'a')?.type).toEqual({
      kind: 'CUSTOM',
      sql: 'time(3) without time zone',
    });
  });
});

describe('model names', () => {
  test('two models whose names differ only in case', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    attributes: { a: STRING }',
          '  user:',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:4:3: model names "User" and "user" differ only in case; their files would be one on case-insensitive file systems; rename one',
    ]);
  });

  test("a model named like another model's generated types", () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    attributes: { a: STRING }',
          '  UserAttributes:',
          '    attributes: { a: STRING }',
          '  UserCreationAttributes:',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:4:3: model name "UserAttributes" is the name of model User\'s generated Attributes type; rename the model and keep its table with tableName:',
      'schema.yaml:6:3: model name "UserCreationAttributes" is the name of model User\'s generated CreationAttributes type; rename the model and keep its table with tableName:',
    ]);
  });

  test('index and runtime, in any case', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  Index:',
          '    attributes: { a: STRING }',
          '  RUNTIME:',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:2:3: model name "Index" is taken by the generated index.ts; rename the model (e.g. IndexEntry) and keep its table with tableName:',
      'schema.yaml:4:3: model name "RUNTIME" is taken by the generated runtime.ts; rename the model (e.g. RUNTIMEEntry) and keep its table with tableName:',
    ]);
  });

  test('not a valid identifier, a reserved word, or a name the generated code uses', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  my-model:',
          '    attributes: { a: STRING }',
          '  class:',
          '    attributes: { a: STRING }',
          '  Date:',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:2:3: model name "my-model" is not a valid TypeScript class name; use letters, digits and _ (e.g. MyModel)',
      'schema.yaml:4:3: model name "class" is a reserved word; use a PascalCase name such as Class',
      'schema.yaml:6:3: model name "Date" would shadow Date in the generated code; rename the model (e.g. DateRecord) and keep its table with tableName:',
    ]);
  });

  test('two models mapping to one table', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    attributes: { a: STRING }',
          '  Member:',
          '    tableName: Users',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:5:16: models User and Member both map to table "Users"; give one of them another tableName:',
    ]);
  });

  test('one table name in two schemas is fine, in one schema it is not', () => {
    const twoSchemas = yaml(
      'models:',
      '  A:',
      '    tableName: t',
      '    schema: one',
      '    attributes: { a: STRING }',
      '  B:',
      '    tableName: t',
      '    schema: two',
      '    attributes: { a: STRING }',
      '  C:',
      '    tableName: t',
      '    schema: two',
      '    attributes: { a: STRING }',
    );
    expect(problemsOf(twoSchemas)).toEqual([
      'schema.yaml:11:16: models B and C both map to table "two"."t"; give one of them another tableName:',
    ]);
  });
});

describe('attribute names', () => {
  test('collides with a Model method', () => {
    expect(problemsOf(userWith('      save: STRING'))).toEqual([
      'schema.yaml:4:7: attribute "save" of model User collides with the Model method save(); rename it (e.g. "saveValue") and keep the column with field: save',
    ]);
  });

  test('collides with a Model property; the fix keeps the column named by field', () => {
    expect(
      problemsOf(userWith('      dataValues: JSON', '      toJSON: { type: STRING, field: json }')),
    ).toEqual([
      'schema.yaml:4:7: attribute "dataValues" of model User collides with the Model property dataValues; rename it (e.g. "dataValuesValue") and keep the column with field: dataValues',
      'schema.yaml:5:7: attribute "toJSON" of model User collides with the Model method toJSON(); rename it (e.g. "toJSONValue") and keep the column with field: json',
    ]);
  });

  test('not a valid identifier', () => {
    expect(problemsOf(userWith('      first-name: STRING'))).toEqual([
      'schema.yaml:4:7: attribute "first-name" of model User is not a valid TypeScript identifier; rename it (e.g. "firstName") and keep the column with field: first-name',
    ]);
  });

  test('a reserved word', () => {
    expect(problemsOf(userWith('      class: STRING'))).toEqual([
      'schema.yaml:4:7: attribute "class" of model User is a reserved word; rename it (e.g. "classValue") and keep the column with field: class',
    ]);
  });

  test('two attributes mapping to one column, the automatic id included', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    underscored: true',
          '    attributes:',
          '      firstName: STRING',
          '      first_name: STRING',
          '      other: { type: STRING, field: id }',
        ),
      ),
    ).toEqual([
      'schema.yaml:6:7: attributes "firstName" and "first_name" of model User both map to column "first_name"; give one of them another field:',
      'schema.yaml:7:7: attributes "id" (the automatic primary key) and "other" of model User both map to column "id"; give one of them another field:',
    ]);
  });

  test('an attribute mapping to a timestamp column', () => {
    expect(problemsOf(userWith('      made: { type: DATE, field: createdAt }'))).toEqual([
      'schema.yaml:4:7: attributes "made" and "createdAt" (a timestamp) of model User both map to column "createdAt"; give one of them another field:',
    ]);
  });

  test('id that is not the primary key when none is declared', () => {
    expect(problemsOf(userWith('      id: INTEGER', '      name: STRING'))).toEqual([
      'schema.yaml:4:7: attribute "id" of model User is not marked primaryKey: true, but no other attribute is a primary key; add primaryKey: true to it, or rename it and let the automatic id be the primary key',
    ]);
  });

  test('a declared timestamp attribute that is not a DATE', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  User:',
          '    updatedAt: modified',
          '    attributes:',
          '      createdAt: STRING',
          '      modified: INTEGER',
        ),
      ),
    ).toEqual([
      'schema.yaml:5:18: attribute "createdAt" of model User is the createdAt timestamp, which the runtime fills with a Date, but its type is STRING; make it DATE, or rename the timestamp (createdAt: <name>) or turn it off (createdAt: false)',
      'schema.yaml:6:17: attribute "modified" of model User is the updatedAt timestamp, which the runtime fills with a Date, but its type is INTEGER; make it DATE, or rename the timestamp (updatedAt: <name>) or turn it off (updatedAt: false)',
    ]);
  });

  test('a primary key that allows null', () => {
    expect(problemsOf(userWith('      a: { type: INTEGER, primaryKey: true, allowNull: true }'))).toEqual([
      'schema.yaml:4:7: attribute "a" of model User is a primary key, which cannot be null; remove allowNull: true',
    ]);
  });
});

describe('timestamp options', () => {
  test('createdAt/updatedAt neither false nor a valid identifier', () => {
    expect(
      problemsOf(
        yaml(
          'define:',
          '  createdAt: 12',
          'models:',
          '  User:',
          "    createdAt: 'created at'",
          '    updatedAt: save',
          '    attributes: { a: STRING }',
        ),
      ),
    ).toEqual([
      'schema.yaml:2:14: createdAt must be false (no createdAt attribute), true (named createdAt) or an attribute name',
      'schema.yaml:5:16: createdAt "created at" of model User is not a valid TypeScript identifier; use false, true or an attribute name such as "createdAt"',
      'schema.yaml:6:16: updatedAt "save" of model User collides with the Model method save(); use false, true or an attribute name such as "saveValue"',
    ]);
  });

  test('a bad name in define is reported once, at define', () => {
    expect(
      problemsOf(
        yaml('define:', '  updatedAt: class', 'models:', '  User:', '    attributes: { a: STRING }'),
      ),
    ).toEqual([
      'schema.yaml:2:14: updatedAt "class" in define is a reserved word; use false, true or an attribute name such as "classValue"',
    ]);
  });
});

describe('autoIncrement', () => {
  test('on a non-integer type', () => {
    expect(problemsOf(userWith('      a: { type: STRING, autoIncrement: true, primaryKey: true }'))).toEqual([
      'schema.yaml:4:26: autoIncrement on attribute "a" of model User needs an integer type (SMALLINT, INTEGER or BIGINT), not STRING',
    ]);
  });

  test('on more than one attribute, the automatic id counting as one', () => {
    expect(
      problemsOf(
        yaml(
          'models:',
          '  Two:',
          '    attributes:',
          '      n: { type: INTEGER, autoIncrement: true }',
          '  Three:',
          '    attributes:',
          '      p: { type: INTEGER, primaryKey: true, autoIncrement: true }',
          '      q: { type: INTEGER, autoIncrement: true }',
        ),
      ),
    ).toEqual([
      'schema.yaml:4:27: model Two can have only one autoIncrement attribute and the automatic id is one already; make "n" the primary key (primaryKey: true) or remove autoIncrement',
      'schema.yaml:8:27: model Three can have only one autoIncrement attribute and "p" is one already; remove autoIncrement from "q"',
    ]);
  });
});

describe('defaultValue', () => {
  test.each([
    [
      "{ type: INTEGER, defaultValue: 'x' }",
      'default "x" does not fit INTEGER; expected a whole number from -2147483648 to 2147483647 (attribute "a" of model User)',
    ],
    [
      '{ type: INTEGER, defaultValue: 1.5 }',
      'default 1.5 does not fit INTEGER; expected a whole number from -2147483648 to 2147483647 (attribute "a" of model User)',
    ],
    [
      '{ type: ENUM, values: [r, g], defaultValue: b }',
      'default "b" is not one of the ENUM values (r, g) (attribute "a" of model User)',
    ],
    [
      '{ type: INTEGER, defaultValue: UUIDV4 }',
      'UUIDV4 fills in a UUID string, which does not fit INTEGER; use it on a UUID or STRING attribute (attribute "a" of model User)',
    ],
    [
      '{ type: STRING, defaultValue: NOW }',
      'NOW fills in the current date, which does not fit STRING; use it on a DATE or DATEONLY attribute, or write { sql: "now()" } (attribute "a" of model User)',
    ],
    [
      '{ type: BOOLEAN, defaultValue: 1 }',
      'default 1 does not fit BOOLEAN; expected true or false (attribute "a" of model User)',
    ],
    [
      '{ type: STRING, defaultValue: 3 }',
      'default 3 does not fit STRING; expected a string; quote it (\'...\') (attribute "a" of model User)',
    ],
    [
      '{ type: STRING(3), defaultValue: abcd }',
      'default "abcd" is longer than STRING(3) allows (3 characters) (attribute "a" of model User)',
    ],
    [
      '{ type: DATEONLY, defaultValue: yesterday }',
      'default "yesterday" does not fit DATEONLY; expected a date string such as \'2024-01-31\', or NOW (attribute "a" of model User)',
    ],
    [
      '{ type: DATEONLY, defaultValue: 2020-13-45 }',
      'default "2020-13-45" does not fit DATEONLY; expected a date string such as \'2024-01-31\', or NOW (attribute "a" of model User)',
    ],
    [
      '{ type: DATE, defaultValue: 2021-02-29 }',
      'default "2021-02-29" does not fit DATE; expected a date string such as \'2024-01-31T12:00:00Z\', or NOW (attribute "a" of model User)',
    ],
    [
      "{ type: 'DECIMAL(5,2)', defaultValue: '12345.678' }",
      'default "12345.678" does not fit DECIMAL(5,2), which holds at most 3 digit(s) before the decimal point (PostgreSQL: numeric field overflow) (attribute "a" of model User)',
    ],
    [
      "{ type: 'DECIMAL(5,2)', defaultValue: 999.996 }",
      'default 999.996 does not fit DECIMAL(5,2), which holds at most 3 digit(s) before the decimal point (PostgreSQL: numeric field overflow) (attribute "a" of model User)',
    ],
    [
      '{ type: DECIMAL(2), defaultValue: 100 }',
      'default 100 does not fit DECIMAL(2), which holds at most 2 digit(s) before the decimal point (PostgreSQL: numeric field overflow) (attribute "a" of model User)',
    ],
    [
      '{ type: UUID, defaultValue: abc }',
      'default "abc" does not fit UUID; expected a UUID string, or UUIDV4 (attribute "a" of model User)',
    ],
    [
      '{ type: ARRAY(INTEGER), defaultValue: [1, x] }',
      'default "x" does not fit INTEGER; expected a whole number from -2147483648 to 2147483647 (attribute "a" of model User)',
    ],
    [
      '{ type: BLOB, defaultValue: abc }',
      'BLOB cannot have a literal default; write an expression as { sql: "..." } (attribute "a" of model User)',
    ],
    [
      '{ type: FLOAT, defaultValue: .inf }',
      `default Infinity (YAML's .inf or .nan) is not a finite number, which generated code cannot write as a literal; write it as an expression, e.g. { sql: "'Infinity'" } (attribute "a" of model User)`,
    ],
    [
      '{ type: ARRAY(DOUBLE), defaultValue: [1, .nan] }',
      `default NaN (YAML's .inf or .nan) is not a finite number, which generated code cannot write as a literal; write it as an expression, e.g. { sql: "'NaN'" } (attribute "a" of model User)`,
    ],
  ])('%s', (definition, message) => {
    const column =
      7 + '      a: '.length - 6 + definition.indexOf('defaultValue: ') + 'defaultValue: '.length;
    expect(problemsOf(userWith(`      a: ${definition}`))).toEqual([`schema.yaml:4:${column}: ${message}`]);
  });

  test('dates of the calendar and DECIMALs that fit once rounded pass', () => {
    const schema = loadSchemaText(
      userWith(
        "      a: { type: DATEONLY, defaultValue: '2024-02-29' }",
        "      b: { type: 'DECIMAL(5,2)', defaultValue: '999.994' }",
        "      c: { type: 'DECIMAL(5,2)', defaultValue: -0.5 }",
      ),
      'schema.yaml',
    );
    expect(schema.models[0].attributes.filter((attribute) => attribute.defaultValue).length).toBe(3);
  });

  test('a non-finite number inside a JSON default is refused too', () => {
    expect(
      problemsOf(userWith('      a: { type: JSONB, defaultValue: { value: { limits: [0, -.inf] } } }')),
    ).toEqual([expect.stringContaining("default -Infinity (YAML's .inf or .nan) is not a finite number")]);
  });

  test('STRING(n) counts characters as PostgreSQL does: an emoji is one, trailing spaces beyond n are cut off', () => {
    const schema = loadSchemaText(
      userWith(
        "      a: { type: STRING(3), defaultValue: '😀😀😀' }",
        "      b: { type: CHAR(2), defaultValue: 'ab    ' }",
      ),
      'schema.yaml',
    );
    expect(
      schema.models[0].attributes
        .filter((attribute) => attribute.defaultValue)
        .map((attribute) => attribute.defaultValue),
    ).toEqual([
      { kind: 'literal', value: '😀😀😀' },
      { kind: 'literal', value: 'ab    ' },
    ]);
    expect(problemsOf(userWith("      a: { type: STRING(3), defaultValue: '😀😀😀😀' }"))).toEqual([
      expect.stringContaining('is longer than STRING(3) allows (3 characters)'),
    ]);
  });

  test('null on a NOT NULL attribute', () => {
    expect(problemsOf(userWith('      a: { type: STRING, allowNull: false, defaultValue: null }'))).toEqual([
      'schema.yaml:4:58: defaultValue null on attribute "a" of model User, which does not allow null; remove the default or set allowNull: true',
    ]);
  });

  test('an object that is neither { sql } nor { value }', () => {
    expect(problemsOf(userWith('      a: { type: JSONB, defaultValue: { a: 1 } }'))).toEqual([
      'schema.yaml:4:39: a defaultValue mapping must be { sql: "<expression>" } or { value: <literal> }; write a JSON object default as { value: { ... } }',
    ]);
  });
});

describe('references', () => {
  const withPair = (...lines: string[]) =>
    yaml(
      'models:',
      '  User:',
      '    attributes:',
      ...lines,
      '  Pair:',
      '    attributes:',
      '      x: { type: INTEGER, primaryKey: true }',
      '      y: { type: INTEGER, primaryKey: true }',
    );

  test('to an unknown model', () => {
    expect(problemsOf(withPair('      a: { type: INTEGER, references: { model: Usr } }'))).toEqual([
      'schema.yaml:4:48: references.model "Usr" is not a model of this schema; did you mean User?',
    ]);
  });

  test('to a model without a single-column primary key, key omitted', () => {
    expect(problemsOf(withPair('      b: { type: INTEGER, references: { model: Pair } }'))).toEqual([
      'schema.yaml:4:48: model Pair has a composite primary key (x, y); name the referenced column with key:',
    ]);
  });

  test('to a column the model does not have', () => {
    expect(
      problemsOf(withPair('      c: { type: INTEGER, references: { model: Pair, key: nope } }')),
    ).toEqual([
      'schema.yaml:4:59: references.key "nope" is not a column of model Pair; its columns are: x, y, createdAt, updatedAt',
    ]);
  });

  test('malformed: table without key, model and table, onDelete without references', () => {
    expect(
      problemsOf(
        withPair(
          '      d: { type: INTEGER, references: { table: t } }',
          '      e: { type: INTEGER, references: { model: Pair, table: t } }',
          '      f: { type: INTEGER, onDelete: CASCADE }',
        ),
      ),
    ).toEqual([
      'schema.yaml:4:39: references to a table needs key: <column>, the referenced column',
      'schema.yaml:5:39: references takes either model: (a model of this schema) or table: (any other table), not both',
      'schema.yaml:6:27: onDelete applies to a foreign key; add references: { model: ... } or remove it',
    ]);
  });

  test('onDelete and onUpdate values', () => {
    expect(
      problemsOf(
        userWith(
          '      a: { type: INTEGER, references: { model: User }, onDelete: cascade, onUpdate: DELETE }',
        ),
      ),
    ).toEqual([
      'schema.yaml:4:66: onDelete "cascade" is not a referential action; did you mean CASCADE?',
      'schema.yaml:4:85: onUpdate "DELETE" is not a referential action; expected one of: CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION',
    ]);
  });
});

describe('methods and getters', () => {
  const withMembers = (...lines: string[]) =>
    yaml('models:', '  User:', '    attributes: { firstName: STRING }', ...lines);

  test('source that does not declare the key', () => {
    expect(
      problemsOf(
        withMembers('    methods:', '      getFullName: |', '        fullName(): string { return "" }'),
      ),
    ).toEqual([
      'schema.yaml:5:20: the source of method getFullName of model User must declare getFullName (found "fullName"); start it with getFullName(...): Type { ... }',
    ]);
  });

  test('a getter without get, a method that is a getter', () => {
    expect(
      problemsOf(
        withMembers(
          '    methods:',
          '      initials: |',
          '        get initials() { return 1 }',
          '    getters:',
          '      shout: |',
          '        shout(): string { return "" }',
        ),
      ),
    ).toEqual([
      'schema.yaml:5:17: the source of method initials of model User is a getter; move it to getters:',
      'schema.yaml:8:14: the source of getter shout of model User is not a getter; start it with get shout(): Type { ... }, or move it to methods:',
    ]);
  });

  test('a member name colliding with an attribute, a Model member or another member', () => {
    expect(
      problemsOf(
        withMembers(
          '    methods:',
          '      firstName: |',
          '        firstName() { return 1 }',
          '      save: |',
          '        save() {}',
          '      initials: |',
          '        initials() { return 1 }',
          '    getters:',
          '      initials: |',
          '        get initials() { return 1 }',
          '      createdAt: |',
          '        get createdAt() { return 1 }',
        ),
      ),
    ).toEqual([
      'schema.yaml:5:7: method "firstName" of model User collides with the attribute of the same name; rename the method',
      'schema.yaml:7:7: method "save" of model User collides with the Model method save(); rename the method',
      'schema.yaml:12:7: getter "initials" of model User is also declared as a method; rename one of them',
      'schema.yaml:14:7: getter "createdAt" of model User collides with the attribute of the same name; rename the getter',
    ]);
  });

  test('modifiers, type parameters and leading comments are accepted', () => {
    const text = withMembers(
      '    methods:',
      '      load: |',
      '        /** Loads it. */',
      '        public async load<T>(): Promise<T | null> { return null; }',
      '      make: |',
      '        static make(): void {}',
      '    getters:',
      '      upper: |',
      '        // the name, shouted',
      '        get upper(): string { return ""; }',
    );
    expect(loadSchemaText(text, 's.yaml').models[0]!.members.map((m) => m.name)).toEqual([
      'load',
      'make',
      'upper',
    ]);
  });
});

describe('reporting', () => {
  test('every problem of the file in one run, sorted by position', () => {
    const text = yaml(
      'models:',
      '  User:',
      '    attributes:',
      '      save: string',
      '      x: { type: INTEGER, allownull: false, defaultValue: a }',
      '      d: DECIMAL(x)',
      '  user:',
      '    tablename: Users',
      '    attributes: { a: STRING }',
    );
    expect(problemsOf(text, 'app/schema.yaml')).toEqual([
      'app/schema.yaml:4:7: attribute "save" of model User collides with the Model method save(); rename it (e.g. "saveValue") and keep the column with field: save',
      'app/schema.yaml:4:13: unknown type "string"; did you mean STRING?',
      'app/schema.yaml:5:27: unknown key "allownull" in attribute "x" of model User; did you mean allowNull?',
      'app/schema.yaml:5:59: default "a" does not fit INTEGER; expected a whole number from -2147483648 to 2147483647 (attribute "x" of model User)',
      'app/schema.yaml:6:18: DECIMAL takes whole numbers from 1, got x; write DECIMAL, DECIMAL(precision) or DECIMAL(precision, scale)',
      'app/schema.yaml:7:3: model names "User" and "user" differ only in case; their files would be one on case-insensitive file systems; rename one',
      'app/schema.yaml:8:5: unknown key "tablename" in model user; did you mean tableName?',
    ]);
  });

  test('the error carries the problems as data', () => {
    let caught: unknown;
    try {
      loadSchemaText(userWith('      a: strin'), 'x.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaError);
    expect((caught as SchemaError).problems).toEqual([
      { file: 'x.yaml', line: 4, column: 10, message: 'unknown type "strin"; did you mean STRING?' },
    ]);
    expect((caught as SchemaError).name).toBe('SchemaError');
  });
});
