/** Lifecycle hooks: order, arguments, changes hooks make, aborting, bulk forms, finders, registration. */
import { DataTypes, Model, Op, Sequelize, ValidationError } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
const calls: string[] = [];

class User extends Model {
  declare id: number;
  declare name: string;
  declare email: string | null;
  declare score: number | null;
  declare deletedAt: Date | null;
}

const log =
  (name: string) =>
  async (...args: unknown[]): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    calls.push(name);
    void args;
  };

beforeAll(async () => {
  conn = await openTestConnection();
  User.init(
    {
      name: { type: DataTypes.STRING, allowNull: false, validate: { len: [2, 20] } },
      email: DataTypes.STRING,
      score: DataTypes.INTEGER,
    },
    {
      sequelize: conn.sequelize,
      paranoid: true,
      hooks: {
        beforeValidate: [log('beforeValidate')],
        afterValidate: log('afterValidate'),
        beforeCreate: log('beforeCreate'),
        afterCreate: log('afterCreate'),
        beforeSave: log('beforeSave'),
        afterSave: log('afterSave'),
        beforeUpdate: log('beforeUpdate'),
        afterUpdate: log('afterUpdate'),
      },
    },
  );
  await conn.sequelize.sync({ force: true });
});
afterAll(() => conn.close());
beforeEach(async () => {
  await User.destroy({ truncate: true, force: true, hooks: false });
  calls.length = 0;
});

const names = async () => (await User.findAll({ order: [['name', 'ASC']], hooks: false })).map((u) => u.name);

test('create runs the validation, create and save hooks in Sequelize order, each awaited', async () => {
  await User.create({ name: 'ada' });
  expect(calls).toEqual([
    'beforeValidate',
    'afterValidate',
    'beforeCreate',
    'beforeSave',
    'afterCreate',
    'afterSave',
  ]);
  calls.length = 0;
  const user = (await User.findOne({ where: { name: 'ada' } }))!;
  await user.update({ score: 3 });
  expect(calls).toEqual([
    'beforeValidate',
    'afterValidate',
    'beforeUpdate',
    'beforeSave',
    'afterUpdate',
    'afterSave',
  ]);
  calls.length = 0;
  await user.save({ hooks: false });
  await User.create({ name: 'bob' }, { hooks: false });
  expect(calls).toEqual([]);
});

test('values a before-hook sets are validated and written, on create and on update', async () => {
  const lower = User.addHook('beforeSave', 'lower', (user) => {
    user.email = `${user.name.toLowerCase()}@example.com`;
  });
  expect(lower).toBe(User);
  try {
    const user = await User.create({ name: 'Ada' });
    await user.update({ name: 'Grace' });
    const [rows] = await conn.sequelize.query('SELECT name, email FROM "Users"');
    expect(rows).toEqual([{ name: 'Grace', email: 'grace@example.com' }]);
  } finally {
    expect(User.removeHook('beforeSave', 'lower')).toBe(true);
  }
  expect(User.removeHook('beforeSave', 'lower')).toBe(false);
});

test('a throwing before-hook aborts with nothing written; an after-hook throwing in a transaction rolls it back', async () => {
  User.beforeCreate('refuse', (user) => {
    if (user.name === 'mallory') throw new Error('no mallory');
  });
  User.afterCreate('late', async (user) => {
    if (user.name === 'eve') throw new Error('no eve');
  });
  try {
    await expect(User.create({ name: 'mallory' })).rejects.toThrow('no mallory');
    await expect(
      conn.sequelize.transaction((transaction) => User.create({ name: 'eve' }, { transaction })),
    ).rejects.toThrow('no eve');
    await expect(
      User.bulkCreate([{ name: 'ok' }, { name: 'mallory' }], { individualHooks: true }),
    ).rejects.toThrow('no mallory');
    expect(await names()).toEqual(['ok']);
  } finally {
    User.removeHook('beforeCreate', 'refuse');
    User.removeHook('afterCreate', 'late');
  }
});

test('validationFailed sees the ValidationError; a hook may throw another error instead', async () => {
  const seen: unknown[] = [];
  User.validationFailed('seen', (_user, _options, error) => {
    seen.push(error);
  });
  await expect(User.create({ name: 'x' })).rejects.toBeInstanceOf(ValidationError);
  expect((seen[0] as ValidationError).errors[0]).toMatchObject({ path: 'name', validatorKey: 'len' });
  User.removeHook('validationFailed', 'seen');
  User.validationFailed('replace', () => {
    throw new Error('replaced');
  });
  await expect(User.build({ name: 'y' }).validate()).rejects.toThrow('replaced');
  User.removeHook('validationFailed', 'replace');
  expect(await User.count()).toBe(0);
});

