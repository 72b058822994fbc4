/** findAll/findOne/findByPk/count with where (=, IN, IS NULL), order, limit, offset, attributes, raw; bulkCreate; static update/destroy. */
import { DataTypes, EmptyResultError, Model } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

interface PetAttributes {
  id: number;
  name: string;
  kind: string | null;
  legs: number;
  createdAt: Date;
  updatedAt: Date;
}
class Pet extends Model<PetAttributes, Partial<PetAttributes> & { name: string }> {
  declare id: number;
  declare name: string;
  declare kind: string | null;
  declare legs: number;
}

let conn: TestConnection;
const sql = () => conn.statements.map(sqlOf);
beforeAll(async () => {
  conn = await openTestConnection();
  Pet.init(
    {
      name: { type: DataTypes.STRING, allowNull: false },
      kind: { type: DataTypes.STRING, field: 'pet_kind' },
      legs: { type: DataTypes.INTEGER, defaultValue: 4 },
    },
    { sequelize: conn.sequelize },
  );
  await Pet.sync({ force: true });
  conn.statements.length = 0;
  await Pet.bulkCreate([
    { name: 'Rex', kind: 'dog' },
    { name: 'Tom', kind: 'cat' },
    { name: 'Tweety', kind: 'bird', legs: 2 },
    { name: 'Nemo', kind: null, legs: 0 },
  ]);
});
afterAll(() => conn.close());
beforeEach(() => {
  conn.statements.length = 0;
});

test('bulkCreate is one multi-row INSERT ... RETURNING and resolves saved instances', async () => {
  const pets = await Pet.bulkCreate([{ name: 'A', kind: 'x' }, { name: 'B' }]);
  expect(sql()).toHaveLength(1);
  expect(sql()[0]).toMatch(
    /^INSERT INTO "Pets" \("name","pet_kind","legs","createdAt","updatedAt"\) VALUES \(\$1,\$2,\$3,\$4,\$5\),\(\$6,DEFAULT,\$7,\$8,\$9\) RETURNING/,
  );
  expect(pets.map((p) => [p.isNewRecord, typeof p.id, p.name, p.kind])).toEqual([
    [false, 'number', 'A', 'x'],
    [false, 'number', 'B', null],
  ]);
  await Pet.destroy({ where: { id: pets.map((p) => p.id) } });
  expect(await Pet.bulkCreate([])).toEqual([]);
});

test('bulkCreate refuses what it does not implement (conflictWhere) rather than ignoring it, before any SQL', async () => {
  await expect(Pet.bulkCreate([{ name: 'Dup' }], { conflictWhere: { name: 'x' } } as never)).rejects.toThrow(
    'Pet.bulkCreate(): option "conflictWhere" (a partial unique index target (ON CONFLICT ... WHERE)) is not supported by the gen-models runtime',
  );
  await expect(
    Pet.bulkCreate([{ name: 'Dup' }], { ignoreDuplicates: true, updateOnDuplicate: ['name'] }),
  ).rejects.toThrow('ignoreDuplicates and updateOnDuplicate exclude each other');
  expect(conn.statements).toEqual([]);
});

test('where: equality on a field-mapped attribute, IN for arrays, IS NULL for null', async () => {
  expect((await Pet.findAll({ where: { kind: 'dog' } })).map((p) => p.name)).toEqual(['Rex']);
  expect(sql()[0]).toBe(
    'SELECT "id", "name", "pet_kind" AS "kind", "legs", "createdAt", "updatedAt" FROM "Pets" AS "Pet" WHERE "pet_kind" = $1',
  );
  const inList = await Pet.findAll({ where: { kind: ['cat', 'bird'] }, order: [['name', 'ASC']] });
  expect(inList.map((p) => p.name)).toEqual(['Tom', 'Tweety']);
  expect((await Pet.findAll({ where: { kind: null } })).map((p) => p.name)).toEqual(['Nemo']);
  expect((await Pet.findAll({ where: { kind: ['dog', null] }, order: ['name'] })).map((p) => p.name)).toEqual(
    ['Nemo', 'Rex'],
  );
  expect(await Pet.findAll({ where: { kind: [] } })).toEqual([]);
  expect((await Pet.findAll({ where: { legs: 4, kind: 'cat' } })).map((p) => p.name)).toEqual(['Tom']);
});

