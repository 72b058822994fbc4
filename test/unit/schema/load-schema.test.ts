import { join } from 'node:path';
import { loadSchemaFile, loadSchemaText } from '../../../generator/schema/load-schema.js';
import { attribute, FIXTURES, fixtureText, model, yaml } from './schema-test-helpers.js';
import { GenModelsError } from '../../../generator/errors';

const schema = loadSchemaText(fixtureText('example.yaml'), 'example.yaml');
const names = (m: ReturnType<typeof model>) => m.attributes.map((a) => a.name);

describe('loadSchemaText: a valid schema becomes the SchemaIR', () => {
  test('records where the schema came from', () => {
    expect(schema.source).toEqual({ kind: 'yaml', path: 'example.yaml' });
  });

  test('sorts models by name', () => {
    expect(schema.models.map((m) => m.name)).toEqual([
      'Category',
      'Employee',
      'Foo',
      'Frozen',
      'Log',
      'Person',
      'User',
      'UserAccount',
    ]);
  });

  test('pluralises table names as Sequelize does', () => {
    expect(model(schema, 'User').tableName).toBe('Users');
    expect(model(schema, 'Person').tableName).toBe('People');
    expect(model(schema, 'Category').tableName).toBe('Categories');
  });

  test('snake_cases the plural table name of an underscored model', () => {
    expect(model(schema, 'UserAccount').tableName).toBe('user_accounts');
  });

  test('keeps the model name with freezeTableName, and an explicit tableName wins', () => {
    expect(model(schema, 'Frozen').tableName).toBe('Frozen');
    expect(model(schema, 'Frozen').options.explicitTableName).toBe(false);
    expect(model(schema, 'Employee').tableName).toBe('Employees');
    expect(model(schema, 'Employee').options.explicitTableName).toBe(true);
  });

  test('adds the automatic id first when no attribute is a primary key', () => {
    const user = model(schema, 'User');
    expect(user.attributes[0]).toEqual({
      name: 'id',
      field: 'id',
      type: { kind: 'INTEGER' },
      allowNull: false,
      primaryKey: true,
      autoIncrement: true,
      unique: false,
      origin: 'auto-primary-key',
    });
    expect(names(user)).toEqual([
      'id',
      'firstName',
      'lastName',
      'name',
      'age',
      'favoriteColor',
      'createdAt',
      'updatedAt',
    ]);
  });

  test('a UUID primary key with a UUIDV4 default replaces the automatic id', () => {
    const employee = model(schema, 'Employee');
    expect(names(employee)).toEqual(['uid', 'managerId', 'createdAt', 'updatedAt']);
    expect(attribute(employee, 'uid')).toMatchObject({
      type: { kind: 'UUID' },
      primaryKey: true,
      allowNull: false,
      defaultValue: { kind: 'UUIDV4' },
      origin: 'declared',
    });
  });

  test('reads literal defaults: name defaults to John Doe', () => {
    const user = model(schema, 'User');
    expect(attribute(user, 'name').defaultValue).toEqual({ kind: 'literal', value: 'John Doe' });
    expect(attribute(user, 'age').defaultValue).toEqual({ kind: 'literal', value: 0 });
  });

  test('reads runtime, sql and wrapped defaults', () => {
    const log = model(schema, 'Log');
    expect(attribute(log, 'at').defaultValue).toEqual({ kind: 'NOW' });
    expect(attribute(log, 'word').defaultValue).toEqual({ kind: 'literal', value: 'NOW' });
    expect(attribute(log, 'made').defaultValue).toEqual({ kind: 'sql', sql: 'now()' });
    expect(attribute(log, 'payload').defaultValue).toEqual({ kind: 'literal', value: { a: 1 } });
    expect(attribute(log, 'level').defaultValue).toEqual({ kind: 'literal', value: ['info'] });
  });

  test('adds the timestamps last as NOT NULL DATE attributes', () => {
    const user = model(schema, 'User');
    expect(user.options).toMatchObject({ timestamps: true, createdAt: 'createdAt', updatedAt: 'updatedAt' });
    expect(attribute(user, 'updatedAt')).toEqual({
      name: 'updatedAt',
      field: 'updatedAt',
      type: { kind: 'DATE' },
      allowNull: false,
      primaryKey: false,
      autoIncrement: false,
      unique: false,
      origin: 'timestamp',
    });
  });

  test('createdAt: false drops it and updatedAt renames the other', () => {
    const foo = model(schema, 'Foo');
    expect(foo.options).toMatchObject({ timestamps: true, createdAt: false, updatedAt: 'updatedTimeStamp' });
    expect(names(foo)).toEqual(['id', 'bar', 'updatedTimeStamp']);
    expect(attribute(foo, 'updatedTimeStamp').field).toBe('updatedTimeStamp');
  });

  test('underscored snake_cases columns, renamed timestamps included; field wins', () => {
    const account = model(schema, 'UserAccount');
    expect(attribute(account, 'userId').field).toBe('user_id');
    expect(attribute(account, 'displayName').field).toBe('shown_name');
    expect(attribute(account, 'createdAt').field).toBe('created_at');
    expect(attribute(account, 'updatedTimeStamp').field).toBe('updated_time_stamp');
  });

  test('timestamps: false means neither timestamp', () => {
    const log = model(schema, 'Log');
    expect(log.options).toMatchObject({ timestamps: false, createdAt: false, updatedAt: false });
    expect(log.attributes.some((a) => a.origin === 'timestamp')).toBe(false);
  });

  test('an autoIncrement BIGINT primary key replaces the automatic id', () => {
    const log = model(schema, 'Log');
    expect(names(log)[0]).toBe('message');
    expect(attribute(log, 'seq')).toMatchObject({ primaryKey: true, autoIncrement: true, allowNull: false });
  });

  test('readOnly makes a view', () => {
    expect(model(schema, 'Log').kind).toBe('view');
    expect(model(schema, 'User').kind).toBe('table');
  });

  test('a view has exactly the columns it declares: no automatic id, and a plain id is allowed', () => {
    const report = loadSchemaText(
      yaml(
        'models:',
        '  Report:',
        '    readOnly: true',
        '    timestamps: false',
        '    attributes:',
        '      id: INTEGER',
        '      total: INTEGER',
      ),
      'schema.yaml',
    ).models[0];
    expect(report.attributes.map((a) => [a.name, a.origin, a.primaryKey])).toEqual([
      ['id', 'declared', false],
      ['total', 'declared', false],
    ]);
  });

  test('reads comments, unique, allowNull and ENUM values', () => {
    const user = model(schema, 'User');
    expect(user.comment).toBe('A person who signs in.');
    expect(attribute(model(schema, 'Log'), 'message').comment).toBe('What happened.');
    expect(attribute(model(schema, 'Category'), 'label').unique).toBe(true);
    expect(attribute(user, 'firstName').allowNull).toBe(false);
    expect(attribute(user, 'lastName').allowNull).toBe(true);
    expect(attribute(user, 'favoriteColor').type).toEqual({ kind: 'ENUM', values: ['red', 'green', 'blue'] });
    expect(attribute(model(schema, 'Log'), 'level').type).toEqual({
      kind: 'ARRAY',
      element: { kind: 'ENUM', values: ['info', 'warn'] },
    });
  });

  test('resolves references to a model to its table and primary-key column', () => {
    const account = model(schema, 'UserAccount');
    expect(attribute(account, 'userId').references).toEqual({
      model: 'User',
      table: 'Users',
      key: 'id',
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    });
    expect(attribute(model(schema, 'Employee'), 'managerId').references).toEqual({
      model: 'Employee',
      table: 'Employees',
      key: 'uid',
      onDelete: 'SET NULL',
    });
  });

  test('keeps references to other tables, and finds the model of a table it names', () => {
    const account = model(schema, 'UserAccount');
    expect(attribute(account, 'legacyId').references).toEqual({
      table: 'legacy_accounts',
      schema: 'legacy',
      key: 'account_id',
    });
    expect(attribute(account, 'categoryId').references).toEqual({
      model: 'Category',
      table: 'Categories',
      key: 'id',
    });
  });

  test('lists methods then getters, with their source', () => {
    const user = model(schema, 'User');
    expect(user.members.map((m) => [m.name, m.kind])).toEqual([
      ['getFullName', 'method'],
      ['initials', 'getter'],
    ]);
    expect(user.members[0]!.source).toBe(
      "getFullName(): string {\n  return [this.firstName, this.lastName].join(' ');\n}\n",
    );
  });

  test('produces plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('define: defaults for every model', () => {
  const text = yaml(
    'define:',
    '  freezeTableName: true',
    '  underscored: true',
    '  timestamps: true',
    '  createdAt: created',
    'models:',
    '  UserProfile:',
    '    attributes: { firstName: STRING }',
    '  OrderLine:',
    '    freezeTableName: false',
    '    underscored: false',
    '    createdAt: true',
    '    attributes: { firstName: STRING }',
  );
  const defined = loadSchemaText(text, 's.yaml');

  test('apply to a model that does not set them', () => {
    const profile = model(defined, 'UserProfile');
    expect(profile.tableName).toBe('UserProfile');
    expect(profile.options).toMatchObject({ freezeTableName: true, underscored: true, createdAt: 'created' });
    expect(attribute(profile, 'firstName').field).toBe('first_name');
    expect(attribute(profile, 'created').field).toBe('created');
    expect(attribute(profile, 'updatedAt').field).toBe('updated_at');
  });

  test("lose to a model's own options (createdAt: true is the default name)", () => {
    const line = model(defined, 'OrderLine');
    expect(line.tableName).toBe('OrderLines');
    expect(line.options).toMatchObject({
      freezeTableName: false,
      underscored: false,
      createdAt: 'createdAt',
    });
    expect(attribute(line, 'firstName').field).toBe('firstName');
  });
});

describe('declared attributes named like a timestamp', () => {
  const declared = loadSchemaText(
    yaml(
      'models:',
      '  Post:',
      '    attributes:',
      '      createdAt: DATE',
      '      title: STRING',
      '      updatedAt: { type: DATE, allowNull: true }',
    ),
    's.yaml',
  );
  const post = model(declared, 'Post');

  test('replace the timestamp and keep their place', () => {
    expect(names(post)).toEqual(['id', 'createdAt', 'title', 'updatedAt']);
    expect(attribute(post, 'createdAt').origin).toBe('declared');
    expect(post.options).toMatchObject({ createdAt: 'createdAt', updatedAt: 'updatedAt' });
  });

  test('are NOT NULL unless allowNull says otherwise (the runtime always fills them)', () => {
    expect(attribute(post, 'createdAt').allowNull).toBe(false);
    expect(attribute(post, 'updatedAt').allowNull).toBe(true);
  });
});

describe('other accepted forms', () => {
  test('aliases share definitions; empty attributes leave only the automatic id', () => {
    const aliased = loadSchemaText(
      yaml(
        'models:',
        '  A:',
        '    attributes:',
        '      code: &code { type: STRING(10), allowNull: false }',
        '  B:',
        '    timestamps: false',
        '    attributes:',
        '      code: *code',
        '  C:',
        '    timestamps: false',
        '    attributes:',
      ),
      's.yaml',
    );
    expect(attribute(model(aliased, 'B'), 'code')).toMatchObject({
      type: { kind: 'STRING', length: 10 },
      allowNull: false,
    });
    expect(names(model(aliased, 'C'))).toEqual(['id']);
  });

  test('composite primary keys and composite unique keys', () => {
    const composite = loadSchemaText(
      yaml(
        'models:',
        '  Membership:',
        '    attributes:',
        '      userId: { type: INTEGER, primaryKey: true }',
        '      groupId: { type: INTEGER, primaryKey: true }',
        '      a: { type: STRING, unique: ab }',
        '      b: { type: STRING, unique: ab }',
        '  Note:',
        '    attributes:',
        '      membershipUser: { type: INTEGER, references: { model: Membership, key: userId } }',
      ),
      's.yaml',
    );
    const membership = model(composite, 'Membership');
    expect(membership.attributes.filter((a) => a.primaryKey).map((a) => a.name)).toEqual([
      'userId',
      'groupId',
    ]);
    expect(attribute(membership, 'a').unique).toBe('ab');
    expect(attribute(model(composite, 'Note'), 'membershipUser').references).toEqual({
      model: 'Membership',
      table: 'Memberships',
      key: 'userId',
    });
  });

  test('references to a model in another schema carry that schema', () => {
    const other = loadSchemaText(
      yaml(
        'models:',
        '  Account:',
        '    schema: billing',
        '    underscored: true',
        '    attributes: { accountId: { type: INTEGER, primaryKey: true } }',
        '  Invoice:',
        '    attributes: { accountId: { type: INTEGER, references: { model: Account } } }',
      ),
      's.yaml',
    );
    expect(model(other, 'Account').schema).toBe('billing');
    expect(attribute(model(other, 'Invoice'), 'accountId').references).toEqual({
      model: 'Account',
      table: 'accounts',
      schema: 'billing',
      key: 'account_id',
    });
  });
});

describe('loadSchemaFile', () => {
  test('reads the file and names it in the IR', async () => {
    const path = join(FIXTURES, 'all-types.yaml');
    const loaded = await loadSchemaFile(path);
    expect(loaded.source).toEqual({ kind: 'yaml', path });
    expect(loaded.models.map((m) => m.name)).toEqual(['AllTypes']);
  });

  test('rejects with a GenModelsError naming the file when it is missing', async () => {
    const missing = join(FIXTURES, 'missing.yaml');
    await expect(loadSchemaFile(missing)).rejects.toThrow(`${missing} does not exist`);
    await expect(loadSchemaFile(missing)).rejects.toBeInstanceOf(GenModelsError);
  });
});
