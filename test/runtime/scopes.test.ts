/** Scopes: defaultScope, named scopes (objects and functions), Model.scope() merging, unscoped(), addScope. */
import { DataTypes, Model, Op, ScopeError } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;

class Item extends Model {
  declare id: number;
  declare name: string;
  declare kind: string;
  declare price: number;
  declare active: boolean;
}

beforeAll(async () => {
  conn = await openTestConnection();
  Item.init(
    {
      name: DataTypes.STRING,
      kind: DataTypes.STRING,
      price: DataTypes.INTEGER,
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
    },
    {
      sequelize: conn.sequelize,
      timestamps: false,
      defaultScope: { where: { active: true }, order: [['name', 'ASC']] },
      scopes: {
        books: { where: { kind: 'book' } },
        cheap: { where: { price: { [Op.lt]: 10 } } },
        inactive: { where: { active: false } },
        named: { attributes: ['id', 'name'] },
        top: { order: [['price', 'DESC']], limit: 2 },
        kindOf: (kind: string) => ({ where: { kind } }),
        priceAbove: (min: number) => ({ where: { price: { [Op.gt]: min } } }),
      },
    },
  );
  await conn.sequelize.sync({ force: true });
  await Item.bulkCreate([
    { name: 'atlas', kind: 'book', price: 30 },
    { name: 'biro', kind: 'pen', price: 2 },
    { name: 'comic', kind: 'book', price: 5 },
    { name: 'diary', kind: 'book', price: 12, active: false },
    { name: 'easel', kind: 'art', price: 80 },
  ]);
});
afterAll(() => conn.close());

const names = (rows: Item[]) => rows.map((r) => r.name);

test('the default scope applies to finders, count and aggregates; unscoped() lifts it', async () => {
  expect(names(await Item.findAll())).toEqual(['atlas', 'biro', 'comic', 'easel']);
  expect(await Item.count()).toBe(4);
  expect(await Item.max('price')).toBe(80);
  expect((await Item.findOne({ where: { name: 'diary' } })) ?? null).toBeNull();
  expect(await Item.unscoped().count()).toBe(5);
  expect((await Item.unscoped().findOne({ where: { name: 'diary' } }))!.price).toBe(12);
  // The caller's where wins over the scope's on the same key (Sequelize's default merge).
  expect(names(await Item.findAll({ where: { active: false } }))).toEqual(['diary']);
});

test('named scopes merge in order: where keys combined, a later key wins, order/limit/attributes', async () => {
  expect(names(await Item.scope('books').findAll({ order: [['name', 'ASC']] }))).toEqual([
    'atlas',
    'comic',
    'diary',
  ]);
  expect(names(await Item.scope('defaultScope', 'books').findAll())).toEqual(['atlas', 'comic']);
  expect(names(await Item.scope('books', 'cheap').findAll())).toEqual(['comic']);
  expect(names(await Item.scope('top').findAll())).toEqual(['easel', 'atlas']);
  // Lists are joined, as Sequelize joins them: ORDER BY name, then price.
  expect(names(await Item.scope('defaultScope', 'top').findAll())).toEqual(['atlas', 'biro']);
  const [first] = await Item.scope('named', 'books').findAll({ order: [['id', 'ASC']] });
  expect(first.get()).toEqual({ id: 1, name: 'atlas' });
  // inactive's where.active overrides the default scope's (later scope wins per key).
  expect(names(await Item.scope('defaultScope', 'inactive').findAll())).toEqual(['diary']);
  expect(await Item.scope(['books', 'cheap']).count()).toBe(1);
});

test('function scopes take arguments through { method: [name, ...args] }', async () => {
  expect(names(await Item.scope({ method: ['kindOf', 'pen'] }).findAll())).toEqual(['biro']);
  expect(
    names(
      await Item.scope(
        'defaultScope',
        { method: ['priceAbove', 10] },
        { method: ['kindOf', 'book'] },
      ).findAll(),
    ),
  ).toEqual(['atlas']);
  expect(await Item.scope({ where: { kind: 'art' } }).count()).toBe(1);
});

test('scopes apply to update and destroy; findByPk and findOne merge the scope where', async () => {
  const [count] = await Item.scope('books').update({ price: 31 }, { where: { name: 'atlas' } });
  expect(count).toBe(1);
  expect(await Item.scope('books').findByPk(2)).toBeNull();
  expect((await Item.findByPk(1))!.price).toBe(31);
  expect(await Item.findByPk(4)).toBeNull();
  expect(await Item.scope('books').destroy({ where: { name: 'biro' } })).toBe(0);
  expect(await Item.unscoped().count()).toBe(5);
});

test('unknown scope names are refused with a did-you-mean; addScope needs override for an existing name', async () => {
  expect(() => Item.scope('book')).toThrow(ScopeError);
  expect(() => Item.scope('book')).toThrow(
    '"Item.scope()" invoked with invalid scope: book does not exist; did you mean books?',
  );
  expect(() => Item.scope({ method: ['kindof', 'x'] })).toThrow('did you mean kindOf?');
  expect(() => Item.addScope('books', { where: { kind: 'x' } })).toThrow(
    'The scope books already exists. Pass { override: true } as options to silence this error',
  );
  Item.addScope('pens', { where: { kind: 'pen' } });
  expect(names(await Item.scope('pens').findAll())).toEqual(['biro']);
  expect(() => Item.addScope('bad', { wher: {} } as never)).toThrow(
    'unknown option "wher"; did you mean "where"?',
  );
  expect(() => Item.addScope('bad', { include: [{}] } as never)).toThrow(
    'option "include" (eager loading of associations in a scope)',
  );
});

test("whereMergeStrategy: 'and' AND-s the wheres instead of overwriting a key", async () => {
  const Thing = conn.sequelize.define(
    'Thing',
    { price: DataTypes.INTEGER },
    {
      timestamps: false,
      whereMergeStrategy: 'and',
      scopes: { above: { where: { price: { [Op.gt]: 1 } } }, below: { where: { price: { [Op.lt]: 5 } } } },
    },
  );
  await Thing.sync();
  await Thing.bulkCreate([{ price: 1 }, { price: 3 }, { price: 7 }]);
  expect(await Thing.scope('above', 'below').count()).toBe(1);
});
