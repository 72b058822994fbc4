/** bulkCreate: one multi-row INSERT (chunked under 65535 parameters), ignoreDuplicates, updateOnDuplicate. */
import { DataTypes, Model, UniqueConstraintError } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface TagAttributes {
  id: number;
  slug: string;
  name: string | null;
  n: number | null;
}
class Tag extends Model<TagAttributes, Partial<TagAttributes>> {
  declare id: number;
  declare slug: string;
  declare name: string | null;
  declare n: number | null;
}

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
  Tag.init(
    {
      slug: { type: DataTypes.STRING, allowNull: false, unique: true },
      name: DataTypes.STRING,
      n: { type: DataTypes.INTEGER, field: 'n_col' },
    },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await Tag.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(() => Tag.destroy({ truncate: true }));

test('30,000 rows × 3 columns: chunked under the parameter limit, every instance gets its id', async () => {
  const records = Array.from({ length: 30_000 }, (_, i) => ({ slug: `s${i}`, name: `n${i}`, n: i }));
  conn.statements.length = 0;
  const tags = await Tag.bulkCreate(records);
  expect(conn.statements.filter((s) => s.includes('INSERT')).length).toBe(2);
  expect(await Tag.count()).toBe(30_000);
  const last = await Tag.findOne({ where: { slug: 's29999' } });
  expect(tags[29_999].id).toBe(last?.id);
  expect(tags[29_999].isNewRecord).toBe(false);
}, 120_000);

test('a duplicate rejects with UniqueConstraintError; ignoreDuplicates skips it and gives ids by key, not position', async () => {
  await Tag.create({ slug: 'dup', name: 'old' });
  await expect(Tag.bulkCreate([{ slug: 'dup' }, { slug: 'new' }])).rejects.toBeInstanceOf(
    UniqueConstraintError,
  );
  const [dup, fresh] = await Tag.bulkCreate([{ slug: 'dup', name: 'x' }, { slug: 'new' }], {
    ignoreDuplicates: true,
  });
  const stored = await Tag.findOne({ where: { slug: 'new' } });
  expect([fresh.id, fresh.isNewRecord]).toEqual([stored?.id, false]);
  expect([dup.id, dup.isNewRecord]).toEqual([null, true]);
  expect((await Tag.findOne({ where: { slug: 'dup' } }))?.name).toBe('old');
});

test('updateOnDuplicate updates the listed attributes on the unique key (or conflictAttributes)', async () => {
  await Tag.create({ slug: 'a', name: 'A', n: 1 });
  const tags = await Tag.bulkCreate(
    [
      { slug: 'a', name: 'A2', n: 9 },
      { slug: 'b', name: 'B', n: 2 },
    ],
    { updateOnDuplicate: ['name'], conflictAttributes: ['slug'] },
  );
  expect(tags.map((t) => [t.slug, t.name, t.n])).toEqual([
    ['a', 'A2', 1],
    ['b', 'B', 2],
  ]);
  await Tag.bulkCreate([{ slug: 'b', name: 'B', n: 5 }], { updateOnDuplicate: ['n'] });
  expect((await Tag.findOne({ where: { slug: 'b' } }))?.n).toBe(5);
  await expect(Tag.bulkCreate([{ slug: 'c' }], { updateOnDuplicate: ['nme' as never] })).rejects.toThrow(
    'Unknown attribute "nme"',
  );
  await expect(Tag.bulkCreate([{ slug: 'c' }], { conflictAttributes: ['slug'] })).rejects.toThrow(
    'conflictAttributes needs updateOnDuplicate',
  );
});
