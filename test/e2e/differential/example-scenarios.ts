/**
 * Scenarios on the models of example-schema.yaml, written once against the Sequelize v6 model
 * API: each runs on both runtimes, in this order, on a database their own sync({ force }) made.
 */
import type { Models, OpLike, Scenario, Steps } from './steps.js';

const USERS = 'SELECT * FROM "Users"';

async function createAndSave(steps: Steps, { User }: Models): Promise<void> {
  const jane = await steps.call('create', () =>
    User.create({ firstName: 'Jane', lastName: 'Doe', email: ' Jane@Example.com ', tags: ['a', 'b'] }),
  );
  steps.state('after create', jane);
  if (!jane) return;
  jane.lastName = 'Dough';
  steps.state('after set', jane);
  await steps.call('save', () => jane.save());
  steps.state('after save', jane);
  await steps.call('update', () => jane.update({ age: 30, lastSeenAt: new Date('2020-01-02T03:04:05Z') }));
  steps.state('after update', jane);
  await steps.call('reload', () => jane.reload());
  steps.state('after reload', jane);
  await steps.call('increment', () => jane.increment('age', { by: 2 }));
  steps.state('after increment', jane);
  await steps.call('decrement by field', () => jane.decrement({ visits: 3 }));
  steps.state('after decrement', jane);
  await steps.rows('rows', USERS);
}

async function buildThenSave(steps: Steps, { User, Person, Audit }: Models): Promise<void> {
  const user = await steps.call('build user', () =>
    User.build({ firstName: 'Built', email: 'built@example.com' }),
  );
  steps.state('built user', user);
  await steps.call('save built user', () => user.save());
  steps.state('saved user', user);
  const person = await steps.call('build person', () => Person.build({}));
  steps.state('built person', person);
  await steps.call('save person', () => person.save());
  steps.state('saved person', person);
  const audit = await steps.call('build audit', () =>
    Audit.build({ payload: { ok: true }, levels: ['info', 'error'], duration: '1 hour' }),
  );
  steps.state('built audit', audit);
  await steps.call('save audit', () => audit.save());
  steps.state('saved audit', audit);
  await steps.rows('person rows', 'SELECT * FROM "Person"');
  await steps.rows('audit rows', 'SELECT id IS NOT NULL AS has_id, payload, levels, duration FROM "Audits"');
}

async function validation(steps: Steps, { User, Employee }: Models): Promise<void> {
  await steps.call('empty first name and bad email', () =>
    User.create({ firstName: '', email: 'not an email' }),
  );
  await steps.call('missing required', () => User.create({ lastName: 'Only' }));
  await steps.call('enum value outside the list', () =>
    User.create({ firstName: 'E', email: 'enum@example.com', favoriteColor: 'purple' }),
  );
  await steps.call('custom validator', () => User.create({ firstName: 'S', email: 'a b@example.com' }));
  await steps.call('null in a NOT NULL column', () => Employee.create({ name: null, hiredOn: '2020-01-01' }));
  const user = await steps.call('valid', () => User.create({ firstName: 'V', email: 'valid@example.com' }));
  await steps.call('invalid update', () => user.update({ firstName: '' }));
  steps.state('after invalid update', user);
  await steps.rows('rows', `${USERS} WHERE email LIKE 'valid%'`);
}

async function databaseErrors(steps: Steps, { User, Foo, Membership }: Models): Promise<void> {
  await steps.call('unique email', () => User.create({ firstName: 'Dup', email: 'jane@example.com' }));
  await steps.call('unique composite with a field', async () => {
    await Membership.create({ userId: 1, teamName: 'core', seat: 1, team: 'core' });
    return Membership.create({ userId: 1, teamName: 'other', seat: 1, team: 'core' });
  });
  await steps.call('foreign key', () => Foo.create({ label: 'ABCDEFGH', ownerId: 999 }));
  await steps.call('duplicate primary key', () => Membership.create({ userId: 1, teamName: 'core' }));
  await steps.rows('memberships', 'SELECT user_id, team_name, role, seat, team_code FROM memberships');
}

