/** Small hand-written IRs for renderer tests: independent of the YAML loader. */
import type { AttributeIR, ModelIR, SchemaIR } from '../../../generator/ir';

export function attribute(overrides: Partial<AttributeIR> & Pick<AttributeIR, 'name' | 'type'>): AttributeIR {
  return {
    field: overrides.name,
    allowNull: true,
    primaryKey: false,
    autoIncrement: false,
    unique: false,
    origin: 'declared',
    ...overrides,
  };
}

const timestampOptions = {
  explicitTableName: false,
  freezeTableName: false,
  underscored: false,
  timestamps: true,
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;

export const userModel: ModelIR = {
  name: 'User',
  tableName: 'Users',
  kind: 'table',
  options: timestampOptions,
  comment: 'A person who can sign in.',
  attributes: [
    attribute({
      name: 'id',
      type: { kind: 'INTEGER' },
      allowNull: false,
      primaryKey: true,
      autoIncrement: true,
      origin: 'auto-primary-key',
    }),
    attribute({ name: 'firstName', type: { kind: 'STRING' }, allowNull: false }),
    attribute({ name: 'lastName', type: { kind: 'STRING', length: 100 }, comment: 'family name' }),
    attribute({
      name: 'age',
      type: { kind: 'INTEGER' },
      allowNull: false,
      defaultValue: { kind: 'literal', value: 0 },
    }),
    attribute({
      name: 'balance',
      field: 'balance_cents',
      type: { kind: 'DECIMAL', precision: 10, scale: 2 },
      allowNull: false,
      defaultValue: { kind: 'literal', value: '0.00' },
    }),
    attribute({
      name: 'role',
      type: { kind: 'ENUM', values: ['admin', 'member'] },
      allowNull: false,
      defaultValue: { kind: 'literal', value: 'member' },
    }),
    attribute({
      name: 'tags',
      type: { kind: 'ARRAY', element: { kind: 'TEXT' } },
      allowNull: false,
      defaultValue: { kind: 'literal', value: [] },
    }),
    attribute({ name: 'meta', type: { kind: 'JSONB' } }),
    attribute({ name: 'createdAt', type: { kind: 'DATE' }, allowNull: false, origin: 'timestamp' }),
    attribute({ name: 'updatedAt', type: { kind: 'DATE' }, allowNull: false, origin: 'timestamp' }),
  ],
  members: [
    {
      name: 'getFullName',
      kind: 'method',
      source: "getFullName(): string {\n  return [this.firstName, this.lastName].join(' ');\n}",
    },
  ],
};

export const schemaOf = (...models: ModelIR[]): SchemaIR => ({
  source: { kind: 'yaml', path: 'schema.yaml' },
  models,
});
