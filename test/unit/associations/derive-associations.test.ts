/** The association rules on small hand-written models: naming, collisions, junctions, composite keys. */
import type { AssociationIR, AttributeIR, ModelIR } from '../../../generator/ir.js';
import {
  deriveAssociations,
  type DeclaredAssociation,
} from '../../../generator/associations/derive-associations.js';
import {
  foreignKeysOfReferences,
  type ForeignKeyFact,
} from '../../../generator/associations/foreign-keys.js';
import { accessorsOf } from '../../../generator/associations/accessors.js';
import { belongsToName, stemOf } from '../../../generator/associations/association-names.js';

function attr(name: string, extra: Partial<AttributeIR> = {}): AttributeIR {
  return {
    name,
    field: name,
    type: { kind: 'INTEGER' },
    allowNull: true,
    primaryKey: false,
    autoIncrement: false,
    unique: false,
    origin: 'declared',
    ...extra,
  };
}
const pk = (name = 'id') => attr(name, { primaryKey: true, allowNull: false });
const ref = (name: string, model: string, extra: Partial<AttributeIR> = {}) =>
  attr(name, { references: { model, table: model.toLowerCase(), key: 'id' }, ...extra });

function model(name: string, attributes: AttributeIR[], extra: Partial<ModelIR> = {}): ModelIR {
  return {
    name,
    tableName: name.toLowerCase(),
    kind: 'table',
    options: {
      explicitTableName: true,
      freezeTableName: true,
      underscored: false,
      timestamps: false,
      createdAt: false,
      updatedAt: false,
    },
    attributes,
    members: [],
    ...extra,
  };
}

function derive(
  models: ModelIR[],
  keys = foreignKeysOfReferences(models),
  declared: DeclaredAssociation[] = [],
) {
  const problems: string[] = [];
  const result = deriveAssociations(models, keys, declared, (id, message) =>
    problems.push(`${id}: ${message}`),
  );
  const of = (name: string): readonly AssociationIR[] =>
    result.find((m) => m.name === name)?.associations ?? [];
  const names = (name: string) => of(name).map((a) => `${a.kind} ${a.as}`);
  return { result, of, names, problems };
}

