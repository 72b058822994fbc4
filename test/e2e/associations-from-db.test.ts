/**
 * Associations generated from the foreign keys of the five real databases (../shared/schemas),
 * with the real CLI: every model file and index.ts compiles under `tsc --strict` (so no alias or
 * accessor collides with another member), junction tables come out as belongsToMany, and the
 * naming rules read as docs/from-db.md says on tables nobody on this project designed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import prettier from 'prettier';
import { runCli } from '../support/run-cli';
import { describeWithServer, needsServer } from '../support/test-database';
import { compileWithTsc } from '../support/tsc';
import {
  ensureRealDatabases,
  realDatabaseUrl,
  REAL_DATABASES,
} from '../integration/introspect/real-databases';

const ROOT = path.resolve(__dirname, '../..');

/** `Source.kind(Target, { as: "alias", ... })` statements of an index.ts, as `Source.kind(Target) alias [through]`. */
function associationsOf(index: string): string[] {
  const statements =
    index.match(/^ {2}\w+\.(?:belongsTo|hasOne|hasMany|belongsToMany)\(\w+, \{[^}]*\}\);/gm) ?? [];
  return statements.map((statement) => {
    const [, source, kind, target] = /^ {2}(\w+)\.(\w+)\((\w+)/.exec(statement)!;
    const as = /as: "(\w+)"/.exec(statement)![1];
    const through = /through: (\w+)/.exec(statement)?.[1];
    return `${source}.${kind}(${target}) ${as}${through ? ` through ${through}` : ''}`;
  });
}

