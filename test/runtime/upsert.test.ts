/** upsert: one INSERT ... ON CONFLICT DO UPDATE ... RETURNING; resolves [instance, created: boolean]. */
import { DataTypes, Model, ValidationError } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface ItemAttributes {
  id: number;
  slug: string;
  name: string | null;
  n: number;
  createdAt: Date;
  updatedAt: Date;
}
class Item extends Model<ItemAttributes, Partial<ItemAttributes>> {
  declare id: number;
  declare slug: string;
  declare name: string | null;
  declare n: number;
  declare createdAt: Date;
  declare updatedAt: Date;
}

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
  Item.init(
    {
      slug: { type: DataTypes.STRING, allowNull: false, unique: true },
      name: DataTypes.STRING,
      n: { type: DataTypes.INTEGER, field: 'n_col', defaultValue: 0 },
    },
    { sequelize: conn.sequelize },
  );
  await Item.sync({ force: true });
});
afterAll(() => conn.close());

test('insert then update on a unique key: one statement each, created true then false, createdAt kept', async () => {
  conn.statements.length = 0;
  const [first, created] = await Item.upsert({ slug: 'a', name: 'A', n: 1 });
  expect(created).toBe(true);
  expect([first.slug, first.name, first.n, first.isNewRecord]).toEqual(['a', 'A', 1, false]);
  const [second, again] = await Item.upsert({ slug: 'a', name: 'B' });
  expect(again).toBe(false);
  expect([second.id, second.name, second.n]).toEqual([first.id, 'B', 1]);
  expect(second.createdAt.getTime()).toBe(first.createdAt.getTime());
  expect(conn.statements).toHaveLength(2);
  expect(await Item.count()).toBe(1);
});

test('by primary key, fields limits the updated attributes, conflictFields chooses the key', async () => {
  const [row] = await Item.upsert({ slug: 'b', name: 'B', n: 5 });
  const [byPk, created] = await Item.upsert({ id: row.id, slug: 'b', name: 'C', n: 9 }, { fields: ['name'] });
  expect([created, byPk.name, byPk.n]).toEqual([false, 'C', 5]);
  const [byKey] = await Item.upsert({ slug: 'b', n: 7 }, { conflictFields: ['slug'] });
  expect([byKey.id, byKey.n]).toEqual([row.id, 7]);
});

test('hostile values are parameters: the match is exact, the table intact', async () => {
  const hostile = `'); DELETE FROM "Items"; -- $1 :name ? 日本 🎉`;
  const [made, created] = await Item.upsert({ slug: hostile, name: hostile });
  expect([created, made.slug, made.name]).toEqual([true, hostile, hostile]);
  expect((await Item.upsert({ slug: hostile, name: 'x' }))[1]).toBe(false);
  expect(await Item.count()).toBe(3);
});

test('refusals: no unique key given, returning: false, unknown option, invalid values', async () => {
  await expect(Item.upsert({ name: 'x' })).rejects.toThrow('name no unique key');
  await expect(Item.upsert({ slug: 'z' }, { returning: false })).rejects.toThrow(
    'returning: false is not supported',
  );
  await expect(Item.upsert({ slug: 'z' }, { conflictFeilds: ['slug'] } as never)).rejects.toThrow(
    'did you mean "conflictFields"',
  );
  await expect(
    Item.upsert({ slug: null as never, name: 'x' }, { conflictFields: ['slug'] }),
  ).rejects.toBeInstanceOf(ValidationError);
});
