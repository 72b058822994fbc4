import {
  attributeNames,
  avoidGeneratedTypeNames,
  baseClassName,
  camelCase,
  classNames,
} from '../../../generator/introspect/names.js';

describe('class names', () => {
  it.each([
    ['film_actor', 'FilmActor'],
    ['categories', 'Category'],
    ['people', 'Person'],
    ['ProductCategories', 'ProductCategory'],
    ['sales_by_store', 'SalesByStore'],
    ['zip codes', 'ZipCode'],
    ['s', 'S'],
    ['2019_orders', 'Table2019Order'],
    ['dates', 'DateModel'],
    ['orders', 'Order'],
    ['transactions', 'Transaction'],
    ['index', 'IndexModel'],
    ['runtime', 'RuntimeModel'],
    ['!!!', 'Table'],
  ])('%s → %s', (table, expected) => {
    expect(baseClassName(table)).toBe(expected);
  });

  it('prefixes the schema of same-named tables outside public', () => {
    expect(
      classNames([
        { schema: 'person', table: 'address' },
        { schema: 'sales', table: 'address' },
        { schema: 'public', table: 'address' },
        { schema: 'public', table: 'film' },
      ]),
    ).toEqual(['PersonAddress', 'SalesAddress', 'Address', 'Film']);
  });

  it('numbers what still clashes, case-insensitively, in (schema, table) order', () => {
    expect(
      classNames([
        { schema: 'public', table: 'users' },
        { schema: 'public', table: 'user' },
        { schema: 'public', table: 'User' },
      ]),
    ).toEqual(['User3', 'User2', 'User']);
  });

  it('does not take the name of another model’s generated types', () => {
    // Singular class names rarely end in Attributes; the guard is for the few that do.
    expect(
      avoidGeneratedTypeNames(['User', 'UserAttributes', 'UserCreationAttributes', 'Attributes']),
    ).toEqual(['User', 'UserAttributesModel', 'UserCreationAttributesModel', 'Attributes']);
  });

  it('does not depend on input order', () => {
    const a = [
      { schema: 'hr', table: 'd' },
      { schema: 'pr', table: 'd' },
    ];
    expect(classNames(a)).toEqual(['HrD', 'PrD']);
    expect(classNames([...a].reverse())).toEqual(['PrD', 'HrD']);
  });
});

describe('property names', () => {
  it.each([
    ['film_id', 'filmId'],
    ['zip code', 'zipCode'],
    ['CustomerID', 'customerID'],
    ['ID', 'id'],
    ['HTMLBody', 'htmlBody'],
    ['businessentityid', 'businessentityid'],
  ])('camelCase(%s) = %s', (column, expected) => {
    expect(camelCase(column)).toBe(expected);
  });

  it('renames reserved words and Model members with the model name, keeping the column', () => {
    expect(attributeNames(['class', 'save', 'update', 'data_values', 'name'], 'Product')).toEqual([
      'productClass',
      'productSave',
      'productUpdate',
      'productDataValues',
      'name',
    ]);
  });

  it('makes names that start with a digit valid and numbers duplicates', () => {
    expect(attributeNames(['2fa', 'first_name', 'firstName'], 'User')).toEqual([
      '_2fa',
      'firstName',
      'firstName2',
    ]);
  });

  it('keeps valid column names as they are with keepNames', () => {
    expect(attributeNames(['film_id', 'zip code', 'class'], 'Film', 'keep')).toEqual([
      'film_id',
      'zipCode',
      'filmClass',
    ]);
  });

  it('names attributes in snake, pascal or camel case (naming.attributes)', () => {
    const columns = ['film_id', 'CustomerID', 'zip code', 'class', 'lastUpdate'];
    expect(attributeNames(columns, 'FilmActor', 'snake')).toEqual([
      'film_id',
      'customer_id',
      'zip_code',
      'film_actor_class',
      'last_update',
    ]);
    expect(attributeNames(columns, 'FilmActor', 'pascal')).toEqual([
      'FilmId',
      'CustomerID',
      'ZipCode',
      'Class',
      'LastUpdate',
    ]);
    expect(attributeNames(columns, 'FilmActor', 'camel')).toEqual([
      'filmId',
      'customerID',
      'zipCode',
      'filmActorClass',
      'lastUpdate',
    ]);
  });
});

describe('naming rules for model names', () => {
  it('cases class names and keeps or singularizes the table name (naming.models, naming.singular)', () => {
    expect(baseClassName('ar_internal_metadata')).toBe('ArInternalMetadatum');
    expect(baseClassName('film_actors', { singular: false })).toBe('FilmActors');
    expect(baseClassName('film_actors', { models: 'snake' })).toBe('film_actor');
    expect(baseClassName('film_actors', { models: 'camel', singular: false })).toBe('filmActors');
    expect(baseClassName('film_actors', { models: 'keep' })).toBe('film_actors');
    expect(baseClassName('date', { models: 'snake' })).toBe('date_model');
  });

  it('prefixes clashing names with the schema in the same case', () => {
    const relations = [
      { schema: 'public', table: 'address' },
      { schema: 'person', table: 'address' },
    ];
    expect(classNames(relations, { models: 'snake' })).toEqual(['address', 'person_address']);
    expect(classNames(relations, { models: 'camel' })).toEqual(['address', 'personAddress']);
  });
});
