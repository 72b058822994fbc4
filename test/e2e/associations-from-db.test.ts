/**
 * Associations generated from the foreign keys of the five real databases (../shared/schemas),
 * with the real CLI: every model file and index.ts compiles under `tsc --strict` (so no alias or
 * accessor collides with another member), junction tables come out as belongsToMany, and the
 * naming rules read as docs/from-db.md says on tables nobody on this project designed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
    const result = compileWithTsc(work, 'all', { module: 'commonjs', noEmit: true }, [...REAL_DATABASES]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 300_000);
});
