/**
 * Scopes reach includes as in Sequelize v6 (_validateIncludedElement → _injectScope): an included
 * model's defaultScope merges under the include (where, attributes, order, paranoid), a where from
 * the scope makes the include required, and Model.scope()/unscoped() classes in include apply
 * their own scopes instead.
 */
import { DataTypes, Model, Op, type NonAttribute } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;

class Team extends Model {
  declare id: number;
  declare name: string;
  declare active: boolean;
  declare members?: NonAttribute<Owner[]>;
}
class Owner extends Model {
  declare id: number;
  declare name: string;
  declare teamId: number;
  declare tasks?: NonAttribute<Task[]>;
  declare team?: NonAttribute<Team | null>;
}
class Task extends Model {
  declare id: number;
  declare title: string;
  declare done: boolean;
  declare rank: number;
  declare secret: string;
  declare ownerId: number;
  declare owner?: NonAttribute<Owner | null>;
}

beforeAll(async () => {
  conn = await openTestConnection();
  const sequelize = conn.sequelize;
  Team.init(
    { name: DataTypes.STRING, active: DataTypes.BOOLEAN },
    {
      sequelize,
      timestamps: false,
      defaultScope: { where: { active: true }, order: [['name', 'ASC']] },
    },
  );
  Owner.init({ name: DataTypes.STRING }, { sequelize, timestamps: false });
  Task.init(
    { title: DataTypes.STRING, done: DataTypes.BOOLEAN, rank: DataTypes.INTEGER, secret: DataTypes.STRING },
    {
      sequelize,
      timestamps: false,
      defaultScope: {
        where: { done: false },
        attributes: { exclude: ['secret'] },
        order: [['rank', 'ASC']],
      },
      scopes: {
        done: { where: { done: true } },
        ofRank: (rank: number) => ({ where: { rank } }),
        firstTwo: { limit: 2 },
      },
    },
  );
  Owner.hasMany(Task, { as: 'tasks', foreignKey: 'ownerId' });
  Owner.belongsTo(Team, { as: 'team', foreignKey: 'teamId' });
  Team.hasMany(Owner, { as: 'members', foreignKey: 'teamId' });
  Task.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  await sequelize.sync({ force: true });
  const red = await Team.create({ name: 'red', active: true });
  const old = await Team.create({ name: 'old', active: false });
  const ann = await Owner.create({ name: 'ann', teamId: red.id });
  const bob = await Owner.create({ name: 'bob', teamId: old.id });
  const cat = await Owner.create({ name: 'cat', teamId: red.id });
  await Task.bulkCreate([
    { title: 't1', done: false, rank: 2, secret: 's1', ownerId: ann.id },
    { title: 't2', done: false, rank: 1, secret: 's2', ownerId: ann.id },
    { title: 't3', done: true, rank: 3, secret: 's3', ownerId: ann.id },
    { title: 't4', done: false, rank: 1, secret: 's4', ownerId: bob.id },
    { title: 't5', done: true, rank: 1, secret: 's5', ownerId: cat.id },
  ]);
});
afterAll(() => conn.close());

/** owner name → its included task titles, in the order loaded. */
const tasksByOwner = (owners: Owner[]): Record<string, string[]> =>
  Object.fromEntries(owners.map((o) => [o.name, o.tasks!.map((t) => t.title)]));

test("the included model's defaultScope applies: its where (making the include required), attributes and order", async () => {
  const owners = await Owner.findAll({ include: [{ model: Task, as: 'tasks' }], order: [['name', 'ASC']] });
  // cat has only a done task: the scope's where makes the include required, as in Sequelize.
  expect(tasksByOwner(owners)).toEqual({ ann: ['t2', 't1'], bob: ['t4'] });
  const first = owners[0].tasks![0];
  expect(first).toBeInstanceOf(Task);
  expect(Object.keys(first.dataValues).sort()).toEqual(['done', 'id', 'ownerId', 'rank', 'title']);
  expect(first.get({ plain: true })).toEqual({
    id: first.id,
    title: 't2',
    done: false,
    rank: 1,
    ownerId: owners[0].id,
  });
  // The alias form and the association form take the scope too.
  expect(tasksByOwner(await Owner.findAll({ include: ['tasks'], order: [['name', 'ASC']] }))).toEqual({
    ann: ['t2', 't1'],
    bob: ['t4'],
  });
  const optional = await Owner.findAll({
    include: [{ association: 'tasks', required: false }],
    order: [['name', 'ASC']],
  });
  expect(tasksByOwner(optional)).toEqual({ ann: ['t2', 't1'], bob: ['t4'], cat: [] });
});

test("the include's where merges over the scope's: other keys kept, the same key the include's", async () => {
  const rankOne = await Owner.findAll({
    include: [{ model: Task, as: 'tasks', where: { rank: 1 } }],
    order: [['name', 'ASC']],
  });
  expect(tasksByOwner(rankOne)).toEqual({ ann: ['t2'], bob: ['t4'] });
  const done = await Owner.findAll({
    include: [{ model: Task, as: 'tasks', where: { done: true } }],
    order: [['name', 'ASC']],
  });
  expect(tasksByOwner(done)).toEqual({ ann: ['t3'], cat: ['t5'] });
  // The include's order comes after the scope's (Sequelize joins the two lists).
  const ordered = await Owner.findAll({
    include: [{ model: Task, as: 'tasks', required: false, order: [['title', 'DESC']] }],
    where: { name: 'ann' },
  });
  expect(tasksByOwner(ordered)).toEqual({ ann: ['t2', 't1'] });
});

