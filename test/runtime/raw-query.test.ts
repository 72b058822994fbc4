/**
 * sequelize.query(): replacements (named, positional, lists) and named bind become $n
 * parameters, never SQL text; the result is shaped per QueryTypes as Sequelize 6 on PostgreSQL.
 */
import { DataTypes, Model, QueryTypes, Sequelize } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface TagAttributes {
  id: number;
  name: string;
  teamName: string | null;
}
class Tag extends Model<TagAttributes, Partial<TagAttributes>> {
  declare id: number;
  declare name: string;
  declare teamName: string | null;
}

let conn: TestConnection;
const q = () => conn.sequelize;
beforeAll(async () => {
  conn = await openTestConnection();
  Tag.init(
    { name: DataTypes.TEXT, teamName: { type: DataTypes.TEXT, field: 'team_name' } },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await Tag.sync({ force: true });
  await Tag.create({ name: 'h1', teamName: 'red' });
  await Tag.create({ name: "o'k", teamName: 'blue' });
});
afterAll(() => conn.close());

describe('replacements', () => {
  test('named :name and positional ?, arrays expand to lists, nested arrays to tuples', async () => {
    expect(
      await q().query('SELECT name FROM "Tags" WHERE name = :slug', {
        replacements: { slug: 'h1' },
        type: QueryTypes.SELECT,
      }),
    ).toEqual([{ name: 'h1' }]);
    expect(
      await q().query('SELECT name FROM "Tags" WHERE name = ? OR name = ? ORDER BY name', {
        replacements: ['h1', "o'k"],
        type: QueryTypes.SELECT,
      }),
    ).toEqual([{ name: 'h1' }, { name: "o'k" }]);
    expect(
      await q().query('SELECT name FROM "Tags" WHERE name IN (:s) ORDER BY name', {
        replacements: { s: ['h1', "o'k", 'none'] },
        type: 'SELECT',
      }),
    ).toEqual([{ name: 'h1' }, { name: "o'k" }]);
    expect(
      await q().query(
        'SELECT count(*)::int AS n FROM (VALUES (1, 2), (3, 4)) v(a, b) WHERE (a, b) IN (:pairs)',
        {
          replacements: {
            pairs: [
              [1, 2],
              [3, 5],
            ],
          },
          plain: true,
        },
      ),
    ).toEqual({ n: 1 });
  });

  test('not replaced inside strings, quoted identifiers, comments, dollar quotes and :: casts', async () => {
    const row = await q().query(
      `SELECT ':a' AS s, E'\\':a' AS e, 1 AS ":a", $x$ :a ? $x$ AS d, :a::int AS n -- :a ?
       /* :a /* ? */ */`,
      { replacements: { a: '5' }, plain: true },
    );
    expect(row).toEqual({ s: ':a', e: "':a", ':a': 1, d: ' :a ? ', n: 5 });
    const [positional] = await q().query(`SELECT '?' AS s, ? AS v`, { replacements: [7] });
    expect(positional).toEqual([{ s: '?', v: '7' }]);
  });

  test('a missing, extra, empty or object replacement is refused by name', async () => {
    await expect(q().query('SELECT :a, :b', { replacements: { a: 1 } })).rejects.toThrow(
      'Named replacement ":b" has no entry in the replacement map.',
    );
    await expect(q().query('SELECT ?, ?', { replacements: [1] })).rejects.toThrow(
      'Positional replacement (?) 1 has no entry in the replacement map (replacements[1] is undefined).',
    );
    await expect(q().query('SELECT ?', { replacements: [1, 2] })).rejects.toThrow(
      '2 positional replacements',
    );
    await expect(q().query('SELECT 1 WHERE 1 IN (:s)', { replacements: { s: [] } })).rejects.toThrow(
      'Named replacement ":s" is an empty array',
    );
    await expect(q().query('SELECT :o', { replacements: { o: { x: 1 } } })).rejects.toThrow(
      'Invalid value {"x":1}',
    );
    await expect(q().query('SELECT :a', { replacements: { a: 1 }, bind: [1] })).rejects.toThrow(
      'Both `replacements` and `bind` cannot be set at the same time',
    );
  });

  test.each([
    ['\'; DROP TABLE "Tags"; --'],
    ['$1'],
    ['-- comment'],
    [';'],
    [':name'],
    ['?'],
    ["it''s \\' \"q\""],
    ['héllo 🎉 日本'],
    ['x'.repeat(100_000)],
  ])('hostile value %#: sent as a parameter, matched exactly, table intact', async (hostile) => {
    const [inserted] = await q().query('INSERT INTO "Tags" (name) VALUES (:v) RETURNING id', {
      replacements: { v: hostile },
      type: QueryTypes.INSERT,
    });
    const id = (inserted[0] as { id: number }).id;
    const found = await q().query<{ id: number; name: string }>(
      'SELECT id, name FROM "Tags" WHERE name = ? AND id = ?',
      { replacements: [hostile, id], type: QueryTypes.SELECT },
    );
    expect(found).toEqual([{ id, name: hostile }]);
    expect(
      await q().query('SELECT name FROM "Tags" WHERE name = :v', {
        replacements: { v: hostile + 'x' },
        type: 'SELECT',
      }),
    ).toEqual([]);
    await q().query('DELETE FROM "Tags" WHERE id = $1', { bind: [id] });
    expect(await Tag.count()).toBe(2);
  });
});

describe('bind', () => {
  test('$1 with an array, $name with an object (each name one parameter), $1 inside strings left alone', async () => {
    expect(await q().query("SELECT $1::text AS a, '$1' AS s", { bind: ['x'], plain: true })).toEqual({
      a: 'x',
      s: '$1',
    });
    expect(
      await q().query('SELECT $slug::text AS a, $slug::text || $n::text AS b', {
        bind: { slug: 'h1', n: 2 },
        plain: true,
      }),
    ).toEqual({ a: 'h1', b: 'h12' });
    await expect(q().query('SELECT $a, $b', { bind: { a: 1 } })).rejects.toThrow(
      'Named bind parameter "$b" has no value in the given object.',
    );
  });
});

describe('result shapes per type', () => {
  test('RAW (default): [rows, meta]; SELECT: rows; plain: first row or null', async () => {
    const [rows, meta] = await q().query('SELECT name FROM "Tags" ORDER BY name');
    expect(rows).toEqual([{ name: 'h1' }, { name: "o'k" }]);
    expect(meta.rowCount).toBe(2);
    expect(await q().query('SELECT 1 AS a WHERE false', { type: QueryTypes.SELECT, plain: true })).toBeNull();
    expect(await q().query('SELECT 1 AS a', { plain: true })).toEqual({ a: 1 });
  });

  test('INSERT and UPDATE: [rows, rowCount]; BULKUPDATE/BULKDELETE: rowCount; DELETE: nothing', async () => {
    const [ins, n] = await q().query(`INSERT INTO "Tags" (name) VALUES ('tmp'), ('tmp') RETURNING name`, {
      type: QueryTypes.INSERT,
    });
    expect([ins, n]).toEqual([[{ name: 'tmp' }, { name: 'tmp' }], 2]);
    const [upd, u] = await q().query(
      `UPDATE "Tags" SET team_name = 'x' WHERE name = 'tmp' RETURNING team_name`,
      {
        type: QueryTypes.UPDATE,
      },
    );
    expect([upd, u]).toEqual([[{ team_name: 'x' }, { team_name: 'x' }], 2]);
    expect(
      await q().query(`UPDATE "Tags" SET team_name = 'y' WHERE name = 'tmp'`, {
        type: QueryTypes.BULKUPDATE,
      }),
    ).toBe(2);
    expect(
      await q().query(`DELETE FROM "Tags" WHERE name = :n`, {
        replacements: { n: 'tmp' },
        type: QueryTypes.BULKDELETE,
      }),
    ).toBe(2);
    expect(
      await q().query(`DELETE FROM "Tags" WHERE name = 'tmp'`, { type: QueryTypes.DELETE }),
    ).toBeUndefined();
  });

  test('model: instances (isNewRecord false); mapToModel maps columns to attributes', async () => {
    const tags = await q().query('SELECT * FROM "Tags" ORDER BY name', { model: Tag, mapToModel: true });
    expect(tags[0]).toBeInstanceOf(Tag);
    expect(tags.map((t) => [t.name, t.teamName, t.isNewRecord])).toEqual([
      ['h1', 'red', false],
      ["o'k", 'blue', false],
    ]);
    const one = await q().query('SELECT * FROM "Tags" WHERE name = :n', {
      model: Tag,
      replacements: { n: 'h1' },
      plain: true,
    });
    expect(one?.name).toBe('h1');
  });

  test('types it does not answer and unknown options are refused by name', async () => {
    await expect(q().query('SELECT 1', { type: QueryTypes.SHOWTABLES } as never)).rejects.toThrow(
      'type SHOWTABLES is not supported',
    );
    await expect(q().query('SELECT 1', { type: 'SELEKT' as never })).rejects.toThrow('unknown type "SELEKT"');
    await expect(q().query('SELECT 1', { replacement: {} } as never)).rejects.toThrow('replacements');
    await expect(q().query('SELECT 1', { mapToModel: true })).rejects.toThrow('mapToModel needs a model');
  });

  test('Sequelize.QueryTypes is QueryTypes, values equal keys', () => {
    expect(Sequelize.QueryTypes).toBe(QueryTypes);
    for (const [k, v] of Object.entries(QueryTypes)) expect(v).toBe(k);
  });
});