describeWithServer(needsServer('generating associations from the real databases'), () => {
  let work: string;
  const index = (name: string) => readFileSync(path.join(work, name, 'index.ts'), 'utf8');

  beforeAll(async () => {
    await ensureRealDatabases();
    work = mkdtempSync(path.join(os.tmpdir(), 'gm-associations-'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
    for (const name of REAL_DATABASES) {
      const run = runCli(['--from-db', realDatabaseUrl(name), '--out', name], work);
      if (run.code !== 0) throw new Error(`gen-models --from-db ${name} failed:\n${run.stderr}`);
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('makes pagila film_actor and film_category, and chinook playlist_track, belongsToMany both ways', () => {
    expect(associationsOf(index('pagila'))).toEqual(
      expect.arrayContaining([
        'Actor.belongsToMany(Film) films through FilmActor',
        'Film.belongsToMany(Actor) actors through FilmActor',
        'Film.belongsToMany(Category) categories through FilmCategory',
        'FilmActor.belongsTo(Actor) actor',
        'Actor.hasMany(FilmActor) filmActors',
      ]),
    );
    for (const name of ['chinook', 'chinook_identity']) {
      expect(associationsOf(index(name))).toEqual(
        expect.arrayContaining([
          'Playlist.belongsToMany(Track) tracks through PlaylistTrack',
          'Track.belongsToMany(Playlist) playlists through PlaylistTrack',
        ]),
      );
    }
  });

  it('names two keys to one table from their columns, and a self-reference manager/reports', () => {
    expect(associationsOf(index('pagila'))).toEqual(
      expect.arrayContaining([
        'Film.belongsTo(Language) language',
        'Film.belongsTo(Language) originalLanguage',
        'Language.hasMany(Film) films',
        'Language.hasMany(Film) originalLanguageFilms',
      ]),
    );
    expect(associationsOf(index('chinook'))).toEqual(
      expect.arrayContaining([
        'Employee.belongsTo(Employee) manager',
        'Employee.hasMany(Employee) reports',
        'Customer.belongsTo(Employee) supportRep',
      ]),
    );
  });

  it('gives every foreign key a belongsTo or a JSDoc line saying why not, and no alias twice on a model', async () => {
    for (const name of REAL_DATABASES) {
      const statements = associationsOf(index(name));
      const belongsTo = statements.filter((s) => s.includes('.belongsTo(')).length;
      const notes = readdirSync(path.join(work, name))
        .filter((file) => file.endsWith('.ts'))
        .map(
          (file) =>
            readFileSync(path.join(work, name, file), 'utf8').match(/^ \* The (composite )?foreign key/gm)
              ?.length ?? 0,
        )
        .reduce((a, b) => a + b, 0);
      // Partitions are no models (their parent is), so their keys are not counted.
      const client = new Client({ connectionString: realDatabaseUrl(name) });
      await client.connect();
      const { rows } = await client
        .query<{ count: string }>(
          "SELECT count(*) FROM pg_constraint JOIN pg_class ON pg_class.oid = conrelid WHERE contype = 'f' AND NOT relispartition",
        )
        .finally(() => client.end());
      expect({ name, keys: belongsTo + notes }).toEqual({ name, keys: Number(rows[0]!.count) });
      const aliases = statements.map((s) => `${s.split('.')[0]} ${s.split(' ')[1]}`);
      expect(new Set(aliases).size).toBe(aliases.length);
    }
    const detail = readFileSync(path.join(work, 'adventureworks', 'Salesorderdetail.ts'), 'utf8');
    expect(detail).toContain(
      'The composite foreign key (specialofferid, productid) → Specialofferproduct (specialofferid, productid) is no association',
    );
  });

  it('is laid out as prettier lays it out (generic mixin types, association statements)', async () => {
    for (const name of REAL_DATABASES) {
      for (const file of readdirSync(path.join(work, name)).filter((f) => f.endsWith('.ts'))) {
        const text = readFileSync(path.join(work, name, file), 'utf8');
        expect({
          file: `${name}/${file}`,
          formatted: await prettier.check(text, { parser: 'typescript' }),
        }).toEqual({
          file: `${name}/${file}`,
          formatted: true,
        });
      }
    }
  });

  it('compiles under tsc --strict, every database at once', () => {
    const result = compileWithTsc(work, 'all', { module: 'commonjs', outDir: 'build', rootDir: '.' }, [
      ...REAL_DATABASES,
    ]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 300_000);

  // Runs the compiled models: needs the compiling test before it (jest runs a file's tests in order).
  it.each(REAL_DATABASES)(
    '%s: findAll with every generated association included, and a two-level include equal to a hand-written JOIN',
    (name) => {
      writeFileSync(path.join(work, `check-${name}.js`), checkProgram(name));
      const run = spawnSync(process.execPath, [`check-${name}.js`], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, URL: realDatabaseUrl(name), NODE_OPTIONS: '' },
        timeout: 240_000,
      });
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout) as {
        checked: number;
        failures: string[];
        pairs: unknown[];
        expected: unknown[];
      };
      expect(result.failures).toEqual([]);
      expect(result.checked).toBe(associationsOf(index(name)).length);
      // The shared AdventureWorks is its schema without rows: there both sides are empty.
      if (name !== 'adventureworks') expect(result.pairs.length).toBeGreaterThan(0);
      expect(result.pairs).toEqual(result.expected);
    },
    240_000,
  );
});

/** A two-level include of one parent, and the same rows by a hand-written JOIN (`a`: the child's key, `b`: the grandchild's). */
interface Sample {
  readonly model: string;
  readonly where: Record<string, unknown>;
  readonly first: string;
  readonly second: string;
  readonly childKey: string;
  readonly grandchildKey: string;
  readonly sql: string;
}

const CHINOOK: Sample = {
  model: 'Playlist',
  where: { playlistId: 1 },
  first: 'tracks',
  second: 'album',
  childKey: 'trackId',
  grandchildKey: 'title',
  sql: `SELECT t.track_id AS a, al.title AS b FROM playlist_track pt JOIN track t ON t.track_id = pt.track_id
        LEFT JOIN album al ON al.album_id = t.album_id WHERE pt.playlist_id = 1`,
};

const SAMPLES: Record<(typeof REAL_DATABASES)[number], Sample> = {
  pagila: {
    model: 'Actor',
    where: { actorId: 1 },
    first: 'films',
    second: 'language',
    childKey: 'filmId',
    grandchildKey: 'name',
    sql: `SELECT f.film_id AS a, l.name AS b FROM film_actor fa JOIN film f ON f.film_id = fa.film_id
          LEFT JOIN language l ON l.language_id = f.language_id WHERE fa.actor_id = 1`,
  },
  chinook: CHINOOK,
  chinook_identity: CHINOOK,
  northwind: {
    model: 'Customer',
    where: { customerId: 'ALFKI' },
    first: 'orders',
    second: 'orderDetails',
    childKey: 'orderId',
    grandchildKey: 'productId',
    sql: `SELECT o.order_id AS a, od.product_id AS b FROM orders o
          LEFT JOIN order_details od ON od.order_id = o.order_id WHERE o.customer_id = 'ALFKI'`,
  },
  adventureworks: {
    model: 'Productcategory',
    where: { productcategoryid: 1 },
    first: 'productsubcategories',
    second: 'products',
    childKey: 'productsubcategoryid',
    grandchildKey: 'productid',
    sql: `SELECT s.productsubcategoryid AS a, p.productid AS b FROM production.productsubcategory s
          LEFT JOIN production.product p ON p.productsubcategoryid = s.productsubcategoryid
          WHERE s.productcategoryid = 1`,
  },
};

/** A plain JavaScript program run on the compiled models: prints what the test asserts, as JSON. */
function checkProgram(name: (typeof REAL_DATABASES)[number]): string {
  return `const { Sequelize, initModels } = require('./build/${name}/index.js');
const sample = ${JSON.stringify(SAMPLES[name])};
const sorted = (pairs) => pairs.map((p) => JSON.stringify(p)).sort();

async function main() {
  const sequelize = new Sequelize(process.env.URL, { logging: false });
  try {
    const models = initModels(sequelize);
    const failures = [];
    let checked = 0;
    for (const [modelName, model] of Object.entries(models)) {
      for (const as of Object.keys(model.associations)) {
        checked++;
        try {
          await model.findAll({ include: [{ association: as }], limit: 5 });
        } catch (error) {
          failures.push(modelName + '.' + as + ': ' + error.message);
        }
      }
    }
    const parents = await models[sample.model].findAll({
      where: sample.where,
      include: [{ association: sample.first, include: [{ association: sample.second }] }],
    });
    const pairs = parents.flatMap((parent) =>
      parent.get(sample.first).flatMap((child) => {
        const loaded = child.get(sample.second);
        const grandchildren = Array.isArray(loaded) ? loaded : [loaded];
        const keys = grandchildren.length === 0 ? [null] : grandchildren.map((g) => (g ? g.get(sample.grandchildKey) : null));
        return keys.map((key) => [child.get(sample.childKey), key]);
      }),
    );
    const [rows] = await sequelize.query(sample.sql);
    const expected = rows.map((row) => [row.a, row.b]);
    console.log(JSON.stringify({ checked, failures, pairs: sorted(pairs), expected: sorted(expected) }));
  } finally {
    await sequelize.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}