test('Model.scope() and unscoped() in an include apply that scope instead of the default one', async () => {
  const done = await Owner.findAll({
    include: [{ model: Task.scope('done'), as: 'tasks' }],
    order: [['name', 'ASC']],
  });
  expect(tasksByOwner(done)).toEqual({ ann: ['t3'], cat: ['t5'] });
  // Not the default scope: its attributes exclude is gone too.
  expect(done[0].tasks![0].secret).toBe('s3');
  const all = await Owner.findAll({
    include: [{ model: Task.unscoped(), as: 'tasks' }],
    // An include's column in the root order (the types take two-element items only).
    order: [['name', 'ASC'], ['tasks', 'title', 'ASC'] as never],
  });
  expect(tasksByOwner(all)).toEqual({ ann: ['t1', 't2', 't3'], bob: ['t4'], cat: ['t5'] });
  const rankThree = await Owner.findAll({
    include: [{ model: Task.scope({ method: ['ofRank', 3] }), as: 'tasks' }],
  });
  expect(tasksByOwner(rankThree)).toEqual({ ann: ['t3'] });
});

test("a single association's scope: its where applies (required), its order orders nothing and is left out", async () => {
  const owners = await Owner.findAll({ include: [{ model: Team, as: 'team' }], order: [['name', 'ASC']] });
  expect(owners.map((o) => [o.name, o.team!.name])).toEqual([
    ['ann', 'red'],
    ['cat', 'red'],
  ]);
  expect(owners[0].team).toBeInstanceOf(Team);
  const unscoped = await Owner.findAll({
    include: [{ model: Team.unscoped(), as: 'team' }],
    order: [['name', 'ASC']],
  });
  expect(unscoped.map((o) => [o.name, o.team!.name])).toEqual([
    ['ann', 'red'],
    ['bob', 'old'],
    ['cat', 'red'],
  ]);
});

test('scopes apply at any depth, from a scoped root model too', async () => {
  const teams = await Team.unscoped().findAll({
    include: [{ model: Owner, as: 'members', include: [{ model: Task, as: 'tasks', required: false }] }],
    order: [['name', 'DESC'], ['members', 'name', 'ASC'] as never],
  });
  expect(teams.map((t) => [t.name, t.members!.map((m) => [m.name, m.tasks!.map((x) => x.title)])])).toEqual([
    [
      'red',
      [
        ['ann', ['t2', 't1']],
        ['cat', []],
      ],
    ],
    ['old', [['bob', ['t4']]]],
  ]);
  expect(teams[0].members![0].tasks![0].secret).toBeUndefined();
});

test('count and findAndCountAll count the parents the scoped include keeps', async () => {
  expect(await Owner.count({ include: [{ model: Task, as: 'tasks' }] })).toBe(2);
  expect(await Owner.count({ include: [{ model: Task.unscoped(), as: 'tasks', required: true }] })).toBe(3);
  const { rows, count } = await Owner.findAndCountAll({ include: [{ model: Team, as: 'team' }] });
  expect([rows.length, count]).toEqual([2, 2]);
});

test('a scope with an option no include takes (limit) is refused by name before any query', async () => {
  conn.statements.length = 0;
  await expect(Owner.findAll({ include: [{ model: Task.scope('firstTwo'), as: 'tasks' }] })).rejects.toThrow(
    'include "tasks" of Owner: the scope of Task has limit, which does not apply to an include',
  );
  expect(conn.statements).toEqual([]);
});

test("whereMergeStrategy 'and' of the included model AND-s the include's where with its scope's", async () => {
  class Step extends Model {
    declare id: number;
    declare size: number;
  }
  Step.init(
    { size: DataTypes.INTEGER },
    {
      sequelize: conn.sequelize,
      timestamps: false,
      whereMergeStrategy: 'and',
      defaultScope: { where: { size: { [Op.gt]: 1 } } },
    },
  );
  class Plan extends Model {
    declare id: number;
    declare steps?: NonAttribute<Step[]>;
  }
  Plan.init({ label: DataTypes.STRING }, { sequelize: conn.sequelize, timestamps: false });
  Plan.hasMany(Step, { as: 'steps', foreignKey: 'planId' });
  await Plan.sync();
  await Step.sync();
  const plan = await Plan.create({ label: 'p' });
  await Step.bulkCreate([1, 2, 3, 4].map((size) => ({ size, planId: plan.id })));
  const [found] = await Plan.findAll({
    include: [{ model: Step, as: 'steps', where: { size: { [Op.lt]: 4 } }, order: [['size', 'ASC']] }],
  });
  expect(found.steps!.map((s) => s.size)).toEqual([2, 3]);
});

test('a scoped or unscoped root model keeps its associations: include by name, by association, findAndCountAll, count', async () => {
  const done = await Task.scope('done').findAll({ include: ['owner'], order: [['title', 'ASC']] });
  expect(done.map((t) => [t.title, t.owner!.name])).toEqual([
    ['t3', 'ann'],
    ['t5', 'cat'],
  ]);
  const all = await Team.unscoped().findAll({ include: ['members'], order: [['name', 'ASC']] });
  expect(all.map((t) => [t.name, t.members!.map((m) => m.name).sort()])).toEqual([
    ['old', ['bob']],
    ['red', ['ann', 'cat']],
  ]);
  const page = await Team.unscoped().findAndCountAll({
    include: [{ association: 'members', where: { name: 'bob' } }],
  });
  expect([page.count, page.rows.map((t) => t.name)]).toEqual([1, ['old']]);
  const ranked = await Task.scope({ method: ['ofRank', 1] }).findAndCountAll({
    include: [{ model: Owner, as: 'owner', where: { name: 'ann' } }],
  });
  expect([ranked.count, ranked.rows.map((t) => t.title)]).toEqual([1, ['t2']]);
  expect(await Task.unscoped().count({ include: [{ association: 'owner', where: { name: 'ann' } }] })).toBe(
    3,
  );
});
