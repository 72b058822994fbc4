// The finders' and bulk writes' types: results as Sequelize types them, options checked.
// Each line marked as an expected error is a mistake the types catch; tsc fails if one compiles.
import { Op, type GroupedCountResultItem } from '../../../runtime/index.js';
import { User } from './generated-model.js';

export async function finders(): Promise<void> {
  const [found, created]: [User, boolean] = await User.findOrCreate({
    where: { firstName: 'Ann' },
    defaults: { age: 3 },
  });
  const [again]: [User, boolean] = await User.findCreateFind({ where: { firstName: 'Ann' } });
  // @ts-expect-error findOrCreate needs a where
  await User.findOrCreate({ defaults: { age: 3 } });
  // @ts-expect-error defaults are creation attributes: no such attribute
  await User.findOrCreate({ where: { firstName: 'Ann' }, defaults: { agee: 3 } });
  // @ts-expect-error defaults are typed: age is a number
  await User.findOrCreate({ where: { firstName: 'Ann' }, defaults: { age: 'three' } });

  const [upserted, inserted]: [User, boolean] = await User.upsert(
    { firstName: 'Ann', age: 4 },
    { conflictFields: ['firstName'], fields: ['age'] },
  );
  // @ts-expect-error conflictFields are attribute names
  await User.upsert({ firstName: 'Ann' }, { conflictFields: ['first_name'] });
  // @ts-expect-error firstName is required in the creation attributes
  await User.upsert({ age: 4 });

  const total: number = await User.count({ where: { age: { [Op.gt]: 1 } } });
  const groups: GroupedCountResultItem[] = await User.count({ group: ['role'] });
  const perRole: number = groups[0].count;
  // @ts-expect-error with group, count resolves the groups, not a number
  const notNumber: number = await User.count({ group: 'role' });
  // @ts-expect-error group items are attribute names (or expressions)
  await User.count({ group: ['rolle'] });

  const oldest: number | null = await User.max('age');
  const first: string | null = await User.min('firstName');
  // @ts-expect-error max of firstName is a string, not a number
  const wrong: number | null = await User.max('firstName');
  // @ts-expect-error no such attribute
  await User.max('agee');
  const sum: number | string | null = await User.sum('age', { where: { role: 'admin' } });
  const grouped: unknown = await User.aggregate('age', 'max', {
    plain: false,
    group: ['role'],
    attributes: ['role'],
  });
  // @ts-expect-error aggregate options are checked: a misspelled option
  await User.aggregate('age', 'max', { grop: ['role'] });

  const page: { rows: User[]; count: number } = await User.findAndCountAll({ where: { age: 1 }, limit: 10 });
  const byRole: { rows: User[]; count: GroupedCountResultItem[] } = await User.findAndCountAll({
    group: ['role'],
  });

  const users: User[] = await User.bulkCreate([{ firstName: 'Bo' }, { firstName: 'Cy', age: 2 }], {
    updateOnDuplicate: ['age'],
    conflictAttributes: ['firstName'],
  });
  // @ts-expect-error updateOnDuplicate lists attribute names
  await User.bulkCreate([{ firstName: 'Bo' }], { updateOnDuplicate: ['agee'] });
  // @ts-expect-error a record needs firstName
  await User.bulkCreate([{ age: 2 }]);
  // @ts-expect-error a misspelled option
  await User.bulkCreate([{ firstName: 'Bo' }], { ignoreDuplicate: true });

  const [changed, affected]: [User[], number] = await User.increment('age', {
    where: { age: { [Op.lt]: 10 } },
    by: 2,
  });
  // @ts-expect-error static increment needs a where
  await User.increment('age', { by: 2 });
  // @ts-expect-error increment of an attribute the model does not have
  await User.increment('agee', { where: { id: 1 } });
  const [updatedCount]: [number] | [number, User[]] = await User.update(
    { age: 5 },
    { where: { role: 'member' } },
  );
  const destroyed: number = await User.destroy({ where: { tags: { [Op.contains]: ['x'] } } });
  void [
    found,
    created,
    again,
    upserted,
    inserted,
    total,
    perRole,
    notNumber,
    oldest,
    first,
    wrong,
    sum,
    grouped,
  ];
  void [page, byRole, users, changed, affected, updatedCount, destroyed];
}

/** rejectOnEmpty: true or an Error narrows findOne/findByPk to an instance (Sequelize's NonNullFindOptions). */
export async function rejectOnEmptyNarrows(): Promise<void> {
  const one: User = await User.findOne({ where: { firstName: 'Ann' }, rejectOnEmpty: true });
  const byPk: User = await User.findByPk(1, { rejectOnEmpty: new Error('gone') });
  const raw: { firstName: string } = await User.findOne({ raw: true, rejectOnEmpty: true });
  const maybe: User | null = await User.findOne({ where: { firstName: 'Ann' }, rejectOnEmpty: false });
  // @ts-expect-error without rejectOnEmpty, findOne may resolve null
  const notNull: User = await User.findOne({ where: { firstName: 'Ann' } });
  // @ts-expect-error rejectOnEmpty: false may resolve null
  const stillNull: User = await User.findByPk(1, { rejectOnEmpty: false });
  // @ts-expect-error rejectOnEmpty is a boolean or an Error, not a message
  await User.findOne({ rejectOnEmpty: 'gone' });
  void [one, byPk, raw, maybe, notNull, stillNull];
}
