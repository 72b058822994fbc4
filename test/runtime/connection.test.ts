/** The Sequelize connection: constructor forms, authenticate, close, query, transactions, logging, connection errors. */
import {
  ConnectionError,
  ConnectionRefusedError,
  DataTypes,
  HostNotFoundError,
  Sequelize,
  Transaction,
} from '../../runtime/index.js';
import { types } from 'pg';
import { needsServer, serverUrl, testWithServer } from '../support/test-database.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
});
afterAll(() => conn.close());

describe('constructor forms', () => {
  test('(url, options) and (options) read host, port, database and user', () => {
    const fromUrl = new Sequelize('postgres://alice:s%40cret@db.example:6543/app_test', { logging: false });
    expect(fromUrl.config).toEqual({
      database: 'app_test',
      username: 'alice',
      host: 'db.example',
      port: 6543,
    });
    const fromOptions = new Sequelize({
      dialect: 'postgres',
      host: 'h',
      port: 1234,
      database: 'd',
      username: 'u',
      logging: false,
    });
    expect(fromOptions.config).toEqual({ database: 'd', username: 'u', host: 'h', port: 1234 });
    expect(fromOptions.getDialect()).toBe('postgres');
  });

  test('?sslmode in a URL turns TLS on', async () => {
    const s = new Sequelize('postgres://postgres@127.0.0.1:1/x?sslmode=require', { logging: false });
    expect(
      (s as unknown as { driver: { pool: { options: { ssl: unknown } } } }).driver.pool.options.ssl,
    ).toBe(true);
    await s.close();
  });

  test('(database, username, password, options)', () => {
    const s = new Sequelize('shop', 'bob', 'pw', {
      host: '10.0.0.1',
      port: 5433,
      dialect: 'postgres',
      logging: false,
    });
    expect(s.config).toEqual({ database: 'shop', username: 'bob', host: '10.0.0.1', port: 5433 });
    expect(s.engine).toBe('postgres');
  });

  test('pglite:// is in memory, pglite:///path and { dialect: "pglite", storage } a data directory', () => {
    expect(new Sequelize('pglite://', { logging: false }).engine).toBe('pglite');
    expect(new Sequelize('pglite:///tmp/data', { logging: false }).config.database).toBe('/tmp/data');
    expect(new Sequelize({ dialect: 'pglite', storage: '/tmp/d2', logging: false }).config.database).toBe(
      '/tmp/d2',
    );
  });

  test('unsupported dialects and URLs are refused with a clear error', () => {
    expect(() => new Sequelize('mysql://x@y/z')).toThrow('Unsupported connection URL protocol "mysql:"');
    expect(() => new Sequelize({ dialect: 'mysql' as never })).toThrow('The dialect mysql is not supported');
  });
});

test('authenticate() runs SELECT 1+1 AS result and resolves undefined', async () => {
  conn.statements.length = 0;
  await expect(conn.sequelize.authenticate()).resolves.toBeUndefined();
  expect(conn.statements).toEqual(['Executing (default): SELECT 1+1 AS result']);
});

test('query(sql, params) binds $n values and resolves [rows, meta]; type SELECT resolves rows', async () => {
  const [rows, meta] = (await conn.sequelize.query('SELECT $1::text AS a, $2::int + 1 AS b', ['x', 41])) as [
    unknown[],
    { rowCount: number },
  ];
  expect(rows).toEqual([{ a: 'x', b: 42 }]);
  expect(meta.rowCount).toBe(1);
  const selected = await conn.sequelize.query('SELECT 1 AS one', { type: 'SELECT' });
  expect(selected).toEqual([{ one: 1 }]);
});

test('type parsers: int8 and numeric as strings, date as YYYY-MM-DD, timestamptz as Date, json parsed, bytea as Buffer', async () => {
  const [rows] = await conn.sequelize.query(
    `SELECT 9007199254740993::int8 AS big, 1.50::numeric(10,2) AS num, '2020-02-29'::date AS day,
            '2020-01-01T00:00:00Z'::timestamptz AS ts, '{"a":[1]}'::jsonb AS doc, '\\x6869'::bytea AS bin,
            ARRAY['2020-01-02'::date] AS days, ARRAY[1::int8] AS bigs, '1 day'::interval AS span`,
  );
  // The parsers are the pool's own: pg's global parsers are untouched (date is still a Date there).
  expect(types.getTypeParser(1082)('2020-02-29')).toBeInstanceOf(Date);
  expect(rows[0]).toEqual({
    big: '9007199254740993',
    num: '1.50',
    day: '2020-02-29',
    ts: new Date('2020-01-01T00:00:00Z'),
    doc: { a: [1] },
    bin: Buffer.from('hi'),
    days: ['2020-01-02'],
    bigs: ['1'],
    span: '1 day',
  });
});

