import type { ModelIR } from '../../../generator/ir.js';
import { buildSchemaIR } from '../../../generator/introspect/build-schema-ir.js';
import type { CatalogRows } from '../../../generator/introspect/catalog-rows.js';
import { column, constraint, MPAA_RATING, NAME_DOMAIN, relation, YEAR_DOMAIN } from './catalog-fixtures.js';

/** A slice of pagila and adventureworks, as the catalog queries return it. */
const ROWS: CatalogRows = {
  database: 'fixture',
  relations: [
    relation('10', 'public', 'film', 'r', 'A film'),
    relation('11', 'public', 'film_actor'),
    relation('12', 'public', 'actor'),
    relation('13', 'public', 'customer_list', 'v'),
    relation('14', 'public', 'rental_by_category', 'm'),
    relation('15', 'public', 'payment', 'p'),
    relation('20', 'person', 'address'),
    relation('21', 'sales', 'address'),
    relation('22', 'production', 'product'),
    relation('30', 'public', 'posts'),
  ],
  columns: [
    column('10', 2, 'title', 'text', 'text', { not_null: true, comment: 'The title' }),
    column('10', 1, 'film_id', 'int4', 'integer', { not_null: true, default_sql: "nextval('film_film_id_seq'::regclass)" }),
    column('10', 3, 'release_year', 'year', 'year', {
      type_oid: YEAR_DOMAIN.oid, type_schema: 'public', type_kind: 'd', type_category: 'N',
    }),
    column('10', 4, 'rating', 'mpaa_rating', 'mpaa_rating', {
      type_oid: MPAA_RATING.oid, type_schema: 'public', type_kind: 'e', type_category: 'E', default_sql: "'G'::mpaa_rating",
    }),
    column('10', 5, 'special_features', '_text', 'text[]', {
      element_oid: '25', element_name: 'text', element_schema: 'pg_catalog', element_kind: 'b', element_category: 'S', element_format: 'text',
    }),
    column('10', 6, 'status', 'varchar', 'character varying(10)'),
    column('11', 1, 'actor_id', 'int2', 'smallint', { not_null: true }),
    column('11', 2, 'film_id', 'int2', 'smallint', { not_null: true }),
    column('12', 1, 'actor_id', 'int4', 'integer', { not_null: true, identity: 'a' }),
    column('12', 2, 'first_name', 'text', 'text', { not_null: true }),
    column('12', 3, 'last_name', 'text', 'text', { not_null: true }),
    column('13', 1, 'zip code', 'text', 'text'),
    column('13', 2, 'name', 'text', 'text'),
    column('14', 1, 'category', 'text', 'text'),
    column('15', 1, 'payment_id', 'int4', 'integer', { not_null: true }),
    column('20', 1, 'address_id', 'int4', 'integer', { not_null: true }),
    column('20', 2, 'name', 'Name', '"Name"', {
      type_oid: NAME_DOMAIN.oid, type_schema: 'public', type_kind: 'd', type_category: 'S',
    }),
    column('21', 1, 'address_id', 'int4', 'integer', { not_null: true }),
    column('22', 1, 'product_id', 'int4', 'integer', { not_null: true }),
    column('22', 2, 'class', 'bpchar', 'character(2)'),
    column('22', 3, 'save', 'bool', 'boolean'),
    column('30', 1, 'id', 'int4', 'integer', { not_null: true }),
    column('30', 2, 'created_at', 'timestamptz', 'timestamp with time zone', { not_null: true }),
    column('30', 3, 'updated_at', 'timestamptz', 'timestamp with time zone', { not_null: true }),
    column('30', 4, 'body', 'text', 'text'),
  ],
  constraints: [
    constraint('10', 'film_pkey', 'p', ['film_id']),
    constraint('10', 'film_title_key', 'u', ['title']),
    constraint('10', 'film_status_check', 'c', ['status'], {
      definition: "CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'out'::character varying])::text[])))",
    }),
    constraint('11', 'film_actor_pkey', 'p', ['actor_id', 'film_id']),
    constraint('11', 'film_actor_actor_id_fkey', 'f', ['actor_id'], {
      referenced_oid: '12', referenced_schema: 'public', referenced_table: 'actor', referenced_columns: ['actor_id'],
      on_delete: 'r', on_update: 'c',
    }),
    constraint('11', 'film_actor_film_id_fkey', 'f', ['film_id'], {
      referenced_oid: '10', referenced_schema: 'public', referenced_table: 'film', referenced_columns: ['film_id'],
    }),
    constraint('12', 'actor_pkey', 'p', ['actor_id']),
    constraint('12', 'actor_name_key', 'u', ['first_name', 'last_name']),
    constraint('15', 'payment_pkey', 'p', ['payment_id']),
    constraint('22', 'product_pkey', 'p', ['product_id']),
    constraint('30', 'posts_pkey', 'p', ['id']),
  ],
  enums: [MPAA_RATING],
  domains: [YEAR_DOMAIN, NAME_DOMAIN],
};

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
      'Actor', 'CustomerList', 'Film', 'FilmActor', 'Payment', 'PersonAddress', 'Post', 'Product', 'RentalByCategory', 'SalesAddress',
    ]);
  });

  it('keeps the table and schema exactly, frozen, without timestamps', () => {
    expect(model('Film')).toMatchObject({
      tableName: 'film',
      schema: 'public',
      kind: 'table',
      comment: 'A film',
      options: { explicitTableName: true, freezeTableName: true, underscored: false, timestamps: false, createdAt: false, updatedAt: false },
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
    expect(model('Film').attributes.map((a) => a.field)).toEqual(['film_id', 'title', 'release_year', 'rating', 'special_features', 'status']);
    expect(model('Film').attributes.every((a) => a.origin === 'declared')).toBe(true);
  });

  it('maps a serial primary key', () => {
    expect(attribute('Film', 'filmId')).toEqual({
      name: 'filmId', field: 'film_id', type: { kind: 'INTEGER' }, allowNull: false,
      primaryKey: true, autoIncrement: true, unique: false, origin: 'declared',
    });
  });

  it('maps NOT NULL, comments, unique keys (single and composite), identity', () => {
    expect(attribute('Film', 'title')).toMatchObject({ allowNull: false, unique: true, comment: 'The title' });
    expect(attribute('Actor', 'firstName').unique).toBe('actor_name_key');
    expect(attribute('Actor', 'lastName').unique).toBe('actor_name_key');
    expect(attribute('Actor', 'actorId')).toMatchObject({ primaryKey: true, autoIncrement: false, generated: 'identity-always' });
  });

  it('maps domains, enums (with their own type name) and arrays', () => {
    expect(attribute('Film', 'releaseYear')).toMatchObject({ type: { kind: 'INTEGER' }, domain: { name: 'year', schema: 'public' } });
    expect(attribute('Film', 'rating')).toMatchObject({
      type: { kind: 'ENUM', values: MPAA_RATING.labels, typeName: 'mpaa_rating', typeSchema: 'public' },
      defaultValue: { kind: 'literal', value: 'G' },
    });
    expect(attribute('Film', 'specialFeatures').type).toEqual({ kind: 'ARRAY', element: { kind: 'TEXT' } });
    expect(attribute('PersonAddress', 'name')).toMatchObject({ type: { kind: 'STRING', length: 50 }, domain: { name: 'Name' } });
  });

  it('turns a CHECK listing values into checkValues', () => {
    expect(attribute('Film', 'status').checkValues).toEqual(['draft', 'out']);
  });

  it('maps composite primary keys and foreign keys, naming the model', () => {
    const actorId = attribute('FilmActor', 'actorId');
    expect(actorId.primaryKey).toBe(true);
    expect(attribute('FilmActor', 'filmId').primaryKey).toBe(true);
    expect(actorId.references).toEqual({ model: 'Actor', table: 'actor', schema: 'public', key: 'actor_id', onDelete: 'RESTRICT', onUpdate: 'CASCADE' });
    expect(attribute('FilmActor', 'filmId').references).toEqual({ model: 'Film', table: 'film', schema: 'public', key: 'film_id' });
  });

  it('gives unsafe column names safe properties and keeps the column', () => {
    expect(attribute('CustomerList', 'zipCode').field).toBe('zip code');
    expect(attribute('Product', 'productClass').field).toBe('class');
    expect(attribute('Product', 'productSave').field).toBe('save');
  });

  it('detects Sequelize timestamps (created_at/updated_at timestamptz NOT NULL), listed last', () => {
    const post = model('Post');
    expect(post.options).toMatchObject({ timestamps: true, underscored: true, createdAt: 'createdAt', updatedAt: 'updatedAt' });
    expect(post.attributes.map((a) => [a.name, a.field, a.origin])).toEqual([
      ['id', 'id', 'declared'],
      ['body', 'body', 'declared'],
      ['createdAt', 'created_at', 'timestamp'],
      ['updatedAt', 'updated_at', 'timestamp'],
    ]);
  });

  it('does not take a timestamp column with a default for a Sequelize timestamp', () => {
    const rows: CatalogRows = {
      ...ROWS,
      columns: ROWS.columns.map((c) => (c.name === 'created_at' ? { ...c, default_sql: 'now()' } : c)),
    };
    const post = buildSchemaIR(rows).models.find((m) => m.name === 'Post')!;
    expect(post.options).toMatchObject({ timestamps: true, createdAt: false, updatedAt: 'updatedAt' });
    expect(post.attributes.find((a) => a.field === 'created_at')?.origin).toBe('declared');
  });

  it('includes and excludes by pattern; a reference to a left-out table has no model', () => {
    const only = buildSchemaIR(ROWS, { include: ['public.film*'], exclude: ['film'] });
    expect(only.models.map((m) => m.name)).toEqual(['FilmActor']);
    expect(only.models[0].attributes[1].references).toEqual({ table: 'film', schema: 'public', key: 'film_id' });
  });

  it('strips Sequelize’s own enum type name', () => {
    const rows: CatalogRows = {
      ...ROWS,
      enums: [{ ...MPAA_RATING, name: 'enum_film_rating' }],
    };
    const rating = buildSchemaIR(rows).models.find((m) => m.name === 'Film')!.attributes.find((a) => a.name === 'rating');
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
