import { applyRenames, checkNamingForYaml, NamingError, namingRules } from '../../../generator/config/naming';
import { loadSchemaText } from '../../../generator/schema/load-schema';

const SCHEMA = loadSchemaText(
  `models:
  ArInternalMetadatum:
    tableName: ar_internal_metadata
    attributes:
      key: { type: STRING, primaryKey: true }
  User:
    underscored: true
    attributes:
      id: { type: INTEGER, primaryKey: true, autoIncrement: true }
      userName: STRING
    indexes:
      - fields: [userName]
  Post:
    attributes:
      id: { type: INTEGER, primaryKey: true, autoIncrement: true }
      userId: { type: INTEGER, references: { model: User, key: id } }
`,
  'schema.yaml',
);

const message = (body: () => unknown): string => {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(NamingError);
    return (error as Error).message;
  }
  throw new Error('expected a NamingError');
};

describe('naming.rename', () => {
  it('renames models and attributes; tables, columns, references and indexes follow', () => {
    const renamed = applyRenames(SCHEMA, {
      models: { ArInternalMetadatum: 'ArInternalMetadata', User: 'Account' },
      attributes: { 'User.userName': 'login', 'Post.userId': 'accountId', 'Account.createdAt': 'madeAt' },
    });
    expect(renamed.models.map((m) => m.name)).toEqual(['Account', 'ArInternalMetadata', 'Post']);
    const account = renamed.models.find((m) => m.name === 'Account')!;
    expect(account.tableName).toBe('users');
    expect(account.options.explicitTableName).toBe(true);
    expect(account.attributes.find((a) => a.name === 'login')!.field).toBe('user_name');
    expect(account.indexes![0]!.fields).toEqual([{ attribute: 'login' }]);
    expect(account.options.createdAt).toBe('madeAt');
    // The column stays created_at, which madeAt would not infer: the attribute is declared with its field.
    expect(account.attributes.find((a) => a.name === 'madeAt')).toMatchObject({
      field: 'created_at',
      origin: 'declared',
    });
    const post = renamed.models.find((m) => m.name === 'Post')!;
    expect(post.attributes.find((a) => a.name === 'accountId')).toMatchObject({
      field: 'userId',
      references: { model: 'Account' },
    });
  });

  it('a rename naming nothing is an error with a did-you-mean', () => {
    expect(
      message(() =>
        applyRenames(SCHEMA, {
          models: { ArInternalMetadata: 'X' },
          attributes: { 'User.username': 'login', 'Usr.id': 'key' },
        }),
      ),
    ).toBe(
      [
        'naming.rename.models: "ArInternalMetadata": no model has that name; did you mean ArInternalMetadatum?',
        'naming.rename.attributes: "User.username": model User has no such attribute; did you mean User.userName?',
        'naming.rename.attributes: "Usr.id": no model has that name; did you mean User.id?',
      ].join('\n'),
    );
  });

  it('refuses names that cannot be used or that clash', () => {
    expect(message(() => applyRenames(SCHEMA, { models: { Post: 'user' } }))).toContain(
      'models Post and User would both be named User',
    );
    expect(message(() => applyRenames(SCHEMA, { models: { Post: 'Date' } }))).toContain(
      'a name the generated code uses itself',
    );
    expect(message(() => applyRenames(SCHEMA, { attributes: { 'Post.userId': 'save' } }))).toContain(
      'a reserved word or a member every model instance has',
    );
    expect(message(() => applyRenames(SCHEMA, { attributes: { 'Post.userId': 'id' } }))).toContain(
      'model Post would have two attributes named id',
    );
  });

  it('associations follow renamed models and key attributes; naming.rename.associations renames an alias', () => {
    const renamed = applyRenames(SCHEMA, {
      models: { User: 'Account' },
      attributes: { 'Post.userId': 'accountId' },
      associations: { 'Post.user': 'author', 'User.posts': 'writings' },
    });
    const post = renamed.models.find((m) => m.name === 'Post')!;
    expect(post.associations).toEqual([
      expect.objectContaining({
        kind: 'belongsTo',
        as: 'author',
        target: 'Account',
        foreignKey: 'accountId',
      }),
    ]);
    const account = renamed.models.find((m) => m.name === 'Account')!;
    expect(account.associations).toEqual([
      expect.objectContaining({ kind: 'hasMany', as: 'writings', target: 'Post', foreignKey: 'accountId' }),
    ]);
    // A renamed alias is written back by --schema-out, where it overrides the implied association.
    expect(post.associations![0]!.origin).toBe('declared');
    const keptAlias = applyRenames(SCHEMA, { models: { User: 'Account' } });
    expect(keptAlias.models.find((m) => m.name === 'Post')!.associations![0]!.origin).toBe('foreignKey');
  });

  it('an association rename naming nothing, or taking the name of a member, is an error', () => {
    expect(message(() => applyRenames(SCHEMA, { associations: { 'Post.usr': 'author' } }))).toContain(
      'naming.rename.associations: "Post.usr": model Post has no such association; did you mean Post.user?',
    );
    expect(message(() => applyRenames(SCHEMA, { associations: { 'Post.user': 'userId' } }))).toContain(
      'model Post would have two members named userId',
    );
    expect(message(() => applyRenames(SCHEMA, { associations: { 'Post.user': 'save' } }))).toContain(
      'a reserved word or a member every model instance has',
    );
  });

  it('the case and singular rules are refused with a YAML schema; keep does not take singular', () => {
    expect(() => checkNamingForYaml({ rename: { models: {} } })).not.toThrow();
    expect(message(() => checkNamingForYaml({ models: 'snake', singular: false }))).toContain(
      'naming.models, naming.singular: applies to --from-db',
    );
    expect(message(() => namingRules({ models: 'keep', singular: true }))).toContain(
      '"singular" does not go with models: "keep"',
    );
  });
});
