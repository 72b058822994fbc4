/**
 * The runtime's own statements (create, save, increment, reload, findByPk, destroy) are named
 * prepared statements on PostgreSQL, seen in pg_prepared_statements through the same connection
 * (a pool of one); `prepareStatements: false` (PgBouncer in transaction mode) prepares nothing;
 * a prepared statement gone stale after a column type change runs again. PGlite prepares nothing.
 */
import { DataTypes, Model, Sequelize } from '../../runtime/index.js';
import {
  createTestDatabase,
  needsServer,
  testWithServer,
  type TestDatabase,
} from '../support/test-database.js';

class Counter extends Model {
  declare id: number;
  declare name: string;
  declare hits: number;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('gm_prepared');
});
afterAll(() => db.drop());

/** One connection (pool.max 1), so that pg_prepared_statements shows the statements the runtime prepared on it. */
async function connect(prepareStatements?: boolean): Promise<Sequelize> {
  const sequelize = new Sequelize(db.url, {
    logging: false,
    pool: { max: 1 },
    ...(prepareStatements === undefined ? {} : { prepareStatements }),
  });
  Counter.init(
    {
      name: { type: DataTypes.STRING, allowNull: false },
      hits: { type: DataTypes.INTEGER, defaultValue: 0 },
    },
    { sequelize, tableName: 'counters', timestamps: false },
  );
  await Counter.sync({ force: true });
  return sequelize;
}

/** Every runtime statement the issue names, once each. */
async function everyOwnStatement(): Promise<void> {
  const c = await Counter.create({ name: 'a' });
  c.name = 'b';
  await c.save();
  await c.increment('hits');
  await c.reload();
  expect((await Counter.findByPk(c.id))?.hits).toBe(1);
  await c.destroy();
}

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

async function preparedStatements(sequelize: Sequelize): Promise<Prepared[]> {
  return sequelize.query<Prepared>(
    "SELECT name, statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE name LIKE 'gm\\_%' ORDER BY statement",
    { type: 'SELECT' },
  );
}

describe('option checks', () => {
  test('prepareStatements takes true or false; in dialectOptions it is refused, pointing to the top level', () => {
    expect(
      // @ts-expect-error -- a string is not a boolean
      () => new Sequelize('postgres://u@localhost/db', { logging: false, prepareStatements: 'no' }),
    ).toThrow('new Sequelize(): prepareStatements must be true or false, got "no"');
    const misplaced = { logging: false, dialectOptions: { prepareStatements: false } };
    // @ts-expect-error -- not a dialectOptions key
    expect(() => new Sequelize('postgres://u@localhost/db', misplaced)).toThrow(
      /dialectOptions.prepareStatements is not read: prepareStatements is a top-level option/,
    );
    return new Sequelize('postgres://u@localhost/db', { logging: false, prepareStatements: false }).close();
  });
});

testWithServer(
  needsServer('create, save, increment, reload, findByPk and destroy are prepared once per connection'),
  async () => {
    const sequelize = await connect();
    try {
      await everyOwnStatement();
      const first = await preparedStatements(sequelize);
      const kinds = first.map((p) => p.statement.split(' ')[0]);
      // INSERT, UPDATE (save), UPDATE (increment), SELECT (reload), SELECT (findByPk), DELETE.
      expect(kinds.sort()).toEqual(['DELETE', 'INSERT', 'SELECT', 'SELECT', 'UPDATE', 'UPDATE']);
      expect(first.find((p) => p.statement.startsWith('INSERT'))?.statement).toMatch(
        /^INSERT INTO "counters" .*\$1/,
      );
      // The same work again: no new statement, each prepared one run a second time.
      await everyOwnStatement();
      const second = await preparedStatements(sequelize);
      expect(second.map((p) => p.name)).toEqual(first.map((p) => p.name));
      for (const p of second) expect(Number(p.runs)).toBe(2);
    } finally {
      await sequelize.close();
    }
  },
);

testWithServer(
  needsServer('inside a transaction the statements are prepared on its connection'),
  async () => {
    const sequelize = await connect();
    try {
      await sequelize.transaction(async (t) => {
        const c = await Counter.create({ name: 'in-t' }, { transaction: t });
        await c.increment('hits', { transaction: t });
        const seen = await sequelize.query<Prepared>(
          "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'gm\\_%'",
          { type: 'SELECT', transaction: t },
        );
        expect(seen.map((p) => p.statement.split(' ')[0]).sort()).toEqual(['INSERT', 'UPDATE']);
      });
    } finally {
      await sequelize.close();
    }
  },
);

testWithServer(
  needsServer('prepareStatements: false prepares nothing (PgBouncer in transaction mode)'),
  async () => {
    const sequelize = await connect(false);
    try {
      await everyOwnStatement();
      expect(await preparedStatements(sequelize)).toEqual([]);
    } finally {
      await sequelize.close();
    }
  },
);

testWithServer(
  needsServer(
    'a prepared statement whose result type changed (ALTER COLUMN TYPE) runs again under a new name',
  ),
  async () => {
    const sequelize = await connect();
    try {
      const c = await Counter.create({ name: 'typed' });
      expect((await Counter.findByPk(c.id))?.hits).toBe(0);
      // Another program changes a column's type: the prepared findByPk would fail with
      // "cached plan must not change result type".
      await sequelize.query('ALTER TABLE counters ALTER COLUMN hits TYPE bigint');
      expect((await Counter.findByPk(c.id))?.hits).toBe('0');
      const names = (await preparedStatements(sequelize)).filter((p) => p.statement.startsWith('SELECT'));
      expect(names).toHaveLength(2);
    } finally {
      await sequelize.close();
    }
  },
);

test('embedded PGlite has no statement names: nothing is prepared', async () => {
  const sequelize = new Sequelize('pglite://', { logging: false });
  Counter.init(
    {
      name: { type: DataTypes.STRING, allowNull: false },
      hits: { type: DataTypes.INTEGER, defaultValue: 0 },
    },
    { sequelize, tableName: 'counters', timestamps: false },
  );
  try {
    await Counter.sync();
    await everyOwnStatement();
    expect(await preparedStatements(sequelize)).toEqual([]);
  } finally {
    await sequelize.close();
  }
});