describe('association naming', () => {
  it('strips the Id (or code) suffix in its spellings', () => {
    expect(
      ['authorId', 'author_id', 'authorID', 'Author_ID', 'personid', 'country_code', 'id', 'xid'].map(stemOf),
    ).toEqual(['author', 'author', 'author', 'author', 'person', 'country', undefined, undefined]);
    expect(belongsToName('invitedBy', 'Person', false)).toBe('invitedByPerson');
    expect(belongsToName('customer', 'Customer', false)).toBe('customer');
  });

  it('one key: belongsTo named from the column, hasMany from the model', () => {
    const { names, of } = derive([model('User', [pk()]), model('Post', [pk(), ref('userId', 'User')])]);
    expect(names('Post')).toEqual(['belongsTo user']);
    expect(names('User')).toEqual(['hasMany posts']);
    expect(of('Post')[0]).toEqual({
      kind: 'belongsTo',
      as: 'user',
      target: 'User',
      foreignKey: 'userId',
      constraints: false,
      origin: 'foreignKey',
    });
    expect(of('User')[0]).toMatchObject({ target: 'Post', foreignKey: 'userId' });
  });

  it('two keys to the same table: named from their columns, inverses prefixed', () => {
    const { names } = derive([
      model('User', [pk()]),
      model('Post', [pk(), ref('authorId', 'User'), ref('editorId', 'User')]),
    ]);
    expect(names('Post')).toEqual(['belongsTo author', 'belongsTo editor']);
    expect(names('User')).toEqual(['hasMany authorPosts', 'hasMany editorPosts']);
  });

  it('of two keys to the same table, the one named like the target keeps the plain inverse', () => {
    const { names } = derive([
      model('Language', [pk()]),
      model('Film', [pk(), ref('languageId', 'Language'), ref('originalLanguageId', 'Language')]),
    ]);
    expect(names('Language')).toEqual(['hasMany films', 'hasMany originalLanguageFilms']);
  });

  it('self-references read naturally: manager/reports, parent/children', () => {
    const employees = derive([model('Employee', [pk(), ref('managerId', 'Employee')])]);
    expect(employees.names('Employee')).toEqual(['belongsTo manager', 'hasMany reports']);
    const chinook = derive([model('Employee', [pk(), ref('reportsTo', 'Employee')])]);
    expect(chinook.names('Employee')).toEqual(['belongsTo manager', 'hasMany reports']);
    const categories = derive([model('Category', [pk(), ref('parentId', 'Category')])]);
    expect(categories.names('Category')).toEqual(['belongsTo parent', 'hasMany children']);
  });

  it('a unique key is hasOne, in the singular', () => {
    const { names } = derive([
      model('User', [pk()]),
      model('Profile', [pk(), ref('userId', 'User', { unique: true })]),
    ]);
    expect(names('User')).toEqual(['hasOne profile']);
  });

  it('a name taken by an attribute (or an accessor) gets the related prefix', () => {
    const { names } = derive([
      model('User', [pk(), attr('posts'), attr('getProfile')]),
      model('Post', [pk(), ref('user', 'User'), attr('userX')]),
      model('Profile', [pk(), ref('userId', 'User', { unique: true })]),
    ]);
    // `user` is Post's attribute: the association is relatedUser; User's `posts` is an attribute.
    expect(names('Post')).toEqual(['belongsTo relatedUser']);
    expect(names('User')).toEqual(['hasOne relatedProfile', 'hasMany relatedPosts']);
  });

  it('an uncountable model name still gives different singular and plural accessors', () => {
    const { names, of } = derive([
      model('Store', [pk()]),
      model('Equipment', [pk(), ref('storeId', 'Store')]),
    ]);
    expect(names('Store')).toEqual(['hasMany equipmentRecords']);
    const accessors = accessorsOf('hasMany', of('Store')[0]!.as).map((a) => a.name);
    expect(accessors).toContain('addEquipmentRecord');
    expect(accessors).toContain('addEquipmentRecords');
    expect(new Set(accessors).size).toBe(accessors.length);
  });

  it('names Sequelize accessors from the alias', () => {
    expect(accessorsOf('belongsTo', 'author').map((a) => a.name)).toEqual([
      'getAuthor',
      'setAuthor',
      'createAuthor',
    ]);
    expect(accessorsOf('hasMany', 'authorPosts').map((a) => a.name)).toEqual([
      'getAuthorPosts',
      'setAuthorPosts',
      'addAuthorPosts',
      'addAuthorPost',
      'createAuthorPost',
      'removeAuthorPost',
      'removeAuthorPosts',
      'hasAuthorPost',
      'hasAuthorPosts',
      'countAuthorPosts',
    ]);
  });
});

describe('junction tables', () => {
  const film = model('Film', [pk('filmId')]);
  const actor = model('Actor', [pk('actorId')]);
  const filmActor = (extra: AttributeIR[]) =>
    model('FilmActor', [
      attr('actorId', { primaryKey: true, references: { model: 'Actor', table: 'actor', key: 'actorId' } }),
      attr('filmId', { primaryKey: true, references: { model: 'Film', table: 'film', key: 'filmId' } }),
      ...extra,
    ]);

  it('two keys forming the primary key, plus a timestamp: belongsToMany both ways, besides its own', () => {
    const { names, of } = derive([film, actor, filmActor([attr('lastUpdate', { type: { kind: 'DATE' } })])]);
    expect(names('Actor')).toEqual(['hasMany filmActors', 'belongsToMany films']);
    expect(names('Film')).toEqual(['hasMany filmActors', 'belongsToMany actors']);
    expect(names('FilmActor')).toEqual(['belongsTo actor', 'belongsTo film']);
    expect(of('Actor')[1]).toEqual({
      kind: 'belongsToMany',
      as: 'films',
      target: 'Film',
      through: 'FilmActor',
      foreignKey: 'actorId',
      otherKey: 'filmId',
      constraints: false,
      origin: 'junction',
    });
  });

  it('any other column makes it a model of its own, not a junction', () => {
    const { names } = derive([film, actor, filmActor([attr('role', { type: { kind: 'TEXT' } })])]);
    expect(names('Actor')).toEqual(['hasMany filmActors']);
  });

  it('a unique key of the two counts as the primary key does', () => {
    const tags = model('PostTag', [
      pk(),
      ref('postId', 'Post', { unique: 'post_tag' }),
      ref('tagId', 'Tag', { unique: 'post_tag' }),
    ]);
    // The surrogate id is another column: not a junction.
    expect(derive([model('Post', [pk()]), model('Tag', [pk()]), tags]).names('Post')).toEqual([
      'hasMany postTags',
    ]);
    const withoutId = model('PostTag', tags.attributes.slice(1));
    expect(derive([model('Post', [pk()]), model('Tag', [pk()]), withoutId]).names('Post')).toEqual([
      'hasMany postTags',
      'belongsToMany tags',
    ]);
  });

  it('a junction of a model with itself is named from the other key', () => {
    const follows = model('Follow', [
      ref('followerId', 'User', { primaryKey: true }),
      ref('followeeId', 'User', { primaryKey: true }),
    ]);
    const { names } = derive([model('User', [pk()]), follows]);
    expect(names('User')).toEqual([
      'hasMany followeeFollows',
      'hasMany followerFollows',
      'belongsToMany followers',
      'belongsToMany followees',
    ]);
  });
});

