// The exact shape the generator writes; must compile under --strict against the runtime.
import { DataTypes, Model, Sequelize, type JsonValue, type NumericString } from '../../../runtime/index.js';

export interface UserAttributes {
  id: number;
  firstName: string;
  lastName: string | null;
  age: number;
  balance: NumericString;
  role: 'admin' | 'member';
  tags: string[];
  meta: JsonValue | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface UserCreationAttributes {
  id?: number;
  firstName: string;
  lastName?: string | null;
  age?: number;
  balance?: NumericString;
  role?: 'admin' | 'member';
  tags?: string[];
  meta?: JsonValue | null;
  createdAt?: Date;
  updatedAt?: Date;
}
export class User extends Model<UserAttributes, UserCreationAttributes> implements UserAttributes {
  declare id: number;
  declare firstName: string;
  declare lastName: string | null;
  declare age: number;
  declare balance: NumericString;
  declare role: 'admin' | 'member';
  declare tags: string[];
  declare meta: JsonValue | null;
  declare createdAt: Date;
  declare updatedAt: Date;
  getFullName(): string {
    return [this.firstName, this.lastName].join(' ');
  }
  static initModel(sequelize: Sequelize): typeof User {
    return User.init(
      {
        firstName: { type: DataTypes.STRING, allowNull: false },
        lastName: { type: DataTypes.STRING(100), comment: 'family name' },
        age: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        balance: {
          type: DataTypes.DECIMAL(10, 2),
          allowNull: false,
          defaultValue: '0.00',
          field: 'balance_cents',
        },
        role: { type: DataTypes.ENUM('admin', 'member'), allowNull: false, defaultValue: 'member' },
        tags: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        meta: { type: DataTypes.JSONB },
      },
      { sequelize, modelName: 'User', tableName: 'Users', timestamps: true },
    );
  }
}
