/** MODEL_MEMBER_NAMES (what the generator refuses as attribute names) equals the real members of models and instances. */
import {
  DataTypes,
  Model,
  MODEL_MEMBER_NAMES,
  ReadOnlyModel,
  ReadableModel,
  Sequelize,
} from '../../runtime/index.js';

const sequelize = new Sequelize('postgres://postgres@127.0.0.1:1/unused', { logging: false });
afterAll(() => sequelize.close());

test('the list is exactly the prototype members, own instance state and the phantom type members', () => {
  const User = sequelize.define('MemberCheck', { name: DataTypes.STRING });
  const instance = User.build({ name: 'x' });
  const attributeAccessors = new Set(Object.keys(User.rawAttributes));
  const real = new Set<string>([
    ...Object.getOwnPropertyNames(Model.prototype),
    ...Object.getOwnPropertyNames(ReadableModel.prototype),
    ...Object.keys(instance),
    // declared for the types only, never present at run time
    '_attributes',
    '_creationAttributes',
  ]);
  for (const name of attributeAccessors) real.delete(name);
  expect([...real].sort()).toEqual([...MODEL_MEMBER_NAMES].sort());
  expect(
    Object.getOwnPropertyNames(ReadOnlyModel.prototype).every((name) => MODEL_MEMBER_NAMES.includes(name)),
  ).toBe(true);
});

test('an instance has only its state as own properties (accessors are on the prototype)', () => {
  const User = sequelize.define('OwnProps', { name: DataTypes.STRING, age: DataTypes.INTEGER });
  expect(Object.keys(User.build({ name: 'x', age: 1 })).sort()).toEqual([
    '_changed',
    '_options',
    '_previousDataValues',
    'dataValues',
    'isNewRecord',
  ]);
});
