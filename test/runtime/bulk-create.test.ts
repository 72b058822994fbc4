/** bulkCreate: one multi-row INSERT (chunked under 65535 parameters), ignoreDuplicates, updateOnDuplicate. */
import {
  AggregateError,
  BulkRecordError,
  DataTypes,
  Model,
  UniqueConstraintError,
  ValidationError,
} from '../../runtime/index.js';
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

class Person extends Model {
  declare id: number;
  declare firstName: string;
  declare email: string;
}

test('validation: an AggregateError with one BulkRecordError per invalid record, nothing written (Sequelize v6)', async () => {
  Person.init(
    {
      firstName: { type: DataTypes.STRING, allowNull: false, validate: { len: [1, 20] } },
      email: { type: DataTypes.STRING, validate: { isEmail: true } },
    },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await Person.sync({ force: true });
  const records = [
    { firstName: 'A', email: 'bad' },
    { firstName: 'B', email: 'b@x.org' },
    { firstName: '', email: 'ok@x.org' },
  ];
  for (const hooked of [false, true]) {
    if (hooked) Person.addHook('beforeBulkCreate', () => undefined);
    conn.statements.length = 0;
    const error = await Person.bulkCreate(records, { validate: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    const aggregate = error as AggregateError;
    expect(aggregate.name).toBe('AggregateError');
    expect(aggregate.errors).toHaveLength(2);
    const [first, second] = aggregate.errors as BulkRecordError[];
    expect(first).toBeInstanceOf(BulkRecordError);
    expect(first.name).toBe('SequelizeBulkRecordError');
    expect((first.record as Person).email).toBe('bad');
    expect(first.errors).toBeInstanceOf(ValidationError);
    expect((first.errors as ValidationError).errors.map((i) => [i.path, i.validatorKey])).toEqual([
      ['email', 'isEmail'],
    ]);
    expect((second.record as Person).firstName).toBe('');
    expect((second.errors as ValidationError).errors.map((i) => [i.path, i.validatorKey])).toEqual([
      ['firstName', 'len'],
    ]);
    expect(String(aggregate)).toMatch(/^AggregateError of:\n {2}SequelizeBulkRecordError: /);
    expect(conn.statements.filter((s) => s.includes('INSERT'))).toEqual([]);
    expect(await Person.count()).toBe(0);
  }
  // The default (validate not given) validates as well, with the same error.
  await expect(Person.bulkCreate(records)).rejects.toBeInstanceOf(AggregateError);
  await expect(Person.bulkCreate(records, { validate: false })).resolves.toHaveLength(3);
});