async function finders(steps: Steps, { User, Employee, Foo }: Models, Op: OpLike): Promise<void> {
  await User.bulkCreate([
    { firstName: 'Ann', lastName: 'Alpha', email: 'ann@example.com', age: 20 },
    { firstName: 'Bob', lastName: 'Beta', email: 'bob@example.com', age: 40, isAdmin: true },
  ]);
  const boss = await Employee.create({ name: 'Boss', hiredOn: '2020-01-31', salary: 100.5 });
  await Employee.create({ name: 'Worker', hiredOn: '2021-02-01', managerId: boss.id });
  await Foo.create({
    label: 'ABCDEFGH',
    ownerId: 1,
    big: '9007199254740993',
    startsAt: '10:30:00',
    ratio: 1.25,
  });
  const byName = { order: [['id', 'ASC']] };
  await steps.call('findAll where order limit', () =>
    User.findAll({ where: { isAdmin: false }, order: [['firstName', 'DESC']], limit: 2 }),
  );
  await steps.call('findAll attributes', () => User.findAll({ attributes: ['id', 'email'], ...byName }));
  await steps.call('findOne', () => User.findOne({ where: { email: 'bob@example.com' } }));
  await steps.call('findOne none', () => User.findOne({ where: { email: 'nobody@example.com' } }));
  await steps.call('findOne rejectOnEmpty', () =>
    User.findOne({ where: { email: 'nobody@example.com' }, rejectOnEmpty: true }),
  );
  await steps.call('findByPk', () => User.findByPk(1));
  await steps.call('findByPk missing', () => User.findByPk(9999));
  await steps.call('findByPk raw', () => User.findByPk(1, { raw: true }));
  await steps.call('count', () => User.count());
  await steps.call('count where', () => User.count({ where: { isAdmin: true } }));
  await steps.call('findAndCountAll', () => User.findAndCountAll({ limit: 1, ...byName }));
  await steps.call('max', () => User.max('age'));
  await steps.call('min', () => User.min('age'));
  await steps.call('sum', () => User.sum('age'));
  await steps.call('include belongsTo', () =>
    Employee.findAll({ include: [{ association: 'manager' }], ...byName }),
  );
  await steps.call('include hasMany', () =>
    Employee.findAll({ where: { id: boss.id }, include: [{ association: 'reports' }] }),
  );
  await steps.call('include two', () =>
    User.findAll({ where: { id: 1 }, include: ['ownedFoos', 'memberships'] }),
  );
  await steps.call('findAndCountAll include', () =>
    Employee.findAndCountAll({ include: [{ association: 'reports', required: true }] }),
  );
  await steps.call('include where required', () =>
    Employee.findAll({ include: [{ association: 'reports', where: { name: 'Worker' }, required: true }] }),
  );
  await steps.call('include attributes', () =>
    Employee.findAll({
      attributes: ['id', 'name'],
      include: [{ association: 'manager', attributes: ['name'] }],
      ...byName,
    }),
  );
  await steps.call('count include', () =>
    User.count({ include: [{ association: 'ownedFoos', required: true }] }),
  );
  await steps.call('sum where', () => User.sum('age', { where: { isAdmin: false } }));
  await steps.call('max of none', () => User.max('age', { where: { email: 'nobody@example.com' } }));
  await steps.call('findAll raw', () =>
    Employee.findAll({ raw: true, attributes: ['name', 'hiredOn'], ...byName }),
  );
  await steps.call('findByPk rejectOnEmpty', () => User.findByPk(9999, { rejectOnEmpty: true }));
  await steps.call('where operators', () =>
    User.findAll({
      where: { age: { [Op.gte]: 20 }, lastName: { [Op.ne]: null } },
      attributes: ['email'],
      ...byName,
    }),
  );
  await steps.call('misspelled option', () => User.findAll({ wher: { id: 1 }, attributes: ['id'] }));
  await steps.call('findOrCreate found', () =>
    User.findOrCreate({ where: { email: 'ann@example.com' }, defaults: { firstName: 'X' } }),
  );
  await steps.call('findOrCreate created', () =>
    User.findOrCreate({ where: { email: 'new@example.com' }, defaults: { firstName: 'New' } }),
  );
}

