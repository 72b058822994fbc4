import type { ModelIR } from '../../../generator/ir';
import { headerLines } from '../../../generator/file-marks';
import { buildIndexView, buildModelView } from '../../../generator/render/view-model';
import { jsdoc } from '../../../generator/render/jsdoc';
import { attribute, schemaOf, userModel } from './fixtures';

const options = { runtimeModule: './runtime/index.js', sourceLabel: '../schema.yaml' };

describe('model view', () => {
  const view = buildModelView(userModel, options);
  const creation = Object.fromEntries(view.creationAttributes.map((a) => [a.name, a]));

  it('types nullable columns as T | null and keeps required ones plain', () => {
    const types = Object.fromEntries(view.attributes.map((a) => [a.name, a.tsType]));
    expect(types).toMatchObject({
      firstName: 'string',
      lastName: 'string | null',
      meta: 'JsonValue | null',
      balance: 'NumericString',
    });
  });

  it('makes optional on create exactly what the database or the runtime fills', () => {
    const optional = view.creationAttributes.filter((a) => a.optional).map((a) => a.name);
    expect(optional).toEqual([
      'id',
      'lastName',
      'age',
      'balance',
      'role',
      'tags',
      'meta',
      'createdAt',
      'updatedAt',
    ]);
    expect(creation.firstName.optional).toBe(false);
  });

  it('calls init with the declared attributes only: the runtime adds id and timestamps itself', () => {
    expect(view.initAttributes.map((a) => a.key)).toEqual([
      'firstName',
      'lastName',
      'age',
      'balance',
      'role',
      'tags',
      'meta',
    ]);
    const entries = Object.fromEntries(view.initAttributes.map((a) => [a.key, a.entries]));
    expect(entries.firstName).toEqual(['type: DataTypes.STRING', 'allowNull: false']);
    expect(entries.balance).toContain('field: "balance_cents"');
    expect(entries.tags).toContain('defaultValue: []');
    expect(entries.lastName).toContain('comment: "family name"');
  });

  it('always names the table and the model, so runtime defaults never change the mapping', () => {
    expect(view.initOptions).toEqual([
      'sequelize',
      'modelName: "User"',
      'tableName: "Users"',
      'comment: "A person who can sign in."',
    ]);
  });

  it('imports only what the file uses', () => {
    expect(view.runtimeImports).toBe('DataTypes, Model, type JsonValue, type NumericString, type Sequelize');
    const plain: ModelIR = {
      ...userModel,
      attributes: userModel.attributes.filter((a) => a.name !== 'meta' && a.name !== 'balance'),
    };
    expect(buildModelView(plain, options).runtimeImports).toBe('DataTypes, Model, type Sequelize');
  });

  it('writes field only when the column differs from what the runtime infers', () => {
    const underscored: ModelIR = {
      ...userModel,
      options: { ...userModel.options, underscored: true },
      attributes: [
        attribute({ name: 'firstName', field: 'first_name', type: { kind: 'STRING' } }),
        attribute({ name: 'lastName', field: 'surname', type: { kind: 'STRING' } }),
      ],
    };
    const entries = buildModelView(underscored, options).initAttributes.map((a) => a.entries.join(', '));
    expect(entries).toEqual(['type: DataTypes.STRING', 'type: DataTypes.STRING, field: "surname"']);
    expect(buildModelView(underscored, options).initOptions).toContain('underscored: true');
  });

  it('renames or disables timestamps in the options', () => {
    const foo: ModelIR = {
      ...userModel,
      options: { ...userModel.options, createdAt: false, updatedAt: 'updatedTimeStamp' },
    };
    expect(buildModelView(foo, options).initOptions).toEqual(
      expect.arrayContaining(['createdAt: false', 'updatedAt: "updatedTimeStamp"']),
    );
    const none: ModelIR = {
      ...userModel,
      options: { ...userModel.options, timestamps: false, createdAt: false, updatedAt: false },
    };
    expect(buildModelView(none, options).initOptions).toContain('timestamps: false');
  });

  it('leaves columns the database computes out of the creation type', () => {
    const model: ModelIR = {
      ...userModel,
      attributes: [
        attribute({
          name: 'id',
          type: { kind: 'INTEGER' },
          allowNull: false,
          primaryKey: true,
          generated: 'identity-always',
        }),
        attribute({
          name: 'code',
          type: { kind: 'INTEGER' },
          allowNull: false,
          generated: 'identity-by-default',
        }),
        attribute({ name: 'total', type: { kind: 'INTEGER' }, allowNull: false, generated: 'computed' }),
      ],
    };
    const built = buildModelView(model, options);
    expect(built.creationAttributes.map((a) => [a.name, a.optional])).toEqual([['code', true]]);
    expect(built.attributes.map((a) => a.name)).toEqual(['id', 'code', 'total']);
  });

  it('makes a table without a primary key read-only: its rows cannot be told apart', () => {
    const keyless: ModelIR = { ...userModel, attributes: userModel.attributes.filter((a) => !a.primaryKey) };
    const built = buildModelView(keyless, options);
    expect(built.baseClass).toBe('ReadOnlyModel');
    expect(built.creationAttributes).toEqual([]);
    expect(built.runtimeImports).toContain('ReadOnlyModel');
  });

  it('turns views into read-only models with no creation type', () => {
    const view = buildModelView({ ...userModel, kind: 'view' }, options);
    expect(view.baseClass).toBe('ReadOnlyModel');
    expect(view.readOnly).toBe(true);
    expect(view.creationAttributes).toEqual([]);
  });

  it('writes database-side defaults as literal() and runtime-filled ones as DataTypes', () => {
    const model: ModelIR = {
      ...userModel,
      attributes: [
        attribute({
          name: 'id',
          type: { kind: 'INTEGER' },
          allowNull: false,
          primaryKey: true,
          autoIncrement: true,
          origin: 'auto-primary-key',
        }),
        attribute({
          name: 'token',
          type: { kind: 'UUID' },
          defaultValue: { kind: 'sql', sql: 'gen_random_uuid()' },
        }),
        attribute({ name: 'key', type: { kind: 'UUID' }, defaultValue: { kind: 'UUIDV4' } }),
        attribute({ name: 'at', type: { kind: 'DATE' }, defaultValue: { kind: 'NOW' } }),
      ],
    };
    const built = buildModelView(model, options);
    expect(built.initAttributes.map((a) => a.entries[1])).toEqual([
      'defaultValue: literal("gen_random_uuid()")',
      'defaultValue: DataTypes.UUIDV4',
      'defaultValue: DataTypes.NOW',
    ]);
    expect(built.runtimeImports).toBe('DataTypes, Model, literal, type Sequelize');
  });
});

