/**
 * Introspection of real databases nobody on this project wrote (../shared/schemas, loaded as
 * real_<name> by load.sh), asserting facts about each, and that the number of catalog queries
 * is the same small constant for every one of them.
 */
import { Pool } from 'pg';
import type { AttributeIR, ModelIR, SchemaIR } from '../../../generator/ir.js';
import { CATALOG_QUERY_COUNT } from '../../../runtime/catalog/catalog-queries.js';
import { introspectDatabase } from '../../../generator/introspect/introspect.js';
import { loadSchemaText } from '../../../generator/schema/load-schema.js';
import { schemaToYaml } from '../../../generator/schema/to-yaml.js';
import { describeWithServer, needsServer, serverUrl } from '../../support/test-database.js';
import { comparableModels } from '../../unit/introspect/comparable-ir.js';
import { countingClient } from './catalog-connection.js';
import { ensureRealDatabases, realDatabaseUrl, REAL_DATABASES, type RealDatabase } from './real-databases.js';

// Needs a PostgreSQL server to load the shared schemas into (they are SQL dumps with psql
// commands, not something PGlite can run); without DATABASE_URL the same pipeline is tested on
// PGlite by introspect-database.test.ts.
describeWithServer(needsServer('introspecting the real databases'), () => {
  const schemas = new Map<RealDatabase, SchemaIR>();
  const queryCounts = new Map<RealDatabase, number>();

  beforeAll(async () => {
    await ensureRealDatabases();
    for (const name of REAL_DATABASES) {
      const connection = await countingClient(realDatabaseUrl(name));
      try {
        schemas.set(name, await introspectDatabase(connection.query, {}));
        queryCounts.set(name, connection.sent.count);
      } finally {
        await connection.close();
      }
    }
  }, 180_000);

  const ir = (name: RealDatabase): SchemaIR => schemas.get(name)!;
  const model = (name: RealDatabase, tableName: string, schema = 'public'): ModelIR => {
    const found = ir(name).models.find((m) => m.tableName === tableName && m.schema === schema);
    if (!found) throw new Error(`no model for ${schema}.${tableName} in ${name}`);
    return found;
  };
  const column = (m: ModelIR, field: string): AttributeIR => {
    const found = m.attributes.find((a) => a.field === field);
    if (!found) throw new Error(`no column ${field} in ${m.tableName}`);
    return found;
  };

  it('reports a database that does not exist as one line', async () => {
    const url = new URL(serverUrl!);
    url.pathname = '/gm_no_such_database';
    const pool = new Pool({ connectionString: url.toString() });
    try {
      await expect(introspectDatabase((sql, params) => pool.query(sql, params), {})).rejects.toThrow(
        'cannot connect to the database: database "gm_no_such_database" does not exist',
      );
    } finally {
      await pool.end();
    }
  });

  it('reports a role without CONNECT as one permission line', async () => {
    const role = `gm_no_connect_${process.pid}`;
    const admin = new Pool({ connectionString: realDatabaseUrl('chinook') });
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`REVOKE CONNECT ON DATABASE real_chinook FROM PUBLIC`);
    const url = new URL(realDatabaseUrl('chinook'));
    url.username = role;
    const pool = new Pool({ connectionString: url.toString() });
    try {
      await expect(introspectDatabase((sql, params) => pool.query(sql, params), {})).rejects.toThrow(
        /^permission denied: permission denied for database "?real_chinook"? \(connect as a role with CONNECT on the database\)$/,
      );
    } finally {
      await pool.end();
      await admin.query(`GRANT CONNECT ON DATABASE real_chinook TO PUBLIC`);
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    }
  });

  it('sends the same small number of queries for every database', () => {
    expect([...queryCounts.values()]).toEqual(REAL_DATABASES.map(() => CATALOG_QUERY_COUNT));
  });

  it.each(REAL_DATABASES)(
    '%s: class names are unique case-insensitively and every model has attributes',
    (name) => {
      const names = ir(name).models.map((m) => m.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      expect(ir(name).models.every((m) => m.attributes.length > 0)).toBe(true);
      expect(ir(name).source).toEqual({ kind: 'database', database: `real_${name}` });
    },
  );

  it.each(REAL_DATABASES)('%s: the YAML it writes loads back (tables: the same IR)', (name) => {
    // Views without a primary key get the loader's automatic id and one with an `id` column is
    // refused (the format has no "no primary key"): only tables with a key are compared.
    const tables = {
      ...ir(name),
      models: ir(name).models.filter((m) => m.kind === 'table' && m.attributes.some((a) => a.primaryKey)),
    };
    const back = loadSchemaText(schemaToYaml(tables), 'schema.yaml');
    expect(comparableModels(back)).toEqual(comparableModels(tables));
  });

  describe('pagila', () => {
    it('has the partitioned payment as one model and no partitions', () => {
      expect(model('pagila', 'payment').kind).toBe('table');
      expect(ir('pagila').models.filter((m) => m.tableName.startsWith('payment_p'))).toEqual([]);
    });

    it('maps the mpaa_rating enum, the year domain, text[] and tsvector', () => {
      const film = model('pagila', 'film');
      expect(column(film, 'rating').type).toEqual({
        kind: 'ENUM',
        values: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
        typeName: 'mpaa_rating',
        typeSchema: 'public',
      });
      expect(column(film, 'release_year')).toMatchObject({
        type: { kind: 'INTEGER' },
        domain: { name: 'year', schema: 'public' },
      });
      expect(column(film, 'special_features').type).toEqual({ kind: 'ARRAY', element: { kind: 'TEXT' } });
      expect(column(film, 'fulltext').type).toEqual({ kind: 'TSVECTOR' });
    });

    it('makes views and the materialized view read-only models', () => {
      expect(model('pagila', 'actor_info').kind).toBe('view');
      expect(model('pagila', 'customer_list').kind).toBe('view');
      expect(model('pagila', 'rental_by_category').kind).toBe('materializedView');
    });

    it('keeps the composite primary key of film_actor', () => {
      expect(
        model('pagila', 'film_actor')
          .attributes.filter((a) => a.primaryKey)
          .map((a) => a.field),
      ).toEqual(['actor_id', 'film_id']);
    });

    it('takes its unique indexes for unique keys', () => {
      expect(column(model('pagila', 'store'), 'manager_staff_id').unique).toBe(true);
      expect(column(model('pagila', 'rental'), 'inventory_id').unique).toBe(
        'idx_unq_rental_rental_date_inventory_id_customer_id',
      );
    });

    it('gives the "zip code" view column a safe name', () => {
      expect(column(model('pagila', 'customer_list'), 'zip code').name).toBe('zipCode');
    });
  });

  describe('chinook', () => {
    it('has plain integer primary keys and foreign keys', () => {
      const album = model('chinook', 'album');
      expect(column(album, 'album_id')).toMatchObject({
        primaryKey: true,
        autoIncrement: false,
        type: { kind: 'INTEGER' },
      });
      expect(column(album, 'artist_id').references).toMatchObject({
        model: 'Artist',
        table: 'artist',
        key: 'artist_id',
      });
    });
  });

  describe('chinook_identity', () => {
    it('maps GENERATED ALWAYS AS IDENTITY primary keys', () => {
      for (const m of ir('chinook_identity').models) {
        const keys = m.attributes.filter((a) => a.primaryKey);
        if (keys.length === 1) expect(keys[0].generated).toBe('identity-always');
      }
      expect(column(model('chinook_identity', 'artist'), 'artist_id').generated).toBe('identity-always');
    });
  });

  describe('northwind', () => {
    it('maps bytea, real and smallint', () => {
      expect(column(model('northwind', 'categories'), 'picture').type).toEqual({ kind: 'BLOB' });
      expect(column(model('northwind', 'order_details'), 'discount').type).toEqual({ kind: 'REAL' });
      expect(column(model('northwind', 'products'), 'units_in_stock').type).toEqual({ kind: 'SMALLINT' });
      expect(model('northwind', 'order_details').attributes.filter((a) => a.primaryKey)).toHaveLength(2);
    });
  });

  describe('adventureworks', () => {
    it('reads 11 schemas (10 with relations, domains in public); the same name in two schemas does not clash', () => {
      const schemasOfModels = new Set(ir('adventureworks').models.map((m) => m.schema));
      expect([...schemasOfModels].sort()).toEqual([
        'hr',
        'humanresources',
        'pe',
        'person',
        'pr',
        'production',
        'pu',
        'purchasing',
        'sa',
        'sales',
      ]);
      const domainSchemas = ir('adventureworks').models.flatMap((m) =>
        m.attributes.flatMap((a) => (a.domain?.schema ? [a.domain.schema] : [])),
      );
      expect(new Set([...schemasOfModels, ...domainSchemas]).size).toBe(11);
      expect(model('adventureworks', 'd', 'hr').name).toBe('HrD');
      expect(model('adventureworks', 'd', 'pr').name).toBe('PrD');
    });

    it('resolves the "Name" domain, renames product.class, keeps comments', () => {
      const product = model('adventureworks', 'product', 'production');
      expect(column(product, 'name')).toMatchObject({
        type: { kind: 'STRING', length: 50 },
        domain: { name: 'Name' },
      });
      expect(column(product, 'makeflag')).toMatchObject({
        type: { kind: 'BOOLEAN' },
        allowNull: false,
        domain: { name: 'Flag' },
      });
      expect(column(product, 'class').name).toBe('productClass');
      expect(product.comment).toMatch(/Products sold/);
      expect(column(product, 'productid').comment).toMatch(/Primary key/);
      const comments = ir('adventureworks').models.filter((m) => m.kind === 'table' && m.comment).length;
      expect(comments).toBeGreaterThanOrEqual(60);
    });

    it('maps xml and uuid', () => {
      expect(column(model('adventureworks', 'product', 'production'), 'rowguid').type).toEqual({
        kind: 'UUID',
      });
      expect(
        column(model('adventureworks', 'productmodel', 'production'), 'catalogdescription').type,
      ).toEqual({ kind: 'CUSTOM', sql: 'xml' });
    });
  });
});