async function bulkWrites(steps: Steps, { User, Employee }: Models): Promise<void> {
  await steps.call('static update', () => User.update({ lastName: 'Same' }, { where: { isAdmin: true } }));
  await steps.call('static update without where', () => User.update({ lastName: 'All' }));
  await steps.call('static increment', () => User.increment('visits', { where: { isAdmin: true } }));
  await steps.call('destroy without where', () => Employee.destroy());
  await steps.call('destroy where', () => Employee.destroy({ where: { name: 'Worker' } }));
  const boss = await Employee.findOne({ where: { name: 'Boss' } });
  await steps.call('instance destroy', () => boss.destroy());
  steps.state('after destroy', boss);
  await steps.call('bulkCreate', () =>
    Employee.bulkCreate([
      { name: 'B1', hiredOn: '2022-01-01' },
      { name: 'B2', hiredOn: '2022-01-02', salary: 3 },
    ]),
  );
  await steps.rows('users', `${USERS} WHERE email <> 'jane@example.com'`);
  await steps.rows('employees', 'SELECT * FROM "Employees"');
}

async function unsavedEdits(steps: Steps, { User }: Models): Promise<void> {
  const user = await User.create({ firstName: 'Edit', email: 'edit@example.com', age: 1 });
  user.age = 10;
  await steps.call('increment with an unsaved edit', () => user.increment('visits'));
  steps.state('after increment', user);
  // The runtimes differ above, on purpose (docs/runtime.md); the steps below start even again.
  await user.reload();
  user.firstName = 'Changed';
  steps.state('changed before save', user);
  await steps.call('previous', () => user.previous('firstName'));
  await steps.call('save fields', () => user.save({ fields: ['firstName'] }));
  steps.state('after save fields', user);
  await steps.rows('row', `${USERS} WHERE email = 'edit@example.com'`);
}

/** Last: Sequelize inserts the invalid row (and uses up a serial value), the runtime refuses it. */
async function bulkValidation(steps: Steps, { User }: Models): Promise<void> {
  await steps.call('bulkCreate invalid', () =>
    User.bulkCreate([{ firstName: 'Bad', email: 'not an email' }]),
  );
  await steps.rows('rows', `${USERS} WHERE "firstName" = 'Bad'`);
}

/** Writes without a where: both runtimes refuse them (differently); `where: {}` means every row on both. */
async function writesWithoutWhere(steps: Steps, { Employee, User }: Models): Promise<void> {
  await steps.call('static increment without where', () => Employee.increment('salary', { by: 1 }));
  await steps.call('static decrement without where', () => User.decrement('age'));
  await steps.call('static update with where {}', () => Employee.update({ name: 'Everyone' }, { where: {} }));
  await steps.call('restore', () => Employee.restore({ where: {} }));
  await steps.rows('employees', 'SELECT name, salary FROM "Employees"');
  await steps.rows('user ages', `SELECT email, age FROM "Users" WHERE "firstName" <> 'Bad'`);
}

export const EXAMPLE_SCENARIOS: readonly Scenario[] = [
  { name: 'create and save', run: createAndSave },
  { name: 'build then save', run: buildThenSave },
  { name: 'validation', run: validation },
  { name: 'database errors', run: databaseErrors },
  { name: 'finders', run: finders },
  { name: 'bulk writes', run: bulkWrites },
  { name: 'unsaved edits', run: unsavedEdits },
  { name: 'bulk validation', run: bulkValidation },
  { name: 'writes without where', run: writesWithoutWhere },
];
