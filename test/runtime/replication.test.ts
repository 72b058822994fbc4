/**
 * `replication: { read, write }` against a real streaming replica (.ci/replica.sh): reads go to
 * the replica, writes and transactions to the primary, useMaster forces the primary, a replica
 * that is down is skipped, all down is an error naming them. PGlite refuses the option.
 */
import { connect as connectTcp, createServer, type Server } from 'node:net';
import { ConnectionError, DataTypes, Model, QueryTypes, Sequelize } from '../../runtime/index.js';
import { RETRY_DOWN_REPLICA_MS, ReplicaSetDriver } from '../../runtime/drivers/replica-set-driver.js';
import {
  createTestDatabase,
  describeWithReplica,
  needsReplica,
  replicaUrl,
  serverUrl,
  waitForReplay,
  type TestDatabase,
} from '../support/test-database.js';

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A read replica that is down until `up` is set: a port that accepts each connection and closes
 * it (pg fails to connect), counting the attempts; once up, it forwards the bytes to the real
 * replica, counting what it forwarded.
 */
interface FlakyReplica {
  readonly port: number;
  attempts: number;
  forwarded: number;
  up: boolean;
  close(): Promise<void>;
}

async function flakyReplica(target: { host: string; port: number }): Promise<FlakyReplica> {
  const sockets = new Set<{ destroy(): void }>();
  const state = { attempts: 0, forwarded: 0, up: false };
  const listener: Server = createServer((socket) => {
    state.attempts += 1;
    if (!state.up) {
      socket.destroy();
      return;
    }
    const upstream = connectTcp(target.port, target.host);
    sockets.add(socket).add(upstream);
    socket.on('data', () => (state.forwarded += 1));
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    port: (listener.address() as { port: number }).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => listener.close(resolve));
    },
  });
}

function server(url: string | undefined): { host: string; port: number } {
  const parsed = new URL(url ?? 'postgres://127.0.0.1:5432');
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}

/** A view that says which server answered: true on the replica. */
class Standby extends Model {
  declare id: number;
  declare standby: boolean;
}

describe('replication options', () => {
  test('embedded PGlite refuses replication, saying why', () => {
    expect(() => new Sequelize('pglite://', { logging: false, replication: { read: [{}] } })).toThrow(
      /replication needs PostgreSQL servers; embedded PGlite/,
    );
  });

  test('a misspelt key in a server entry is refused with a did-you-mean', () => {
    expect(
      () =>
        // @ts-expect-error -- hots is not a server key
        new Sequelize('postgres://h/d', {
          logging: false,
          replication: { read: [{ hots: 'r1' }] },
        }),
    ).toThrow(/replication\.read\[0\].*hots.*host/);
    expect(() => new Sequelize('postgres://h/d', { logging: false, replication: { read: [] } })).toThrow(
      /replication.read must be a non-empty array/,
    );
  });
});

