/** An IPv6 host in a postgres:// URL ([::1]) reaches pg without its brackets. */
import { HostNotFoundError, Sequelize } from '../../runtime/index.js';
import { resolveConnection } from '../../runtime/connection-options.js';

test('postgres://[::1]/db and other bracketed IPv6 hosts are parsed to the bare address', () => {
  expect(resolveConnection(['postgres://alice@[::1]/app']).pg).toMatchObject({
    host: '::1',
    port: 5432,
    database: 'app',
    user: 'alice',
  });
  expect(resolveConnection(['postgresql://[2001:db8::5]:6543/app']).pg).toMatchObject({
    host: '2001:db8::5',
    port: 6543,
  });
  expect(resolveConnection(['postgres://db.example/app']).pg.host).toBe('db.example');
  const s = new Sequelize('postgres://postgres@[::1]:6543/app', { logging: false });
  expect(s.config).toEqual({ database: 'app', username: 'postgres', host: '::1', port: 6543 });
  void s.close();
});

test('connecting to [::1] is attempted at that address (refused or unreachable), never "host not found"', async () => {
  const s = new Sequelize('postgres://postgres@[::1]:1/app', { logging: false, pool: { acquire: 5000 } });
  const error = await s.authenticate().then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  await s.close();
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(HostNotFoundError);
  expect(String((error as Error & { parent?: unknown }).message)).not.toMatch(/ENOTFOUND|\[::1\]/);
});
