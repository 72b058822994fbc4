// What must and must not compile when using a model. Every @ts-expect-error line is a mistake
// the types catch; tsc fails if one of them compiles (the directive is then unused).
import {
  col,
  DataTypes,
  fn,
  literal,
  Op,
  where,
  type WhereOptions,
  Model,
  ReadOnlyModel,
  Sequelize,
  type InferAttributes,
  type InferCreationAttributes,
  type CreationOptional,
} from '../../../runtime/index.js';
import { User, type UserAttributes } from './generated-model.js';

declare const sequelize: Sequelize;

export async function usage(): Promise<void> {
  User.initModel(sequelize);
  const u: User = await User.create({ firstName: 'Jane' });
  // @ts-expect-error firstName is required
  await User.create({ lastName: 'Doe' });
  // @ts-expect-error unknown attribute
  await User.create({ firstName: 'Jane', nickname: 'JJ' });
  // @ts-expect-error wrong value type
  await User.create({ firstName: 42 });
  // @ts-expect-error role outside the union
  await User.create({ firstName: 'Jane', role: 'owner' });
  // @ts-expect-error no argument: firstName is required
  await User.create();
  const built: User = User.build({ firstName: 'x' });
  // @ts-expect-error unknown attribute in build
  User.build({ firstName: 'x', bogus: 1 });
  const builtMany: User[] = User.build([{ firstName: 'x' }, { firstName: 'y' }]);
  // @ts-expect-error firstName is required in every record
  User.build([{ firstName: 'x' }, { lastName: 'y' }]);
  const bulkBuilt: User[] = User.bulkBuild([{ firstName: 'x' }]);
  void [builtMany, bulkBuilt];

  u.set('lastName', 'Doe');
  u.set({ age: 3, role: 'admin' });
  // @ts-expect-error unknown attribute in set
  u.set({ nickname: 'x' });
  // @ts-expect-error unknown key
  u.set('nickname', 'x');
  // @ts-expect-error wrong type
  u.set('age', 'three');
  await u.update({ lastName: null });
  // @ts-expect-error unknown attribute in update
  await u.update({ nickname: 'x' });

  await u.increment('age');
  await u.increment(['age'], { by: 2 });
  await u.increment({ age: 2 });
  await u.decrement('age', { by: 1 });
  // @ts-expect-error firstName is not numeric
  await u.increment('firstName');
  // @ts-expect-error unknown attribute
  await u.increment({ bogus: 1 });
  await User.increment('age', { where: { id: 1 } });
  // DECIMAL/BIGINT (NumericString) are numeric too, by a number or the text of one; a plain string is not.
  await u.increment('balance', { by: '0.05' });
  await u.increment({ age: 1, balance: '10.50' });
  await User.decrement(['balance'], { by: 2, where: { id: 1 } });
  // @ts-expect-error age is an INTEGER: its amount is a number
  await u.increment({ age: '1' });
  const balanceText: string = u.balance;
  u.set('balance', '12.00');
  // @ts-expect-error static increment needs a where
  await User.increment('age', {});

  const one: User | null = await User.findByPk(1);
  const first: User | null = await User.findOne({
    where: { firstName: 'Jane', lastName: null, role: ['admin', 'member'] },
  });
  const many: User[] = await User.findAll({
    where: { id: [1, 2] },
    order: [['firstName', 'DESC']],
    limit: 10,
    offset: 0,
    attributes: ['id', 'firstName'],
  });
  const plain: { firstName: string }[] = await User.findAll({ raw: true });
  // @ts-expect-error unknown attribute in where
  await User.findAll({ where: { nickname: 'x' } });
  // @ts-expect-error unknown attribute in order
  await User.findAll({ order: [['nickname', 'DESC']] });
  // @ts-expect-error unknown attribute in attributes
  await User.findAll({ attributes: ['nickname'] });
  await User.findAll({ attributes: { exclude: ['meta'] } });
  // @ts-expect-error unknown attribute in exclude
  await User.findAll({ attributes: { exclude: ['nickname'] } });
  await User.count({ col: 'lastName', distinct: true });
  // @ts-expect-error unknown attribute in count col
  await User.count({ col: 'nickname' });
  await User.update({ age: 1, lastName: 'x' }, { where: { id: 1 }, fields: ['age'] });
  // @ts-expect-error unknown attribute in update fields
  await User.update({ age: 1 }, { where: { id: 1 }, fields: ['nickname'] });
  const n: number = await User.count({ where: { age: 3 } });
  const [affected]: [number] = await User.update({ age: 1 }, { where: { id: 1 } });
  // @ts-expect-error static update needs a where
  await User.update({ age: 1 }, {});
  const deleted: number = await User.destroy({ where: { id: 1 } });

  const age: number = u.get('age');
  const values: { firstName: string } = u.get({ plain: true });
  // @ts-expect-error unknown key in get
  u.get('nickname');
  const full: string = u.getFullName();
  const changed: false | string[] = u.changed();
  const prev: number | undefined = u.previous('age');
  const json: { id: number } = u.toJSON();
  const reloaded: User = await u.reload();
  const saved: User = await u.save();
  await u.destroy();
  void [
    balanceText,
    built,
    one,
    first,
    many,
    plain,
    n,
    affected,
    deleted,
    age,
    values,
    full,
    changed,
    prev,
    json,
    reloaded,
    saved,
  ];
}