test('order, limit, offset, attributes and raw', async () => {
  const page = await Pet.findAll({
    order: [
      ['legs', 'DESC'],
      ['name', 'ASC'],
    ],
    limit: 2,
    offset: 1,
  });
  expect(page.map((p) => p.name)).toEqual(['Tom', 'Tweety']);
  expect(sql()[0]).toMatch(/ORDER BY "legs" DESC, "name" ASC LIMIT \$1 OFFSET \$2$/);
  const slim = await Pet.findAll({ attributes: ['name'], where: { name: 'Rex' } });
  expect(slim[0].get({ plain: true })).toEqual({ name: 'Rex' });
  const raw = await Pet.findAll({ raw: true, where: { name: 'Rex' }, attributes: ['id', 'kind'] });
  expect(raw[0]).not.toBeInstanceOf(Pet);
  expect(raw[0]).toEqual({ id: expect.any(Number), kind: 'dog' });
  await expect(Pet.findAll({ order: [['name', 'SIDEWAYS' as never]] })).rejects.toThrow(
    'Invalid order direction "SIDEWAYS" for Pet.name',
  );
  await expect(Pet.findAll({ limit: -1 })).rejects.toThrow(
    'limit must be a non-negative integer (or its digits as a string), got -1',
  );
});

test('attributes: { exclude } reads every other attribute; include and unknown names are errors', async () => {
  const [rex] = await Pet.findAll({
    attributes: { exclude: ['createdAt', 'updatedAt', 'kind'] },
    where: { name: 'Rex' },
  });
  expect(sql()[0]).toMatch(/^SELECT "id", "name", "legs" FROM "Pets" AS "Pet" WHERE/);
  expect(Object.keys(rex.get({ plain: true }))).toEqual(['id', 'name', 'legs']);
  await expect(Pet.findAll({ attributes: { exclude: ['nickname'] } as never })).rejects.toThrow(
    'Unknown attribute "nickname" in attributes of model Pet',
  );
  await expect(Pet.findAll({ attributes: { include: ['x'] } as never })).rejects.toThrow(
    'Unknown attribute "x" in attributes of model Pet',
  );
  await expect(Pet.findAll({ attributes: { only: ['x'] } as never })).rejects.toThrow(
    'attributes must be a list (names, [name, alias], [fn(...), alias]) or { exclude: [...], include: [...] } for model Pet',
  );
});

test('findOne, findByPk, rejectOnEmpty, count', async () => {
  const rex = await Pet.findOne({ where: { name: 'Rex' } });
  expect(rex).toBeInstanceOf(Pet);
  expect(rex!.isNewRecord).toBe(false);
  expect(rex!.changed()).toBe(false);
  expect(sql()[0]).toMatch(/WHERE "name" = \$1 LIMIT \$2$/);
  expect((await Pet.findByPk(rex!.id))!.name).toBe('Rex');
  expect(await Pet.findByPk(999999)).toBeNull();
  expect(await Pet.findByPk(null)).toBeNull();
  expect(await Pet.findOne({ where: { name: 'nobody' } })).toBeNull();
  await expect(Pet.findOne({ where: { name: 'nobody' }, rejectOnEmpty: true })).rejects.toBeInstanceOf(
    EmptyResultError,
  );
  expect(await Pet.count()).toBe(4);
  expect(await Pet.count({ where: { legs: 4 } })).toBe(2);
  // col counts the rows where it is not null; distinct its different values.
  expect(await Pet.count({ col: 'kind' })).toBe(3);
  expect(await Pet.count({ col: 'legs', distinct: true })).toBe(3);
  expect(sql().at(-1)).toBe('SELECT count(DISTINCT "legs") AS "count" FROM "Pets" AS "Pet"');
  await expect(Pet.count({ col: 'nickname' as never })).rejects.toThrow(
    'Unknown attribute "nickname" in count of model Pet',
  );
});

test('unknown attributes and operator objects in where are clear errors, not SQL', async () => {
  await expect(Pet.findAll({ where: { nickname: 'x' } as never })).rejects.toThrow(
    'Unknown attribute "nickname" in where of model Pet',
  );
  await expect(Pet.findAll({ where: { legs: { gt: 2 } } as never })).rejects.toThrow(
    'where on Pet.legs: "gt" is not an operator',
  );
  await expect(Pet.findAll({ where: { legs: undefined } })).rejects.toThrow(
    'where.legs of model Pet is undefined; use null to match NULL',
  );
  expect(conn.statements).toEqual([]);
});

