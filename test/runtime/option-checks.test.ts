/**
 * Nothing silently ignored: every public method refuses, before any statement, an option it
 * does not implement. A typo gets the closest known name; a Sequelize option the runtime lacks
 * is named with its feature, unless it is switched off. The calls go through `any`, as a
 * JavaScript caller's would (the types refuse them at compile time: see types/model-usage.ts).
 */
import { DataTypes, Model, Sequelize, Transaction } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let conn: TestConnection;
class Item extends Model {
  declare id: number;
  declare name: string;
  declare qty: number;
}

beforeAll(async () => {
  conn = await openTestConnection();
  Item.init(
    { name: { type: DataTypes.STRING, allowNull: false }, qty: { type: DataTypes.INTEGER, defaultValue: 0 } },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await conn.sequelize.sync();
  await Item.bulkCreate([{ name: 'a' }, { name: 'b' }]);
});
afterAll(() => conn.close());
beforeEach(() => conn.statements.splice(0));

const I = (): Loose => Item;

describe('a misspelled option is refused with the closest name, and nothing runs', () => {
  test.each([
    [
      'findAll',
      () => I().findAll({ wher: { id: 1 } }),
      'Item.findAll(): unknown option "wher"; did you mean "where"?',
    ],
    [
      'findOne',
      () => I().findOne({ wher: { id: 1 } }),
      'Item.findOne(): unknown option "wher"; did you mean "where"?',
    ],
    ['findByPk', () => I().findByPk(1, { rejectonEmpty: true }), 'did you mean "rejectOnEmpty"?'],
    [
      'count',
      () => I().count({ wehre: { id: 1 } }),
      'Item.count(): unknown option "wehre"; did you mean "where"?',
    ],
    ['update', () => I().update({ qty: 1 }, { where: { id: 1 }, feilds: ['qty'] }), 'did you mean "fields"?'],
    [
      'destroy',
      () => I().destroy({ were: { id: 1 } }),
      'Item.destroy(): unknown option "were"; did you mean "where"?',
    ],
    ['increment', () => I().increment('qty', { where: { id: 1 }, bye: 2 }), 'did you mean "by"?'],
    ['decrement', () => I().decrement('qty', { where: { id: 1 }, silen: true }), 'did you mean "silent"?'],
    [
      'create',
      () => I().create({ name: 'x' }, { feilds: ['name'] }),
      'Item.create(): unknown option "feilds"',
    ],
    ['bulkCreate', () => I().bulkCreate([{ name: 'x' }], { validat: false }), 'did you mean "validate"?'],
    ['sync', () => I().sync({ forse: true }), 'Item.sync(): unknown option "forse"; did you mean "force"?'],
    ['drop', () => I().drop({ cascde: true }), 'did you mean "cascade"?'],
    ['sequelize.sync', () => (conn.sequelize as Loose).sync({ alterr: true }), 'did you mean "alter"?'],
    [
      'sequelize.query',
      () => (conn.sequelize as Loose).query('SELECT 1', { typ: 'SELECT' }),
      'did you mean "type"?',
    ],
    [
      'sequelize.transaction',
      () => (conn.sequelize as Loose).transaction({ isolationlevel: 'SERIALIZABLE' }),
      'did you mean "isolationLevel"?',
    ],
  ])('%s', async (_name, call, message) => {
    await expect(call()).rejects.toThrow(message);
    expect(conn.statements).toEqual([]);
  });

  test('instance methods too: save, update, reload, increment, destroy', async () => {
    const item: Loose = await Item.findOne({ where: { name: 'a' } });
    conn.statements.splice(0);
    item.qty = 5;
    await expect(item.save({ feilds: ['qty'] })).rejects.toThrow(
      'Item.save(): unknown option "feilds"; did you mean "fields"?',
    );
    await expect(item.update({ qty: 6 }, { silnet: true })).rejects.toThrow('did you mean "silent"?');
    await expect(item.reload({ attribute: ['qty'] })).rejects.toThrow('did you mean "attributes"?');
    await expect(item.increment('qty', { by: 1, returnin: false })).rejects.toThrow(
      'did you mean "returning"?',
    );
    await expect(item.destroy({ forc: true })).rejects.toThrow('did you mean "force"?');
    expect(conn.statements).toEqual([]);
    expect(() => item.get('qty', { plian: true })).toThrow('did you mean "plain"?');
    expect(() => item.set('qty', 1, { rwa: true })).toThrow('did you mean "raw"?');
    expect(() => I().build({ name: 'x' }, { isNewRecrod: false })).toThrow('did you mean "isNewRecord"?');
  });

  test('the message lists the options the method takes', async () => {
    await expect(I().findAll({ zzz: 1 })).rejects.toThrow(
      'Item.findAll(): unknown option "zzz" The options it takes: transaction, logging, hooks, where, attributes, order, limit, offset, raw, paranoid, useMaster, group, having, lock, skipLocked, include',
    );
  });
});

describe('Sequelize options the runtime lacks are refused by name unless switched off', () => {
  test.each([
    [
      'include of a model not associated',
      () => I().findAll({ include: [Item] }),
      'Item is not associated to Item!',
    ],
    ['group on count', () => I().count({ group: ['name'] }), 'option "group" (counts per group)'],
    ['distinct on findAll', () => I().findAll({ distinct: true }), 'option "distinct" (DISTINCT rows'],
    [
      'findByPk where',
      () => I().findByPk(1, { where: { name: 'b' } }),
      'option "where" (a where (findByPk finds by the primary key; use findOne))',
    ],
    [
      'reload where',
      async () => ((await Item.findOne({ where: { name: 'a' } })) as Loose).reload({ where: { id: 2 } }),
      'option "where"',
    ],
    [
      'conflictWhere',
      () => I().bulkCreate([{ name: 'x' }], { conflictWhere: { name: 'x' } }),
      'option "conflictWhere" (a partial unique index target (ON CONFLICT ... WHERE))',
    ],
    ['benchmark', () => I().count({ benchmark: true }), 'option "benchmark" (timing in the log)'],
    [
      'update limit',
      () => I().update({ qty: 1 }, { where: { id: 1 }, limit: 1 }),
      'option "limit" (UPDATE ... LIMIT)',
    ],
    [
      'nested transaction',
      () => conn.sequelize.transaction({ transaction: { id: 't1' } } as Loose),
      'option "transaction" (nested transactions (savepoints))',
    ],
  ])('%s', async (_name, call, message) => {
    await expect(call()).rejects.toThrow(message);
    expect(conn.statements.filter((s) => !sqlOf(s).startsWith('SELECT "id"'))).toEqual([]);
  });

  test('off values pass: false, null, undefined, [] and {}', async () => {
    await expect(
      I().findAll({ include: [], group: undefined, lock: false, benchmark: false }),
    ).resolves.toHaveLength(2);
    await expect(I().count({ include: null })).resolves.toBe(2);
  });

  test('no-op options Sequelize users pass are accepted: hooks, paranoid, useMaster, force, individualHooks', async () => {
    await expect(I().findAll({ paranoid: false, useMaster: true, hooks: false })).resolves.toHaveLength(2);
    await expect(
      I().update({ qty: 2 }, { where: { name: 'a' }, individualHooks: true, sideEffects: false }),
    ).resolves.toEqual([1]);
    const made: Loose = await Item.create({ name: 'gone' });
    await made.destroy({ force: true });
    await expect(Item.count({ where: { name: 'gone' } })).resolves.toBe(0);
  });
});

describe('new Sequelize() options', () => {
  test('a misspelled option is refused before anything connects', () => {
    expect(() => new Sequelize('pglite://', { loging: false } as Loose)).toThrow(
      'new Sequelize(): unknown option "loging"; did you mean "logging"?',
    );
    expect(() => new Sequelize('pglite://', { pool: { maxx: 3 } } as Loose)).toThrow(
      'new Sequelize(): pool: unknown option "maxx"; did you mean "max"?',
    );
  });

  test('replication: a misspelt key is refused with a did-you-mean (replication.test.ts has the rest)', () => {
    const options = { replication: { read: [{ host: 'replica' }], writ: { host: 'main' } } } as Loose;
    expect(() => new Sequelize('postgres://u@localhost/db', options)).toThrow(
      'new Sequelize(): replication: unknown option "writ"; did you mean "write"?',
    );
  });

  test('quoteIdentifiers: false and other settings the runtime cannot honour are refused', () => {
    expect(() => new Sequelize('pglite://', { quoteIdentifiers: false } as Loose)).toThrow(
      'always quotes identifiers',
    );
    expect(() => new Sequelize('pglite://', { timezone: '+02:00' } as Loose)).toThrow('option "timezone"');
    expect(
      () => new Sequelize('pglite://', { logging: false, timezone: undefined, hooks: {} } as Loose),
    ).not.toThrow();
  });
});

describe('transactions take isolationLevel and readOnly', () => {
  test('the level is set for the transaction and seen by the server', async () => {
    const level = await conn.sequelize.transaction(
      { isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE },
      async (t) =>
        (await conn.sequelize.query('SHOW transaction_isolation', { type: 'SELECT', transaction: t }))[0],
    );
    expect(level).toEqual({ transaction_isolation: 'serializable' });
  });

  test('readOnly refuses writes inside, and an unknown level is refused before BEGIN', async () => {
    await expect(
      conn.sequelize.transaction({ readOnly: true }, (t) => Item.create({ name: 'ro' }, { transaction: t })),
    ).rejects.toThrow(/read-only transaction/);
    await expect(Item.count({ where: { name: 'ro' } })).resolves.toBe(0);
    conn.statements.splice(0);
    await expect(
      conn.sequelize.transaction({ isolationLevel: 'SNAPSHOT' } as Loose, async () => 1),
    ).rejects.toThrow('Unknown isolationLevel "SNAPSHOT": use one of Transaction.ISOLATION_LEVELS');
    expect(conn.statements).toEqual([]);
  });
});