test('bulk hooks, with individualHooks the per-row hooks too', async () => {
  const seen: string[] = [];
  User.beforeBulkCreate('b', (instances, options) => {
    seen.push(`beforeBulkCreate ${instances.length} ${String(options.individualHooks)}`);
    instances[0].score = 7;
  });
  User.afterBulkCreate(
    'b',
    (instances) => void seen.push(`afterBulkCreate ${instances.map((i) => i.id > 0).join()}`),
  );
  User.beforeBulkUpdate('b', (options) => {
    seen.push('beforeBulkUpdate');
    options.attributes.score = 9;
  });
  User.afterBulkUpdate('b', () => void seen.push('afterBulkUpdate'));
  User.beforeBulkDestroy('b', () => void seen.push('beforeBulkDestroy'));
  User.afterBulkDestroy('b', () => void seen.push('afterBulkDestroy'));
  User.beforeDestroy('b', (user) => void seen.push(`beforeDestroy ${user.name}`));
  User.afterDestroy('b', (user) => void seen.push(`afterDestroy ${user.name}`));
  try {
    await User.bulkCreate([{ name: 'ann' }, { name: 'ben' }]);
    expect(calls).toEqual(['beforeValidate', 'afterValidate', 'beforeValidate', 'afterValidate']);
    calls.length = 0;
    await User.bulkCreate([{ name: 'cat' }], { individualHooks: true });
    expect(calls).toEqual([
      'beforeValidate',
      'afterValidate',
      'beforeCreate',
      'beforeSave',
      'afterCreate',
      'afterSave',
    ]);
    calls.length = 0;
    const [count] = await User.update({ email: 'e' }, { where: { name: 'ann' } });
    expect(count).toBe(1);
    const result = await User.update(
      { email: 'f' },
      { where: { name: { [Op.ne]: 'ann' } }, individualHooks: true },
    );
    expect(result[0]).toBe(2);
    expect((result as unknown as [number, User[]])[1].map((u) => u.email)).toEqual(['f', 'f']);
    expect(calls.filter((c) => c === 'beforeUpdate')).toHaveLength(2);
    expect(await User.destroy({ where: { name: 'ann' }, individualHooks: true })).toBe(1);
    expect(await User.destroy({ where: { name: 'ben' } })).toBe(1);
    const [rows] = await conn.sequelize.query('SELECT name, score, email FROM "Users" ORDER BY name');
    expect(rows).toEqual([
      { name: 'ann', score: 9, email: 'e' },
      { name: 'ben', score: 9, email: 'f' },
      { name: 'cat', score: 9, email: 'f' },
    ]);
    expect(seen).toEqual([
      'beforeBulkCreate 2 undefined',
      'afterBulkCreate true,true',
      'beforeBulkCreate 1 true',
      'afterBulkCreate true',
      'beforeBulkUpdate',
      'afterBulkUpdate',
      'beforeBulkUpdate',
      'afterBulkUpdate',
      'beforeBulkDestroy',
      'beforeDestroy ann',
      'afterDestroy ann',
      'afterBulkDestroy',
      'beforeBulkDestroy',
      'afterBulkDestroy',
    ]);
  } finally {
    for (const type of [
      'beforeBulkCreate',
      'afterBulkCreate',
      'beforeBulkUpdate',
      'afterBulkUpdate',
      'beforeBulkDestroy',
      'afterBulkDestroy',
      'beforeDestroy',
      'afterDestroy',
    ] as const)
      User.removeHook(type, 'b');
  }
});

test('instance destroy and restore hooks; restore with individualHooks', async () => {
  const seen: string[] = [];
  User.beforeRestore('r', (user) => void seen.push(`beforeRestore ${user.name}`));
  User.afterRestore('r', (user) => void seen.push(`afterRestore ${user.isSoftDeleted()}`));
  User.beforeBulkRestore('r', () => void seen.push('beforeBulkRestore'));
  User.beforeDestroy('r', (user) => void seen.push(`beforeDestroy ${user.isSoftDeleted()}`));
  User.afterDestroy('r', (user) => void seen.push(`afterDestroy ${user.isSoftDeleted()}`));
  try {
    const ada = await User.create({ name: 'ada' });
    await ada.destroy();
    await ada.restore();
    await ada.destroy();
    await User.restore({ where: { name: 'ada' }, individualHooks: true });
    expect(seen).toEqual([
      'beforeDestroy false',
      'afterDestroy true',
      'beforeRestore ada',
      'afterRestore false',
      'beforeDestroy false',
      'afterDestroy true',
      'beforeBulkRestore',
      'beforeRestore ada',
      'afterRestore true',
    ]);
    expect(await names()).toEqual(['ada']);
  } finally {
    for (const type of [
      'beforeRestore',
      'afterRestore',
      'beforeBulkRestore',
      'beforeDestroy',
      'afterDestroy',
    ] as const)
      User.removeHook(type, 'r');
  }
});