describe('logging', () => {
  // A statement is logged before it is sent, so a refused connection is enough (and fast on every engine).
  const REFUSED = 'postgres://postgres@127.0.0.1:1/none';

  test('a logging function receives `Executing (default): <sql>`; logging: false per call silences it', async () => {
    const lines: string[] = [];
    const s = new Sequelize(REFUSED, { logging: (line: string) => lines.push(line) });
    await s.query('SELECT 2 AS two').catch(() => undefined);
    await s.query('SELECT 3 AS three', { logging: false }).catch(() => undefined);
    await s.close();
    expect(lines).toEqual(['Executing (default): SELECT 2 AS two']);
  });

  test('logQueryParameters appends the values', async () => {
    const lines: string[] = [];
    const s = new Sequelize(REFUSED, {
      logging: (line: string) => lines.push(line),
      logQueryParameters: true,
    });
    await s.query('SELECT $1::text AS a', ['Jane']).catch(() => undefined);
    await s.close();
    expect(lines).toEqual(['Executing (default): SELECT $1::text AS a; "Jane"']);
  });

  test('the default is console.log, as Sequelize', async () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const s = new Sequelize(REFUSED);
    try {
      await s.authenticate().catch(() => undefined);
      expect(spy).toHaveBeenCalledWith('Executing (default): SELECT 1+1 AS result');
    } finally {
      spy.mockRestore();
      await s.close();
    }
  });
});

