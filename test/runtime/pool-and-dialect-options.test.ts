/**
 * pool ({ max, min, idle, acquire, evict, maxUses }) and dialectOptions reach pg: a full pool
 * rejects with ConnectionAcquireTimeoutError after `acquire` ms; session settings apply;
 * unknown keys are refused with a did-you-mean.
 */
import { ConnectionAcquireTimeoutError, ConnectionError, Sequelize } from '../../runtime/index.js';
import {
  createTestDatabase,
  needsServer,
  testWithServer,
  type TestDatabase,
} from '../support/test-database.js';

type Loose = Record<string, unknown>;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('gm_pool');
});
afterAll(() => db.drop());

describe('option checks', () => {
  test('pool and dialectOptions keys are checked, with a did-you-mean', () => {
    expect(
      () => new Sequelize('postgres://u@localhost/db', { dialectOptions: { applicaton_name: 'x' } } as Loose),
    ).toThrow(
      'new Sequelize(): dialectOptions: unknown option "applicaton_name"; did you mean "application_name"?',
    );
    expect(
      () =>
        new Sequelize('postgres://u@localhost/db', {
          dialectOptions: { types: { getTypeParser: () => null } },
        } as Loose),
    ).toThrow(/dialectOptions: option "types" \(custom pg type parsers/);
    expect(() => new Sequelize('postgres://u@localhost/db', { pool: { acquir: 5 } } as Loose)).toThrow(
      'new Sequelize(): pool: unknown option "acquir"; did you mean "acquire"?',
    );
    expect(
      () => new Sequelize('postgres://u@localhost/db', { pool: { validate: () => true } } as Loose),
    ).toThrow(/pool: option "validate"/);
    const s = new Sequelize('postgres://u@localhost/db', {
      logging: false,
      pool: { max: 3, min: 1, idle: 500, acquire: 1000, evict: 1000, maxUses: 100 },
      dialectOptions: { application_name: 'x', statement_timeout: 5000 },
    });
    return s.close();
  });
});

testWithServer(
  needsServer('a connection not free within pool.acquire ms: ConnectionAcquireTimeoutError'),
  async () => {
    const s = new Sequelize(db.url, { logging: false, pool: { max: 1, acquire: 200 } });
    try {
      const t = await s.transaction();
      const started = Date.now();
      const error = await s.query('SELECT 1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionAcquireTimeoutError);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).name).toBe('SequelizeConnectionAcquireTimeoutError');
      expect((error as Error).message).toMatch(/pool.acquire = 200 ms.*pool.max = 1/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      await t.commit();
      expect(await s.query('SELECT 1 AS one', { type: 'SELECT' })).toEqual([{ one: 1 }]);
    } finally {
      await s.close();
    }
  },
);

testWithServer(
  needsServer('dialectOptions set the session: application_name, statement_timeout'),
  async () => {
    const s = new Sequelize(db.url, {
      logging: false,
      dialectOptions: { application_name: 'gm-pool-test', statement_timeout: 1234 },
    });
    try {
      expect(
        await s.query(
          "SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout",
          { type: 'SELECT', plain: true },
        ),
      ).toEqual({ app: 'gm-pool-test', timeout: '1234ms' });
    } finally {
      await s.close();
    }
  },
);