test('find hooks: beforeFind may change the options; afterFind gets the instances (one for findOne); beforeCount', async () => {
  await User.bulkCreate([{ name: 'ann' }, { name: 'ben' }], { hooks: false });
  const seen: unknown[] = [];
  User.beforeFind('f', (options) => {
    options.where = { name: 'ben' };
  });
  User.afterFind(
    'f',
    (result) => void seen.push(Array.isArray(result) ? result.length : (result?.name ?? null)),
  );
  User.beforeCount('f', (options) => {
    options.where = { name: 'nobody' };
  });
  try {
    expect((await User.findAll()).map((u) => u.name)).toEqual(['ben']);
    expect((await User.findOne())!.name).toBe('ben');
    // The hook replaced the where, primary key included, as in Sequelize.
    expect((await User.findByPk(-1))!.name).toBe('ben');
    expect(await User.count()).toBe(0);
    expect(await User.count({ hooks: false })).toBe(2);
    expect(seen).toEqual([1, 'ben', 'ben']);
  } finally {
    for (const type of ['beforeFind', 'afterFind', 'beforeCount'] as const) User.removeHook(type, 'f');
  }
});

test('global hooks (sequelize.addHook, new Sequelize({ hooks })) run after the model’s own, for every model', async () => {
  const seen: string[] = [];
  const fn = (instance: Model) => void seen.push(`global ${instance.constructor.name}`);
  conn.sequelize.addHook('beforeCreate', fn);
  User.beforeCreate('own', () => void seen.push('own'));
  const Tag = conn.sequelize.define('Tag', { label: DataTypes.STRING });
  Tag.beforeSync('s', () => void seen.push('beforeSync Tag'));
  conn.sequelize.addHook('afterBulkSync', () => void seen.push('afterBulkSync'));
  try {
    await conn.sequelize.sync();
    await User.create({ name: 'ada' });
    await Tag.create({ label: 't' });
    expect(seen).toEqual(['beforeSync Tag', 'afterBulkSync', 'own', 'global User', 'global Tag']);
    expect(conn.sequelize.hasHook('beforeCreate')).toBe(true);
    expect(conn.sequelize.removeHook('beforeCreate', fn)).toBe(true);
    expect(conn.sequelize.hasHook('beforeCreate')).toBe(false);
  } finally {
    User.removeHook('beforeCreate', 'own');
  }
});

test('hooks of new Sequelize({ hooks }) and of define: { hooks } run with the model’s own', async () => {
  const seen: string[] = [];
  const other = new Sequelize(conn.db.url, {
    logging: false,
    hooks: { beforeCreate: () => void seen.push('global') },
    define: { hooks: { beforeCreate: () => void seen.push('define') } },
  });
  try {
    const Tag = other.define(
      'GlobalTag',
      { label: DataTypes.STRING },
      {
        hooks: { beforeCreate: () => void seen.push('own') },
      },
    );
    const Plain = other.define('PlainTag', { label: DataTypes.STRING });
    await other.sync();
    const tag = await Tag.create({ label: 't' });
    await Plain.create({ label: 'p' });
    expect(seen).toEqual(['define', 'own', 'global', 'define', 'global']);
    const [rows] = await other.query('SELECT label FROM "GlobalTags"');
    expect(rows).toEqual([{ label: tag.get('label') }]);
  } finally {
    await other.close();
  }
});

test('upsert hooks get the values, then [instance, created]', async () => {
  const seen: unknown[] = [];
  User.beforeUpsert('u', (values) => void seen.push(values.name));
  User.afterUpsert('u', ([user, created]) => void seen.push(`${user.name} ${created}`));
  try {
    await User.upsert({ id: 1000, name: 'ada' });
    expect(seen).toEqual(['ada', 'ada true']);
  } finally {
    User.removeHook('beforeUpsert', 'u');
    User.removeHook('afterUpsert', 'u');
  }
});

test('hook names nothing runs are refused: typos with a did-you-mean, unsupported ones by feature', () => {
  expect(() => User.addHook('beforeCreat' as never, (() => undefined) as never)).toThrow(
    'User.addHook(): unknown hook "beforeCreat"; did you mean "beforeCreate"?',
  );
  expect(() => conn.sequelize.addHook('beforeConnect' as never, (() => undefined) as never)).toThrow(
    'sequelize.addHook(): hook "beforeConnect" (connection hooks) is not supported by the gen-models runtime',
  );
  expect(() =>
    conn.sequelize.define('Bad', { a: DataTypes.STRING }, { hooks: { afterSav: () => undefined } as never }),
  ).toThrow('Bad.init(): unknown hook "afterSav"; did you mean "afterSave"?');
  expect(() => User.addHook('beforeSave', 'x' as never)).toThrow('the beforeSave hook must be a function');
  expect(User.hasHook('beforeCreate')).toBe(true);
  expect(User.hasHook('afterFind')).toBe(false);
});

test('findOrCreate runs the create and save hooks when it inserts, and only then', async () => {
  const first = await User.findOrCreate({ where: { name: 'zed' } });
  expect(first[1]).toBe(true);
  expect(calls).toEqual([
    'beforeValidate',
    'afterValidate',
    'beforeCreate',
    'beforeSave',
    'afterCreate',
    'afterSave',
  ]);
  calls.length = 0;
  const again = await User.findOrCreate({ where: { name: 'zed' } });
  expect([again[0].id, again[1]]).toEqual([first[0].id, false]);
  expect(calls).toEqual([]);
});
