/**
 * Hostile values through every operator: each is a $n parameter, so the match is exact and the
 * table stays intact. NUL is refused by PostgreSQL in text: a clear DatabaseError, no corruption.
 */
import { DatabaseError, DataTypes, fn, col, Op, where } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

const HOSTILE = [
  "it's",
  '\'; DROP TABLE "Notes"; --',
  '$1',
  '$$ $tag$ x $tag$',
  '-- comment',
  '; SELECT 1;',
  'back\\slash',
  '100%_sure',
  '"quoted"',
  'x'.repeat(100_000),
  'Ünïcödé 🎉 日本語',
  '{"a":1}',
  '{a,b}',
];

let conn: TestConnection;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let Note: any;
beforeAll(async () => {
  conn = await openTestConnection();
  Note = conn.sequelize.define(
    'Note',
    { body: DataTypes.TEXT, tags: DataTypes.ARRAY(DataTypes.TEXT), meta: DataTypes.JSONB },
    { timestamps: false },
  );
  await Note.sync({ force: true });
  await Note.bulkCreate(HOSTILE.map((body) => ({ body, tags: [body], meta: { k: body } })));
  await Note.create({ body: 'plain', tags: ['plain'], meta: { k: 'plain' } });
});
afterAll(() => conn.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bodies = async (w: any): Promise<string[]> =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (await Note.findAll({ where: w, order: [['id', 'ASC']] })).map((r: any) => r.get('body'));

test.each(HOSTILE.map((v, i) => [i, v]))(
  'value %i matches exactly, through every operator',
  async (_i, v) => {
    const exact = [v];
    expect(await bodies({ body: v })).toEqual(exact);
    expect(await bodies({ body: { [Op.eq]: v } })).toEqual(exact);
    expect(await bodies({ body: { [Op.in]: [v] } })).toEqual(exact);
    expect(await bodies({ body: { [Op.any]: [v] } })).toEqual(exact);
    expect(await bodies({ body: { [Op.startsWith]: v } })).toEqual(exact);
    expect(await bodies({ body: { [Op.endsWith]: v } })).toEqual(exact);
    expect(await bodies({ body: { [Op.substring]: v } })).toEqual(exact);
    expect(await bodies({ body: { [Op.gte]: v, [Op.lte]: v } })).toEqual(exact);
    expect(await bodies({ body: { [Op.between]: [v, v] } })).toEqual(exact);
    expect(await bodies({ [Op.or]: [{ body: v }, { body: { [Op.is]: null } }] })).toEqual(exact);
    expect(await bodies({ tags: { [Op.contains]: [v] } })).toEqual(exact);
    expect(await bodies({ tags: { [Op.overlap]: [v] } })).toEqual(exact);
    expect(await bodies({ tags: { [Op.any]: v } })).toEqual(exact);
    expect(await bodies({ meta: { k: v } })).toEqual(exact);
    expect(await bodies({ meta: { [Op.contains]: { k: v } } })).toEqual(exact);
    expect(await bodies({ [`meta.k`]: { [Op.in]: [v] } })).toEqual(exact);
    expect(await bodies(where(fn('lower', col('body')), v.toLowerCase()))).toEqual(
      HOSTILE.concat('plain').filter((b) => b.toLowerCase() === v.toLowerCase()),
    );
    expect((await bodies({ body: { [Op.ne]: v } })).length).toBe(HOSTILE.length);
    expect((await bodies({ body: { [Op.notIn]: [v] } })).length).toBe(HOSTILE.length);
    expect(await Note.count()).toBe(HOSTILE.length + 1);
  },
);

test('like/regexp patterns are parameters: a hostile pattern is a pattern, not SQL', async () => {
  expect(await bodies({ body: { [Op.like]: "%'; DROP%" } })).toEqual([HOSTILE[1]]);
  expect(await bodies({ body: { [Op.regexp]: '^\\$1$' } })).toEqual(['$1']);
  expect(await Note.count()).toBe(HOSTILE.length + 1);
});

test('NUL in a text value: PostgreSQL refuses it with a clear error, nothing is changed', async () => {
  await expect(bodies({ body: 'a\u0000b' })).rejects.toBeInstanceOf(DatabaseError);
  await expect(Note.destroy({ where: { body: { [Op.startsWith]: '\u0000' } } })).rejects.toThrow(
    /0x00|NUL|null character|invalid byte/i,
  );
  expect(await Note.count()).toBe(HOSTILE.length + 1);
});
