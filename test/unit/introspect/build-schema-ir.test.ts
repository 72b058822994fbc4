import type { ModelIR } from '../../../generator/ir.js';
import { buildSchemaIR } from '../../../generator/introspect/build-schema-ir.js';
import type { CatalogRows } from '../../../runtime/catalog/catalog-rows.js';
import { MPAA_RATING, ROWS } from './catalog-fixtures.js';

const ir = buildSchemaIR(ROWS);
const model = (name: string): ModelIR => {
  const found = ir.models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name} in ${ir.models.map((m) => m.name).join(', ')}`);
  return found;
};
const attribute = (modelName: string, name: string) => {
  const found = model(modelName).attributes.find((a) => a.name === name);
  if (!found) throw new Error(`no attribute ${name}`);
  return found;
};

describe('buildSchemaIR', () => {
  it('makes one model per relation, sorted by name, from the database source', () => {
    expect(ir.source).toEqual({ kind: 'database', database: 'fixture' });
    expect(ir.models.map((m) => m.name)).toEqual([
      'Actor',
      'CustomerList',
      'Film',
      'FilmActor',
      'Payment',
      'PersonAddress',
      'Post',
      'Product',
      'RentalByCategory',
      'SalesAddress',
    ]);
  });

  it('keeps the table and schema exactly, frozen, without timestamps', () => {
    expect(model('Film')).toMatchObject({
      tableName: 'film',
      schema: 'public',
      kind: 'table',
      comment: 'A film',
      options: {
        explicitTableName: true,
        freezeTableName: true,
        underscored: false,
        timestamps: false,
        createdAt: false,
        updatedAt: false,
      },
      members: [],
    });
    expect(model('PersonAddress')).toMatchObject({ tableName: 'address', schema: 'person' });
  });

  it('maps views and materialized views, and a partitioned parent as a table', () => {
    expect(model('CustomerList').kind).toBe('view');
    expect(model('RentalByCategory').kind).toBe('materializedView');
    expect(model('Payment').kind).toBe('table');
  });

  it('keeps column order and declares every attribute', () => {
    expect(model('Film').attributes.map((a) => a.field)).toEqual([
      'film_id',
      'title',
      'release_year',
      'rating',
      'special_features',
      'status',
    ]);
    expect(model('Film').attributes.every((a) => a.origin === 'declared')).toBe(true);
  });

  it('maps a serial primary key', () => {
    expect(attribute('Film', 'filmId')).toEqual({
      name: 'filmId',
      field: 'film_id',
      type: { kind: 'INTEGER' },
      allowNull: false,
      primaryKey: true,
      autoIncrement: true,
      unique: false,
      origin: 'declared',
    });
  });

  it('maps NOT NULL, comments, unique keys (single and composite), identity', () => {
    expect(attribute('Film', 'title')).toMatchObject({
      allowNull: false,
      unique: true,
      comment: 'The title',
    });
    expect(attribute('Actor', 'firstName').unique).toBe('actor_name_key');
    expect(attribute('Actor', 'lastName').unique).toBe('actor_name_key');
    expect(attribute('Actor', 'actorId')).toMatchObject({
      primaryKey: true,
      autoIncrement: false,
      generated: 'identity-always',
    });
  });

  it('maps domains, enums (with their own type name) and arrays', () => {
    expect(attribute('Film', 'releaseYear')).toMatchObject({
      type: { kind: 'INTEGER' },
      domain: { name: 'year', schema: 'public' },
    });
    expect(attribute('Film', 'rating')).toMatchObject({
      type: { kind: 'ENUM', values: MPAA_RATING.labels, typeName: 'mpaa_rating', typeSchema: 'public' },
      defaultValue: { kind: 'literal', value: 'G' },
    });
    expect(attribute('Film', 'specialFeatures').type).toEqual({ kind: 'ARRAY', element: { kind: 'TEXT' } });
    expect(attribute('PersonAddress', 'name')).toMatchObject({
      type: { kind: 'STRING', length: 50 },
      domain: { name: 'Name' },
    });
  });

  it('turns a CHECK listing values into checkValues', () => {
    expect(attribute('Film', 'status').checkValues).toEqual(['draft', 'out']);
  });

  it('maps composite primary keys and foreign keys, naming the model', () => {
    const actorId = attribute('FilmActor', 'actorId');
    expect(actorId.primaryKey).toBe(true);
    expect(attribute('FilmActor', 'filmId').primaryKey).toBe(true);
    expect(actorId.references).toEqual({
      model: 'Actor',
      table: 'actor',
      schema: 'public',
      key: 'actor_id',
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    });
    expect(attribute('FilmActor', 'filmId').references).toEqual({
      model: 'Film',
      table: 'film',
      schema: 'public',
      key: 'film_id',
    });
  });

  it('gives unsafe column names safe properties and keeps the column', () => {
    expect(attribute('CustomerList', 'zipCode').field).toBe('zip code');
    expect(attribute('Product', 'productClass').field).toBe('class');
    expect(attribute('Product', 'productSave').field).toBe('save');
  });

  it('detects Sequelize timestamps (created_at/updated_at timestamptz NOT NULL), listed last', () => {
    const post = model('Post');
    expect(post.options).toMatchObject({
      timestamps: true,
      underscored: true,
      createdAt: 'createdAt',
      updatedAt: 'updatedAt',
    });
    expect(post.attributes.map((a) => [a.name, a.field, a.origin])).toEqual([
      ['id', 'id', 'declared'],
      ['body', 'body', 'declared'],
      ['createdAt', 'created_at', 'timestamp'],
      ['updatedAt', 'updated_at', 'timestamp'],
    ]);
  });

  const postWith = (change: (column: CatalogRows['columns'][number]) => object, only = 'created_at') =>
    buildSchemaIR({
      ...ROWS,
      columns: ROWS.columns.map((c) => (c.name === only || only === '*' ? { ...c, ...change(c) } : c)),
    }).models.find((m) => m.name === 'Post')!;

  it('takes NOT NULL timestamp columns without time zone (Rails, Django, Laravel) for timestamps, declared in their place', () => {
    const withoutZone = (c: CatalogRows['columns'][number]) =>
      c.name.endsWith('_at')
        ? {
            type_name: 'timestamp',
            type_format:
              c.name === 'created_at' ? 'timestamp(6) without time zone' : 'timestamp without time zone',
          }
        : {};
    const post = postWith(withoutZone, '*');
    expect(post.options).toMatchObject({
      timestamps: true,
      underscored: true,
      createdAt: 'createdAt',
      updatedAt: 'updatedAt',
    });
    // Declared, they keep the column order, as a YAML schema declaring them does.
    expect(post.attributes.map((a) => [a.name, a.field, a.origin, a.type])).toEqual([
      ['id', 'id', 'declared', { kind: 'INTEGER' }],
      ['createdAt', 'created_at', 'declared', { kind: 'DATE', precision: 6, withoutTimeZone: true }],
      ['updatedAt', 'updated_at', 'declared', { kind: 'DATE', withoutTimeZone: true }],
      ['body', 'body', 'declared', { kind: 'TEXT' }],
    ]);
  });

  it('takes a timestamp column with a default for a timestamp, keeping the default', () => {
    const post = postWith(() => ({ default_sql: 'now()' }));
    expect(post.options).toMatchObject({ timestamps: true, createdAt: 'createdAt', updatedAt: 'updatedAt' });
    expect(post.attributes.find((a) => a.field === 'created_at')).toMatchObject({
      origin: 'declared',
      defaultValue: { kind: 'sql', sql: 'now()' },
    });
    expect(post.attributes.find((a) => a.field === 'updated_at')?.origin).toBe('timestamp');
  });

  it("does not take a nullable timestamp column (Laravel's default) for a timestamp", () => {
    const post = postWith(() => ({ not_null: false }));
    expect(post.options).toMatchObject({ timestamps: true, createdAt: false, updatedAt: 'updatedAt' });
    expect(post.attributes.find((a) => a.field === 'created_at')).toMatchObject({
      origin: 'declared',
      allowNull: true,
    });
  });

  it('does not take a created_at of another type for a timestamp', () => {
    const post = postWith(() => ({ type_name: 'date', type_format: 'date' }));
    expect(post.options).toMatchObject({ createdAt: false, updatedAt: 'updatedAt' });
  });

  it('includes and excludes by pattern; a reference to a left-out table has no model', () => {
    const only = buildSchemaIR(ROWS, { include: ['public.film*'], exclude: ['film'] });
    expect(only.models.map((m) => m.name)).toEqual(['FilmActor']);
    expect(only.models[0].attributes[1].references).toEqual({
      table: 'film',
      schema: 'public',
      key: 'film_id',
    });
  });

  it('strips Sequelize’s own enum type name', () => {
    const rows: CatalogRows = {
      ...ROWS,
      enums: [{ ...MPAA_RATING, name: 'enum_film_rating' }],
    };
    const rating = buildSchemaIR(rows)
      .models.find((m) => m.name === 'Film')!
      .attributes.find((a) => a.name === 'rating');
    expect(rating?.type).toEqual({ kind: 'ENUM', values: MPAA_RATING.labels });
  });

  it('is deterministic whatever the row order', () => {
    const shuffled: CatalogRows = {
      ...ROWS,
      relations: [...ROWS.relations].reverse(),
      columns: [...ROWS.columns].reverse(),
      constraints: [...ROWS.constraints].reverse(),
    };
    expect(buildSchemaIR(shuffled)).toEqual(ir);
  });
});