describeWithReplica(needsReplica('reads on a streaming replica'), () => {
  let db: TestDatabase;
  const logged: string[] = [];
  let sequelize: Sequelize;
  const primary = server(serverUrl);
  const replica = server(replicaUrl);

  function connect(read: { host: string; port: number }[]): Sequelize {
    const s = new Sequelize({
      dialect: 'postgres',
      database: db.name,
      username: 'postgres',
      logging: (line: string) => logged.push(line),
      replication: { read, write: primary },
    });
    bind(s);
    return s;
  }

  /** Standby on this connection (each test's own replication setting). */
  function bind(s: Sequelize): void {
    Standby.init(
      { id: { type: DataTypes.INTEGER, primaryKey: true }, standby: DataTypes.BOOLEAN },
      { sequelize: s, tableName: 'standby', timestamps: false },
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('gm_replica');
    sequelize = connect([replica]);
    await sequelize.query('CREATE VIEW standby AS SELECT 1 AS id, pg_is_in_recovery() AS standby');
    await sequelize.query('CREATE TABLE items (id serial PRIMARY KEY, name text)');
    await waitForReplay();
  });
  afterAll(async () => {
    await sequelize.close();
    await db.drop();
  });

  test('model reads and SELECT queries go to the replica', async () => {
    expect((await Standby.findAll()).map((s) => s.standby)).toEqual([true]);
    expect((await Standby.findOne())?.standby).toBe(true);
    expect((await Standby.findByPk(1))?.standby).toBe(true);
    expect(await Standby.count({ where: { standby: true } })).toBe(1);
    expect(
      await sequelize.query('SELECT pg_is_in_recovery() AS standby', {
        type: QueryTypes.SELECT,
        plain: true,
      }),
    ).toEqual({ standby: true });
  });

  test('useMaster, raw statements and transactions go to the primary', async () => {
    expect((await Standby.findAll({ useMaster: true })).map((s) => s.standby)).toEqual([false]);
    expect(
      await sequelize.query('SELECT pg_is_in_recovery() AS standby', {
        type: QueryTypes.SELECT,
        plain: true,
        useMaster: true,
      }),
    ).toEqual({ standby: false });
    const [rows] = await sequelize.query('SELECT pg_is_in_recovery() AS standby');
    expect(rows).toEqual([{ standby: false }]);
    await sequelize.transaction(async (t) => {
      expect((await Standby.findOne({ transaction: t }))?.standby).toBe(false);
    });
  });

  test('a read inside a transaction sees the write made in it', async () => {
    await sequelize.transaction(async (t) => {
      await sequelize.query("INSERT INTO items (name) VALUES ('fresh')", { transaction: t });
      const found = await sequelize.query("SELECT name FROM items WHERE name = 'fresh'", {
        type: QueryTypes.SELECT,
        transaction: t,
      });
      expect(found).toEqual([{ name: 'fresh' }]);
    });
  });

  test('a replica that is down is skipped, logged once', async () => {
    const down = { host: '127.0.0.1', port: await closedPort() };
    const s = connect([down, replica]);
    logged.length = 0;
    try {
      for (let i = 0; i < 4; i++) expect((await Standby.findOne())?.standby).toBe(true);
      const downLines = logged.filter((line) => line.includes(`Read replica 127.0.0.1:${down.port}`));
      expect(downLines).toHaveLength(1);
      expect(downLines[0]).toMatch(/is down/);
    } finally {
      await s.close();
      connect([replica])
        .close()
        .catch(() => undefined);
      Standby.init(
        { id: { type: DataTypes.INTEGER, primaryKey: true }, standby: DataTypes.BOOLEAN },
        { sequelize, tableName: 'standby', timestamps: false },
      );
    }
  });

  test('a replica that is down is skipped until RETRY_DOWN_REPLICA_MS passed, then tried again and used once back', async () => {
    const flaky = await flakyReplica(replica);
    const lines: string[] = [];
    let clock = 1_000_000;
    const pgConfig = (at: { host: string; port: number }) => ({
      ...at,
      database: db.name,
      user: 'postgres',
      max: 1,
      connectionTimeoutMillis: 5000,
    });
    const driver = new ReplicaSetDriver(
      pgConfig(primary),
      [
        { label: `flaky:${flaky.port}`, pg: pgConfig({ host: '127.0.0.1', port: flaky.port }) },
        { label: 'replica', pg: pgConfig(replica) },
      ],
      (line) => lines.push(line),
      { prepareStatements: true, now: () => clock },
    );
    const standby = async (): Promise<unknown> =>
      (await driver.query('SELECT pg_is_in_recovery() AS standby', [], { read: true })).rows[0].standby;
    try {
      // The rotation starts at the down one: tried once, logged, and the real replica answers.
      expect(await standby()).toBe(true);
      expect(flaky.attempts).toBe(1);
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(`^Read replica flaky:${flaky.port} is down .*skipped for ${RETRY_DOWN_REPLICA_MS} ms$`),
        ),
      ]);
      // Until the interval has passed it is not tried at all, though the rotation comes back to it.
      clock += RETRY_DOWN_REPLICA_MS - 1;
      for (let i = 0; i < 4; i++) expect(await standby()).toBe(true);
      expect(flaky.attempts).toBe(1);
      // Past it, the next read whose turn it is tries it again: still down, logged again.
      clock += 1;
      for (let i = 0; i < 2; i++) expect(await standby()).toBe(true);
      expect(flaky.attempts).toBe(2);
      expect(lines).toHaveLength(2);
      // Back up: after the next interval, it serves its turn of the reads.
      flaky.up = true;
      clock += RETRY_DOWN_REPLICA_MS;
      for (let i = 0; i < 2; i++) expect(await standby()).toBe(true);
      expect(flaky.attempts).toBe(3);
      expect(flaky.forwarded).toBeGreaterThan(0);
      expect(lines).toHaveLength(2);
    } finally {
      await driver.close();
      await flaky.close();
    }
  });

  test('every replica down: a ConnectionError naming each', async () => {
    const [a, b] = [await closedPort(), await closedPort()];
    const s = connect([
      { host: '127.0.0.1', port: a },
      { host: '127.0.0.1', port: b },
    ]);
    try {
      const error = await Standby.findAll().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toMatch(
        new RegExp(`Every read replica is down: 127.0.0.1:${a}/.*127.0.0.1:${b}/`),
      );
      // Writes still go to the primary.
      expect(await s.query('SELECT 1 AS one', { type: QueryTypes.SELECT, useMaster: true })).toEqual([
        { one: 1 },
      ]);
    } finally {
      await s.close();
      bind(sequelize);
    }
  });
});