// A model whose creation type has no required keys may be created with no argument.
interface TagAttributes {
  id: number;
  label: string | null;
}
export class Tag extends Model<TagAttributes, { id?: number; label?: string | null }> {
  declare id: number;
  declare label: string | null;
}
export async function optionalCreate(): Promise<Tag> {
  Tag.init(
    {
      label: DataTypes.TEXT,
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: literal('gen_random_uuid()') },
    },
    { sequelize },
  );
  // @ts-expect-error unknown attribute in init
  Tag.init({ labels: DataTypes.TEXT }, { sequelize });
  // @ts-expect-error defaultValue of the wrong type
  Tag.init({ label: { type: DataTypes.TEXT, defaultValue: 3 } }, { sequelize });
  return Tag.create();
}

// Views: finders only.
interface ActiveUserAttributes {
  id: number;
  name: string;
}
export class ActiveUser extends ReadOnlyModel<ActiveUserAttributes> {
  declare id: number;
  declare name: string;
}
export async function views(): Promise<void> {
  ActiveUser.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.TEXT },
    { sequelize, tableName: 'active_users' },
  );
  const rows: ActiveUser[] = await ActiveUser.findAll({ where: { name: 'x' } });
  const one: ActiveUser | null = await ActiveUser.findByPk(1);
  const count: number = await ActiveUser.count();
  // @ts-expect-error views have no create
  await ActiveUser.create({ id: 1, name: 'x' });
  // @ts-expect-error views have no build
  ActiveUser.build({ id: 1, name: 'x' });
  // @ts-expect-error views have no static update
  await ActiveUser.update({ name: 'y' }, { where: { id: 1 } });
  // @ts-expect-error views have no destroy
  await ActiveUser.destroy({ where: { id: 1 } });
  if (one) {
    // @ts-expect-error no save on a view row
    await one.save();
    // @ts-expect-error no set on a view row
    one.set('name', 'y');
    // @ts-expect-error no increment on a view row
    await one.increment('id');
    await one.reload();
    const json: ActiveUserAttributes = one.toJSON();
    void json;
  }
  void [rows, count];
}

// Sequelize's inference helpers.
export class Project extends Model<InferAttributes<Project>, InferCreationAttributes<Project>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare description: string | null;
  helper(): string {
    return this.name;
  }
}
export async function inferred(): Promise<void> {
  Project.init({ name: DataTypes.STRING, description: DataTypes.TEXT }, { sequelize });
  await Project.create({ name: 'x' });
  // @ts-expect-error name is required
  await Project.create({ description: 'x' });
  // @ts-expect-error helper is not an attribute
  await Project.create({ name: 'x', helper: 'y' });
}

// define() without generics stays usable (untyped attributes).
export async function defined(): Promise<void> {
  const Loose = sequelize.define('Loose', { name: DataTypes.STRING });
  const row = await Loose.create({ name: 'x' });
  void row.get('name');
}