test('static update(values, { where }) resolves [affectedCount]; returning adds the rows; a missing where rejects', async () => {
  const [count] = await Pet.update({ legs: 5 }, { where: { kind: 'dog' } });
  expect(count).toBe(1);
  expect(sql()[0]).toBe('UPDATE "Pets" SET "legs"=$1,"updatedAt"=$2 WHERE "pet_kind" = $3');
  const [n, rows] = await Pet.update({ legs: 4 }, { where: { kind: 'dog' }, returning: true });
  expect(n).toBe(1);
  expect(rows[0]).toBeInstanceOf(Pet);
  expect(rows[0].legs).toBe(4);
  const [withFields] = await Pet.update(
    { legs: 3, name: 'not written' },
    { where: { kind: 'dog' }, fields: ['legs'] },
  );
  expect(withFields).toBe(1);
  expect(sql().at(-1)).toBe('UPDATE "Pets" SET "legs"=$1,"updatedAt"=$2 WHERE "pet_kind" = $3');
  expect((await Pet.findOne({ where: { kind: 'dog' } }))!.name).toBe('Rex');
  await Pet.update({ legs: 4 }, { where: { kind: 'dog' } });
  conn.statements.length = 0;
  await expect(Pet.update({ legs: 1 }, {} as never)).rejects.toThrow(
    'Missing where attribute in the options parameter passed to update.',
  );
  expect(await Pet.update({ nickname: 'x' } as never, { where: { id: 1 } })).toEqual([0]);
  expect(conn.statements).toEqual([]);
});

test('static destroy({ where }) resolves the count; without where (or truncate) it rejects', async () => {
  await Pet.create({ name: 'Temp', kind: 'temp' });
  await Pet.create({ name: 'Temp2', kind: 'temp' });
  conn.statements.length = 0;
  await expect(Pet.destroy({} as never)).rejects.toThrow(
    'Missing where or truncate attribute in the options parameter of model.destroy.',
  );
  expect(conn.statements).toEqual([]);
  expect(await Pet.destroy({ where: { kind: 'temp' } })).toBe(2);
  expect(sql()).toEqual(['DELETE FROM "Pets" WHERE "pet_kind" = $1']);
  expect(await Pet.count()).toBe(4);
});

test('Sequelize v6 forms: numeric-string limit/offset, a number where as the primary key; findOne(2) refused as Sequelize does', async () => {
  const byName = { order: [['name', 'ASC']] as const, attributes: ['name'] as const };
  const paged = await Pet.findAll({ ...byName, limit: '2' as never, offset: '1' as never });
  const numeric = await Pet.findAll({ ...byName, limit: 2, offset: 1 });
  expect(paged.map((p) => p.name)).toEqual(numeric.map((p) => p.name));
  expect(paged).toHaveLength(2);
  const counted = await Pet.findAndCountAll({ ...byName, limit: '1' as never });
  expect(counted.rows).toHaveLength(1);
  await expect(Pet.findAll({ limit: 'ten' as never })).rejects.toThrow(
    'limit must be a non-negative integer (or its digits as a string), got "ten"',
  );
  await expect(Pet.findAll({ offset: '1.5' as never })).rejects.toThrow(
    'offset must be a non-negative integer',
  );
  await expect(Pet.findAll({ limit: '-1' as never })).rejects.toThrow('limit must be a non-negative integer');

  const rex = (await Pet.findOne({ where: { name: 'Rex' } }))!;
  const found = await Pet.findOne({ where: rex.id as never });
  expect(found).toBeInstanceOf(Pet);
  expect(found!.name).toBe('Rex');
  expect((await Pet.findAll({ where: BigInt(rex.id) as never })).map((p) => p.name)).toEqual(['Rex']);
  expect(await Pet.count({ where: rex.id as never })).toBe(1);
  expect(await Pet.findOne({ where: 999_999 as never })).toBeNull();
  await expect(Pet.findAll({ where: 'name = 1' as never })).rejects.toThrow(
    'a where must be a plain object of attribute conditions (got the string "name = 1"); SQL text goes through literal(), a primary key through findByPk or { id: ... }',
  );
  await expect(Pet.findOne(rex.id as never)).rejects.toThrow(
    'Pet.findOne(): the argument passed to findOne must be an options object, use findByPk if you wish to pass a single primary key value',
  );
});
