// Sequelize API beyond the finders: what compiles (afterCommit, truncate, and/or) and what is refused.
import {
  DataTypes,
  Model,
  Op,
  Sequelize,
  and,
  json,
  or,
  type CreationOptional,
} from '../../../runtime/index.js';

declare const sequelize: Sequelize;

interface UserAttributes {
  id: CreationOptional<number>;
  name: string;
  age: number | null;
}
class User extends Model<UserAttributes> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare age: number | null;
}
User.init({ name: DataTypes.STRING, age: DataTypes.INTEGER }, { sequelize });

export async function apiGaps(): Promise<void> {
  await sequelize.transaction(async (t) => {
    t.afterCommit(async (tx) => void tx.finished).afterCommit(() => undefined);
  });
  const n: number = await User.truncate({ cascade: true, restartIdentity: true });
  void n;
  // @ts-expect-error truncate takes no where (it empties the table)
  await User.truncate({ where: { name: 'x' } });
  await User.findAll({ where: or({ name: 'a' }, { age: { [Op.gt]: 1 } }) });
  await User.findAll({ where: and({ name: 'a' }, Sequelize.or({ age: 1 }, { age: 2 })) });
  await User.findAll({ where: sequelize.and({ name: 'a' }) });
  // Inside and()/or() (generic helpers) an unknown attribute name is caught at run time only; value types are checked:
  // @ts-expect-error age is a number
  await User.findAll({ where: and({ age: 'old' }) });
  const version: string = await sequelize.databaseVersion();
  void version;

  // @ts-expect-error not supported: refused by name at run time, absent from the types
  sequelize.getQueryInterface();
  // @ts-expect-error not supported
  Sequelize.useCLS({});
  // @ts-expect-error not supported: json is typed never
  json('meta.a');
  // @ts-expect-error not supported
  Sequelize.json('meta.a');
  // @ts-expect-error not supported
  User.describe();
  // @ts-expect-error not supported
  sequelize.escape('x');
}

export async function typeHoles(user: User): Promise<void> {
  await User.destroy({ where: {} });
  await User.destroy({ where: { name: 'x' } });
  await User.destroy({ truncate: true, cascade: true });
  // @ts-expect-error destroy needs a where (`{}` for every row) or truncate: true; the runtime refuses it too
  await User.destroy({});
  // @ts-expect-error truncate: false is no where either
  await User.destroy({ truncate: false });
  await user.increment('age', { by: 2 });
  await user.increment('age', { by: '0.5' });
  // @ts-expect-error by is a number or numeric text
  await user.increment('age', { by: 'x' });
  // @ts-expect-error by is a number or numeric text
  await User.increment('age', { by: 'lots', where: {} });
}

export async function smallMembers(): Promise<void> {
  await sequelize.validate();
  const has: boolean = User.hasAlias('posts');
  void has;
}