// Misspelled or unknown options do not compile (and are refused at run time: option-checks.test.ts).
export async function options(u: User): Promise<void> {
  // @ts-expect-error misspelled where
  await User.findAll({ wher: { id: 1 } });
  // @ts-expect-error misspelled where in count
  await User.count({ wehre: { id: 1 } });
  // @ts-expect-error findByPk finds by the primary key: no where
  await User.findByPk(1, { where: { id: 2 } });
  // @ts-expect-error misspelled fields
  await u.save({ feilds: ['age'] });
  // @ts-expect-error misspelled by
  await u.increment('age', { bye: 2 });
  // @ts-expect-error reload reads by primary key: no where
  await u.reload({ where: { id: 2 } });
  // @ts-expect-error misspelled option of the connection
  void new Sequelize('pglite://', { loging: false });
  // @ts-expect-error misspelled isolationLevel
  await sequelize.transaction({ isolationlevel: 'SERIALIZABLE' });
  await u.increment('age', { returning: false });
  await User.destroy({ truncate: true, restartIdentity: true });
  await User.findAll({ paranoid: false, useMaster: true, hooks: false });
  await u.destroy({ force: true });
  await sequelize.transaction({ isolationLevel: 'SERIALIZABLE', readOnly: true }, async () => undefined);
  // @ts-expect-error not an isolation level of PostgreSQL
  await sequelize.transaction({ isolationLevel: 'SNAPSHOT' });
}

// The indexes model option names the model's attributes.
export function indexes(): void {
  Tag.init(
    { label: DataTypes.TEXT },
    {
      sequelize,
      indexes: [
        { fields: ['label'], unique: true, where: { label: 'x' } },
        {
          name: 'tag_lower_label',
          fields: [literal('lower(label)'), { name: 'id', order: 'DESC' }],
          using: 'BTREE',
        },
      ],
    },
  );
  // @ts-expect-error misspelled attribute in an index
  Tag.init({ label: DataTypes.TEXT }, { sequelize, indexes: [{ fields: ['lable'] }] });
  // @ts-expect-error not an index method
  Tag.init({ label: DataTypes.TEXT }, { sequelize, indexes: [{ fields: ['label'], using: 'GINN' }] });
  // @ts-expect-error a partial index's where names attributes too
  Tag.init({ label: DataTypes.TEXT }, { sequelize, indexes: [{ fields: ['label'], where: { lable: 'x' } }] });
  // @ts-expect-error misspelled index option
  Tag.init({ label: DataTypes.TEXT }, { sequelize, indexes: [{ fields: ['label'], uniqe: true }] });
}

/** Op keys as computed keys: what compiles, and the mistakes WhereOptions catches. */
export async function whereOperators(): Promise<void> {
  await User.findAll({
    where: {
      [Op.or]: [{ age: { [Op.gt]: 18, [Op.lt]: 65 } }, { firstName: { [Op.like]: 'J%' } }],
      role: { [Op.in]: ['admin'] },
      tags: { [Op.contains]: ['a'] },
      meta: { theme: 'light' },
      'meta.a.b': { [Op.gt]: 1 },
      lastName: { [Op.ne]: null },
      createdAt: { [Op.between]: [new Date(0), new Date()] },
    },
    attributes: ['id', [fn('count', col('id')), 'n']],
    order: [
      ['age', 'DESC NULLS LAST'],
      [fn('lower', col('firstName')), 'ASC'],
    ],
    group: ['id'],
    having: where(fn('count', col('id')), Op.gt, 1),
    lock: true,
    skipLocked: true,
  });
  const w: WhereOptions<UserAttributes> = { meta: { [Op.contains]: { a: 1 } }, [Op.not]: { age: 3 } };
  await User.count({ where: w });
  await User.findAll({ where: [{ age: 1 }, literal('true')] });
  // @ts-expect-error misspelled attribute under an operator
  await User.findAll({ where: { [Op.or]: [{ agee: 1 }] } });
  // @ts-expect-error Op.like on a number column
  await User.findAll({ where: { age: { [Op.like]: '1%' } } });
  // @ts-expect-error Op.contains on a scalar column
  await User.findAll({ where: { firstName: { [Op.contains]: ['x'] } } });
  // @ts-expect-error wrong value type under an operator
  await User.findAll({ where: { age: { [Op.gt]: 'old' } } });
  // @ts-expect-error wrong element type in Op.in
  await User.findAll({ where: { role: { [Op.in]: ['owner'] } } });
  // @ts-expect-error between takes two values
  await User.findAll({ where: { age: { [Op.between]: 5 } } });
  // @ts-expect-error a path key on a non-JSON attribute
  await User.findAll({ where: { 'firstName.x': 1 } });
  // @ts-expect-error lock levels are Sequelize's
  await User.findAll({ lock: 'EVERYTHING' });
}