describe('transactions', () => {
  let Account: ReturnType<Sequelize['define']>;
  beforeAll(async () => {
    Account = conn.sequelize.define('Account', { owner: DataTypes.STRING, cents: DataTypes.INTEGER });
    await Account.sync({ force: true });
  });

  test('a managed transaction commits what its body did and resolves the body result', async () => {
    const result = await conn.sequelize.transaction(async (t) => {
      expect(t).toBeInstanceOf(Transaction);
      await Account.create({ owner: 'commit', cents: 1 }, { transaction: t });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await Account.count({ where: { owner: 'commit' } })).toBe(1);
  });

  test('a throw inside the body rolls back and rethrows', async () => {
    await expect(
      conn.sequelize.transaction(async (t) => {
        await Account.create({ owner: 'rollback', cents: 1 }, { transaction: t });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await Account.count({ where: { owner: 'rollback' } })).toBe(0);
  });

  test('statements in a transaction are logged with its id; a finished transaction refuses queries', async () => {
    conn.statements.length = 0;
    let saved: Transaction | undefined;
    await conn.sequelize.transaction(async (t) => {
      saved = t;
      await Account.findAll({ transaction: t });
    });
    expect(conn.statements[0]).toMatch(new RegExp(`^Executing \\(${saved!.id}\\): SELECT`));
    await expect(Account.findAll({ transaction: saved })).rejects.toThrow(/has already been committed/);
  });

  test('an unmanaged transaction commits or rolls back on request', async () => {
    const t = await conn.sequelize.transaction();
    await Account.create({ owner: 'unmanaged', cents: 5 }, { transaction: t });
    await t.rollback();
    expect(await Account.count({ where: { owner: 'unmanaged' } })).toBe(0);
    const t2 = await conn.sequelize.transaction();
    await Account.create({ owner: 'unmanaged', cents: 6 }, { transaction: t2 });
    await t2.commit();
    expect(await Account.count({ where: { owner: 'unmanaged' } })).toBe(1);
  });
});

describe('transactions on PGlite, whose one connection an open transaction holds', () => {
  let pglite: Sequelize;
  let Note: ReturnType<Sequelize['define']>;
  beforeAll(async () => {
    pglite = new Sequelize('pglite://', { logging: false });
    Note = pglite.define('Note', { body: DataTypes.STRING });
    await Note.sync();
  });
  afterAll(() => pglite.close());

  const HOLDS_THE_CONNECTION =
    /Transaction t\d+ holds PGlite's only connection, so .* would wait for it forever: .*pass \{ transaction: t \}/;

  test('a statement in the body that forgets { transaction: t } rejects at once instead of hanging', async () => {
    const error = await pglite
      .transaction(async (t) => {
        await Note.create({ body: 'inside' }, { transaction: t });
        await Note.count();
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(HOLDS_THE_CONNECTION);
    expect((error as Error).message).toContain('SELECT count(*)');
    // The body threw, so the transaction rolled back, and the connection is free again.
    expect(await Note.count({ where: { body: 'inside' } })).toBe(0);
  });

  test('a nested transaction in the body rejects with the same advice', async () => {
    const error = await pglite
      .transaction(() => pglite.transaction(async () => 'never'))
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/so a nested transaction would wait for it forever/);
  });

  test('a statement from elsewhere (not the body) waits for the transaction and then runs', async () => {
    let releaseBody!: () => void;
    const bodyMayEnd = new Promise<void>((resolve) => (releaseBody = resolve));
    let bodyStarted!: () => void;
    const started = new Promise<void>((resolve) => (bodyStarted = resolve));
    const transaction = pglite.transaction(async (t) => {
      await Note.create({ body: 'committed first' }, { transaction: t });
      bodyStarted();
      await bodyMayEnd;
    });
    await started;
    const countFromElsewhere = Note.count({ where: { body: 'committed first' } });
    releaseBody();
    await transaction;
    expect(await countFromElsewhere).toBe(1);
  });

  test('after the transaction, statements without it run as usual', async () => {
    await pglite.transaction(async (t) => {
      await Note.create({ body: 'after' }, { transaction: t });
    });
    expect(await Note.count({ where: { body: 'after' } })).toBe(1);
  });
});

describe('closing', () => {
  test('close() is idempotent and every later query rejects with a clear ConnectionError', async () => {
    const s = new Sequelize('postgres://postgres@127.0.0.1:1/none', { logging: false });
    await expect(s.close()).resolves.toBeUndefined();
    await expect(s.close()).resolves.toBeUndefined();
    const error = await s.query('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      'ConnectionManager.getConnection was called after the connection manager was closed!',
    );
    await expect(s.authenticate()).rejects.toThrow('after the connection manager was closed');
  });
});

describe('connection errors', () => {
  test('a refused connection is a ConnectionRefusedError naming the address', async () => {
    const s = new Sequelize('postgres://postgres@127.0.0.1:1/none', { logging: false });
    const error = await s.authenticate().catch((e: unknown) => e);
    await s.close();
    expect(error).toBeInstanceOf(ConnectionRefusedError);
    expect((error as Error).name).toBe('SequelizeConnectionRefusedError');
    expect((error as Error).message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect((error as ConnectionError).parent?.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });

  test('an unknown host is a HostNotFoundError', async () => {
    const s = new Sequelize('postgres://postgres@no-such-host.invalid:5432/none', {
      logging: false,
      pool: { acquire: 10000 },
    });
    const error = await s.authenticate().catch((e: unknown) => e);
    await s.close();
    expect(error).toBeInstanceOf(HostNotFoundError);
    expect((error as Error).message).toMatch(/no-such-host\.invalid/);
  });

  testWithServer(
    needsServer('an unknown database or role is a ConnectionError with the server message'),
    async () => {
      const url = new URL(serverUrl!);
      url.pathname = '/gm_no_such_database';
      const noDb = new Sequelize(url.toString(), { logging: false });
      const dbError = await noDb.authenticate().catch((e: unknown) => e);
      await noDb.close();
      expect(dbError).toBeInstanceOf(ConnectionError);
      expect((dbError as Error).message).toBe('database "gm_no_such_database" does not exist');

      url.pathname = '/postgres';
      url.username = 'gm_no_such_role';
      url.password = 'wrong';
      const noRole = new Sequelize(url.toString(), { logging: false });
      const roleError = await noRole.authenticate().catch((e: unknown) => e);
      await noRole.close();
      expect(roleError).toBeInstanceOf(ConnectionError);
      expect((roleError as Error).message).toMatch(/gm_no_such_role/);
    },
  );
});

testWithServer(
  needsServer(
    'the server ending a connection (pg_terminate_backend) rejects that query or transaction; the process and the pool carry on',
  ),
  async () => {
    const s = new Sequelize(conn.db.url, { logging: false });
    const admin = new Sequelize(conn.db.url, { logging: false });
    const terminate = (marker: string) =>
      admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%${marker}%' AND pid <> pg_backend_pid()`,
      );
    try {
      // During a statement: pg also emits 'error' on the client, which must not go unhandled.
      const running = s.query("SELECT pg_sleep(5), 'gm_terminated_statement'").catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await terminate('gm_terminated_statement');
      expect(((await running) as Error).message).toBe('terminating connection due to administrator command');

      // Between the statements of a transaction holding its connection.
      const t = await s.transaction();
      await s.query("SELECT 'gm_terminated_transaction'", { transaction: t });
      await terminate('gm_terminated_transaction');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(s.query('SELECT 1', { transaction: t })).rejects.toThrow();
      await expect(t.rollback()).rejects.toThrow();

      expect(await s.query('SELECT 1 AS one', { type: 'SELECT' })).toEqual([{ one: 1 }]);
    } finally {
      await s.close();
      await admin.close();
    }
  },
);

test('sync({ match }) refuses a database whose name does not match, before any query', async () => {
  const lines: string[] = [];
  const s = new Sequelize('postgres://postgres@127.0.0.1:1/seq_prod', {
    logging: (l: string) => lines.push(l),
  });
  await expect(s.sync({ force: true, match: /_test$/ })).rejects.toThrow(
    'Database "seq_prod" does not match sync match parameter "/_test$/"',
  );
  expect(lines).toEqual([]);
  await s.close();
});

test('the registry: define, models, isDefined, model(name)', () => {
  const Thing = conn.sequelize.define('Thing', { label: DataTypes.STRING });
  expect(conn.sequelize.models.Thing).toBe(Thing);
  expect(conn.sequelize.isDefined('Thing')).toBe(true);
  expect(conn.sequelize.model('Thing')).toBe(Thing);
  expect(() => conn.sequelize.model('Nope')).toThrow('Nope has not been defined');
  const Again = conn.sequelize.define('Thing', { other: DataTypes.STRING });
  expect(conn.sequelize.models.Thing).toBe(Again);
  expect(Object.keys(conn.sequelize.models).filter((n) => n === 'Thing')).toHaveLength(1);
  expect(sqlOf('Executing (default): SELECT 1')).toBe('SELECT 1');
});
