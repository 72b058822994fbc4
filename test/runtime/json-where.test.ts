/** where on JSON and JSONB columns: nested objects and 'a.b.c' keys match by path, Op.contains, whole-value null checks. */
import { DataTypes, Op } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let Doc: any;
beforeAll(async () => {
  conn = await openTestConnection();
  Doc = conn.sequelize.define(
    'Doc',
    { name: DataTypes.TEXT, meta: DataTypes.JSONB, profile: { type: DataTypes.JSON, field: 'profile_json' } },
    { timestamps: false },
  );
  await Doc.sync({ force: true });
  await Doc.bulkCreate([
    {
      name: 'a',
      meta: { theme: 'light', a: { b: { c: 1 } }, on: true, tags: ['x', 'y'] },
      profile: { theme: 'light', n: 1 },
    },
    {
      name: 'b',
      meta: { theme: 'dark', a: { b: { c: 2 } }, on: false, tags: ['y'] },
      profile: { theme: 'dark', n: 2 },
    },
    { name: 'c', meta: { theme: 'light', a: { b: { c: 3 } } }, profile: null },
    { name: 'd', meta: null, profile: { theme: 'x', n: 10 } },
  ]);
});
afterAll(() => conn.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function names(where: any): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await Doc.findAll({ where, order: [['id', 'ASC']] })).map((r: any) => r.get('name'));
}

test.each([
  ['JSONB', 'meta'],
  ['JSON', 'profile'],
])('%s: a nested object and a dotted key match by path', async (_kind, col) => {
  expect(await names({ [col]: { theme: 'light' } })).toEqual(col === 'meta' ? ['a', 'c'] : ['a']);
  expect(await names({ [`${col}.theme`]: 'dark' })).toEqual(['b']);
  expect(await names({ [col]: { [Op.ne]: null } })).toEqual(
    col === 'meta' ? ['a', 'b', 'c'] : ['a', 'b', 'd'],
  );
  expect(await names({ [col]: null })).toEqual(col === 'meta' ? ['d'] : ['c']);
  expect(await names({ [col]: { theme: { [Op.in]: ['dark', 'x'] } } })).toEqual(
    col === 'meta' ? ['b'] : ['b', 'd'],
  );
  expect(await names({ [col]: { [Op.or]: [{ theme: 'dark' }, { theme: 'x' }] } })).toEqual(
    col === 'meta' ? ['b'] : ['b', 'd'],
  );
});

test('paths with operators inside, cast by the value type (number, boolean)', async () => {
  expect(await names({ meta: { a: { b: { c: 2 } } } })).toEqual(['b']);
  expect(await names({ meta: { a: { b: { c: { [Op.gt]: 1 } } } } })).toEqual(['b', 'c']);
  expect(await names({ 'meta.a.b.c': { [Op.in]: [1, 3] } })).toEqual(['a', 'c']);
  expect(await names({ 'meta.a.b.c': { [Op.between]: [2, 3] } })).toEqual(['b', 'c']);
  expect(await names({ meta: { on: true } })).toEqual(['a']);
  expect(await names({ meta: { theme: { [Op.like]: 'li%' } } })).toEqual(['a', 'c']);
  expect(await names({ meta: { theme: { [Op.startsWith]: 'da' } } })).toEqual(['b']);
  expect(await names({ 'meta.theme': { [Op.ne]: 'light' } })).toEqual(['b']);
  expect(await names({ meta: { missing: null } })).toEqual(['a', 'b', 'c', 'd']);
  expect(await names({ 'profile.n': { [Op.gte]: 2 } })).toEqual(['b', 'd']);
});

test('Op.contains / contained on JSON and JSONB, whole values and paths', async () => {
  expect(await names({ meta: { [Op.contains]: { theme: 'light' } } })).toEqual(['a', 'c']);
  expect(await names({ meta: { [Op.contains]: { a: { b: { c: 2 } } } } })).toEqual(['b']);
  expect(await names({ meta: { tags: { [Op.contains]: ['y'] } } })).toEqual(['a', 'b']);
  expect(await names({ 'meta.tags': { [Op.contained]: ['y', 'z'] } })).toEqual(['b']);
  expect(await names({ profile: { [Op.contains]: { n: 10 } } })).toEqual(['d']);
  expect(await names({ profile: { [Op.eq]: { theme: 'dark', n: 2 } } })).toEqual(['b']);
});

test('refusals on JSON', async () => {
  await expect(names({ meta: { [Op.overlap]: ['x'] } })).rejects.toThrow(
    'where on Doc.meta with Op.overlap: is for ARRAY columns; use Op.contains on JSON',
  );
  await expect(names({ 'meta.a::integer': 1 })).rejects.toThrow('casts in path keys are not supported');
  await expect(names({ 'meta.theme': undefined })).rejects.toThrow(
    'where.meta.theme of model Doc is undefined; use null to match NULL',
  );
});
