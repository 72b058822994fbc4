// Attribute validators, model validators and getters/setters in init: what compiles and what not.
import { DataTypes, Model, Sequelize, type CreationOptional } from '../../../runtime/index.js';

declare const sequelize: Sequelize;

class Account extends Model<{ id: CreationOptional<number>; email: string; name: string | null }> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string | null;
}

Account.init(
  {
    email: {
      type: DataTypes.STRING,
      allowNull: false,
      validate: {
        isEmail: true,
        len: [3, 200],
        notNull: { msg: 'email please' },
        is: ['^[a-z@.]+$', 'i'],
        max: { args: [5], msg: 'too big' },
        isIn: [['a@b.io']],
        notEmpty: { msg: 'empty' },
        custom(value: unknown) {
          if (value === 'x') throw new Error('x');
        },
      },
      get(this: Account) {
        return String(this.getDataValue('email')).toLowerCase();
      },
      set(this: Account, value: string) {
        this.setDataValue('email', value.trim());
      },
    },
    name: { type: DataTypes.STRING, validate: { isUUID: 4, min: 1 } },
  },
  {
    sequelize,
    validate: {
      both(this: Account) {
        if (this.email === this.name) throw new Error('same');
      },
    },
  },
);

Account.init(
  // @ts-expect-error a validator is turned off by removing it, not with false
  { email: { type: DataTypes.STRING, validate: { isEmail: false } } },
  { sequelize },
);
Account.init(
  // @ts-expect-error len takes [min, max]
  { email: { type: DataTypes.STRING, validate: { len: 'short' } } },
  { sequelize },
);
Account.init(
  {
    email: {
      type: DataTypes.STRING,
      // @ts-expect-error the setter receives the attribute's type
      set(value: number) {
        void value;
      },
    },
  },
  { sequelize },
);