describe('JSON defaults', () => {
  it("print an own __proto__ key as a computed key: as a plain key it would set the object's prototype", () => {
    const value = JSON.parse('{"__proto__": {"admin": true}, "theme": "dark"}');
    const model: ModelIR = {
      ...userModel,
      attributes: [
        attribute({ name: 'prefs', type: { kind: 'JSONB' }, defaultValue: { kind: 'literal', value } }),
      ],
    };
    const entry = buildModelView(model, options).initAttributes[0].entries[1];
    expect(entry).toBe('defaultValue: { ["__proto__"]: { admin: true }, theme: "dark" }');
    const printed = new Function(`return ${entry.slice('defaultValue: '.length)}`)() as object;
    expect(Object.getPrototypeOf(printed)).toBe(Object.prototype);
    expect(JSON.stringify(printed)).toBe(JSON.stringify(value));
  });
});

describe('domains', () => {
  it('are named, with their CHECK, in the JSDoc of the property', () => {
    const model: ModelIR = {
      ...userModel,
      attributes: [
        attribute({
          name: 'releaseYear',
          type: { kind: 'INTEGER' },
          comment: 'When it came out.',
          domain: { name: 'year', schema: 'public', check: 'CHECK (VALUE >= 1901 AND VALUE <= 2155)' },
        }),
      ],
    };
    expect(buildModelView(model, options).attributes[0].jsdoc).toBe(
      '/**\n * When it came out.\n *\n * Domain public.year: CHECK (VALUE >= 1901 AND VALUE <= 2155)\n */',
    );
  });
});

describe('jsdoc', () => {
  it('prints one line inline, several as a block, and cannot be closed early', () => {
    expect(jsdoc(undefined)).toBe('');
    expect(jsdoc('  ')).toBe('');
    expect(jsdoc('one line')).toBe('/** one line */');
    expect(jsdoc('a\n\nb')).toBe('/**\n * a\n *\n * b\n */');
    expect(jsdoc('evil */ code')).toBe('/** evil *\\/ code */');
  });

  it('breaks lines at \\r\\n, \\n and a lone \\r, as prettier reads a comment', () => {
    expect(jsdoc('a\r\nb\rc\nd')).toBe('/**\n * a\n * b\n * c\n * d\n */');
  });
});

describe('header', () => {
  it('keeps a source label with line breaks on its comment line', () => {
    expect(headerLines('odd\nname\r\u2028.yaml')[0]).toBe('// Generated by gen-models from odd name .yaml.');
  });
});

describe('index view', () => {
  it('lists every model with its module', () => {
    const view = buildIndexView(schemaOf(userModel), options);
    expect(view.models).toEqual([
      { className: 'User', module: './User.js', initEntry: '    User: User.initModel(sequelize),' },
    ]);
  });
});