describe('composite foreign keys', () => {
  const tenant = model('Account', [
    attr('tenantId', { primaryKey: true }),
    attr('id', { primaryKey: true, unique: true }),
  ]);
  const key = (targetAttributes: string[]): ForeignKeyFact => ({
    model: 'Invoice',
    attributes: ['tenantId', 'accountId'],
    target: 'Account',
    targetTable: 'account',
    targetAttributes,
  });
  const invoice = model('Invoice', [pk(), attr('tenantId'), attr('accountId')]);

  it('is an association on the column that is a key of the target by itself', () => {
    const { of } = derive([tenant, invoice], [key(['tenantId', 'id'])]);
    expect(of('Invoice')).toEqual([
      expect.objectContaining({ kind: 'belongsTo', as: 'account', foreignKey: 'accountId', targetKey: 'id' }),
    ]);
    expect(of('Account')).toEqual([
      expect.objectContaining({ kind: 'hasMany', foreignKey: 'accountId', sourceKey: 'id' }),
    ]);
  });

  it('otherwise a note says why not', () => {
    const other = model('Account', [
      attr('tenantId', { primaryKey: true }),
      attr('id', { primaryKey: true }),
    ]);
    const { result, of } = derive([other, invoice], [key(['tenantId', 'id'])]);
    expect(of('Invoice')).toEqual([]);
    expect(result.find((m) => m.name === 'Invoice')!.associationNotes).toEqual([
      expect.stringContaining(
        'composite foreign key (tenantId, accountId) → Account (tenantId, id) is no association',
      ),
    ]);
  });

  it('a single column referencing part of a composite key (only YAML can say it) gets a note', () => {
    const other = model('Account', [
      attr('tenantId', { primaryKey: true }),
      attr('id', { primaryKey: true }),
    ]);
    const { result, of } = derive(
      [other, invoice],
      [
        {
          model: 'Invoice',
          attributes: ['accountId'],
          target: 'Account',
          targetTable: 'account',
          targetAttributes: ['id'],
        },
      ],
    );
    expect(of('Invoice')).toEqual([]);
    expect(result.find((m) => m.name === 'Invoice')!.associationNotes).toEqual([
      'The foreign key (accountId) → Account (id) is no association: that is not a key of Account by itself.',
    ]);
  });

  it('a key to a table that is not generated gets a note', () => {
    const { result } = derive(
      [invoice],
      [{ model: 'Invoice', attributes: ['accountId'], targetTable: 'billing.account', targetAttributes: [] }],
    );
    expect(result[0]!.associationNotes).toEqual([
      expect.stringContaining('references table billing.account, which is not generated'),
    ]);
  });
});

describe('declared associations', () => {
  const models = [model('User', [pk()]), model('Post', [pk(), ref('authorId', 'User')])];

  it('override the derived one of the same key, and add others', () => {
    const declared: DeclaredAssociation[] = [
      {
        id: 1,
        model: 'User',
        association: {
          kind: 'hasMany',
          target: 'Post',
          foreignKey: 'authorId',
          as: 'writings',
          onDelete: 'CASCADE',
        },
      },
    ];
    const { of, problems } = derive(models, undefined, declared);
    expect(problems).toEqual([]);
    expect(of('User')).toEqual([
      {
        kind: 'hasMany',
        as: 'writings',
        target: 'Post',
        foreignKey: 'authorId',
        onDelete: 'CASCADE',
        origin: 'declared',
      },
    ]);
  });

  it('report an alias that collides', () => {
    const declared: DeclaredAssociation[] = [
      {
        id: 7,
        model: 'Post',
        association: { kind: 'belongsTo', target: 'User', foreignKey: 'authorId', as: 'id' },
      },
    ];
    expect(derive(models, undefined, declared).problems).toEqual([
      '7: association "id" of model Post collides with attribute id; choose another as:',
    ]);
  });
});
