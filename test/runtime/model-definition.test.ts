/** Model.init / define: table-name inference, the automatic id, timestamps, global define options, attribute metadata. */
import { DataTypes, Model, Sequelize } from '../../runtime/index.js';

// Defining models sends no query: a connection that is never used is enough.
const sequelize = new Sequelize('postgres://postgres@127.0.0.1:1/unused', { logging: false });
afterAll(() => sequelize.close());

describe('table names as Sequelize infers them (inflection 1.13.4)', () => {
  const cases: [string, string][] = [
    ['User', 'Users'],
    ['Person', 'People'],
    ['Category', 'Categories'],
    ['Mouse', 'Mice'],
    ['UserProfile', 'UserProfiles'],
    ['Status', 'Statuses'],
    ['Child', 'Children'],
    ['Sheep', 'Sheep'],
    ['Datum', 'Data'],
    ['Goose', 'geese'],
    ['Cactus', 'Cactus'],
    ['Bus', 'Buses'],
    ['Quiz', 'Quizzes'],
    ['Index', 'Indices'],
    ['Story', 'Stories'],
  ];
  test.each(cases)('%s → %s', (model, table) => {
    expect(sequelize.define(model, { a: DataTypes.STRING }).getTableName()).toBe(table);
  });

  test('underscored pluralises then snake_cases: UserAccount → user_accounts', () => {
    expect(sequelize.define('UserAccount', {}, { underscored: true }).getTableName()).toBe('user_accounts');
  });

  test('freezeTableName keeps the model name; tableName wins over both', () => {
    expect(sequelize.define('Frozen', {}, { freezeTableName: true }).getTableName()).toBe('Frozen');
    expect(
      sequelize.define('Named', {}, { tableName: 'explicit_things', freezeTableName: false }).getTableName(),
    ).toBe('explicit_things');
  });

  test('a model with a schema reports { tableName, schema } and quotes both', () => {
    const table = sequelize.define('InSchema', {}, { schema: 'sales' }).getTableName();
    expect(table).toMatchObject({ tableName: 'InSchemas', schema: 'sales' });
    expect(String(table)).toBe('"sales"."InSchemas"');
  });
});

describe('global define options', () => {
  test('are defaults; the model option wins', () => {
    const s = new Sequelize('postgres://postgres@127.0.0.1:1/unused', {
      logging: false,
      define: { freezeTableName: true, timestamps: false },
    });
    const A = s.define('Alpha', { n: DataTypes.INTEGER });
    expect(A.getTableName()).toBe('Alpha');
    expect(Object.keys(A.rawAttributes)).toEqual(['id', 'n']);
    const B = s.define('Item', {}, { freezeTableName: false, timestamps: true });
    expect(B.getTableName()).toBe('Items');
    expect(Object.keys(B.rawAttributes)).toEqual(['id', 'createdAt', 'updatedAt']);
    void s.close();
  });
});

describe('the automatic id', () => {
  test('is an INTEGER auto-increment primary key, first, when none is declared', () => {
    const M = sequelize.define('AutoId', { name: DataTypes.STRING });
    expect(Object.keys(M.rawAttributes)).toEqual(['id', 'name', 'createdAt', 'updatedAt']);
    expect(M.rawAttributes.id).toMatchObject({ primaryKey: true, autoIncrement: true, allowNull: false });
    expect(M.rawAttributes.id.type.toSql()).toBe('INTEGER');
    expect(M.primaryKeyAttribute).toBe('id');
    expect(M.primaryKeyAttributes).toEqual(['id']);
  });

  test('is not added when a primary key is declared (composite too)', () => {
    const M = sequelize.define(
      'Composite',
      {
        a: { type: DataTypes.INTEGER, primaryKey: true },
        b: { type: DataTypes.STRING, primaryKey: true },
      },
      { timestamps: false },
    );
    expect(Object.keys(M.rawAttributes)).toEqual(['a', 'b']);
    expect(M.primaryKeyAttributes).toEqual(['a', 'b']);
  });

  test('an attribute called id without primaryKey is refused', () => {
    expect(() => sequelize.define('BadId', { id: DataTypes.INTEGER })).toThrow(
      "A column called 'id' was added to the attributes of 'BadIds' but not marked with 'primaryKey: true'",
    );
  });
});

describe('timestamps', () => {
  test('createdAt and updatedAt are appended as NOT NULL timestamps', () => {
    const M = sequelize.define('Stamped', { a: DataTypes.STRING });
    expect(M.rawAttributes.createdAt.type.toSql()).toBe('TIMESTAMP WITH TIME ZONE');
    expect(M.rawAttributes.updatedAt.allowNull).toBe(false);
  });

  test('can be renamed, disabled one by one or together, and are snake_cased when underscored', () => {
    const Foo = sequelize.define(
      'Foo',
      {},
      { timestamps: true, createdAt: false, updatedAt: 'updateTimestamp' },
    );
    expect(Object.keys(Foo.rawAttributes)).toEqual(['id', 'updateTimestamp']);
    const Off = sequelize.define('Off', {}, { timestamps: false });
    expect(Object.keys(Off.rawAttributes)).toEqual(['id']);
    const Under = sequelize.define(
      'UnderTs',
      { firstName: DataTypes.STRING },
      { underscored: true, updatedAt: 'updatedTimeStamp' },
    );
    expect(Under.getTableName()).toBe('under_ts');
    expect(Under.rawAttributes.firstName.field).toBe('first_name');
    expect(Under.rawAttributes.createdAt.field).toBe('created_at');
    expect(Under.rawAttributes.updatedTimeStamp.field).toBe('updated_time_stamp');
  });

  test('invalid timestamp options are refused', () => {
    expect(() => sequelize.define('BadTs', {}, { createdAt: '' })).toThrow(
      'Value for "createdAt" option cannot be an empty string',
    );
  });
});

describe('init on a class', () => {
  test('returns the class, registers it, and renames it to modelName', () => {
    class Project extends Model {}
    const returned = Project.init({ title: DataTypes.STRING }, { sequelize, modelName: 'project' });
    expect(returned).toBe(Project);
    expect(Project.name).toBe('project');
    expect(sequelize.models.project).toBe(Project);
    expect(Project.getTableName()).toBe('projects');
  });

  test('without a sequelize instance it throws', () => {
    class Lonely extends Model {}
    expect(() => Lonely.init({}, {} as never)).toThrow('No Sequelize instance passed');
  });

  test('attribute accessors live on the prototype, never on instances', () => {
    class Person extends Model {
      declare name: string;
    }
    Person.init({ name: DataTypes.STRING }, { sequelize });
    const p = Person.build({ name: 'Ada' });
    expect(p.name).toBe('Ada');
    expect(Object.prototype.hasOwnProperty.call(p, 'name')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(Person.prototype, 'name')?.get).toBeInstanceOf(Function);
    p.name = 'Grace';
    expect(p.get('name')).toBe('Grace');
  });

  test('public class fields that would hide attribute accessors are refused (use declare)', () => {
    class Shadow extends Model {
      name!: string;
    }
    Shadow.init({ name: DataTypes.STRING }, { sequelize });
    expect(() => Shadow.build({ name: 'abc' })).toThrow(
      'Model "Shadow" declares public class fields for attribute(s) "name"; they hide the attribute accessors. Write them as `declare name: ...;`',
    );
  });

  test('an uninitialised model says so', () => {
    class NotYet extends Model {}
    expect(() => NotYet.build({})).toThrow(
      'Model NotYet is not initialised: call NotYet.init(attributes, { sequelize }) first',
    );
  });

  test("attribute names of an instance's state and unknown types are refused", () => {
    for (const name of ['dataValues', 'isNewRecord', '_previousDataValues', '_changed', 'constructor']) {
      expect(() => sequelize.define(`Clash_${name}`, { [name]: DataTypes.STRING })).toThrow(
        `has the name of a Model instance's own state (${name})`,
      );
    }
    expect(() => sequelize.define('NoType', { a: { type: undefined as never } })).toThrow(
      'Unrecognized datatype for attribute "NoType.a"',
    );
  });

  test('{ type: DataTypes.ENUM, values } is the same as DataTypes.ENUM(...values)', () => {
    const M = sequelize.define('EnumValues', { mood: { type: DataTypes.ENUM, values: ['happy', 'sad'] } });
    expect(M.rawAttributes.mood.type).toMatchObject({ key: 'ENUM', values: ['happy', 'sad'] });
  });

  test('rawAttributes/getAttributes expose field, type and options', () => {
    const M = sequelize.define('Meta', {
      nick: { type: DataTypes.STRING(40), field: 'nick_name', comment: 'c', unique: true },
    });
    expect(M.getAttributes()).toBe(M.rawAttributes);
    expect(M.rawAttributes.nick).toMatchObject({
      field: 'nick_name',
      fieldName: 'nick',
      comment: 'c',
      unique: true,
      allowNull: true,
    });
    expect(M.rawAttributes.nick.type.toSql()).toBe('VARCHAR(40)');
  });
});

describe('Sequelize options the runtime does not have', () => {
  test.each([
    ['getterMethods', { full: () => '' }, 'custom getters'],
    ['setterMethods', { full: () => undefined }, 'custom setters'],
    ['version', true, 'optimistic locking'],
    ['omitNull', true, 'omitNull'],
  ])('model option %s is refused rather than ignored', (option, value, feature) => {
    expect(() => sequelize.define('Refused', { a: DataTypes.STRING }, { [option]: value } as never)).toThrow(
      `Refused.init(): option "${option}" (${feature}) is not supported by the gen-models runtime, and ignoring it would change what the code does`,
    );
  });

  test('set globally in define they are refused too; switched off or empty they pass', () => {
    const soft = new Sequelize('postgres://postgres@127.0.0.1:1/unused', {
      logging: false,
      define: { version: true },
    });
    expect(() => soft.define('Soft', { a: DataTypes.STRING })).toThrow(
      'Soft.init(): option "version" (optimistic locking)',
    );
    void soft.close();
    expect(() =>
      sequelize.define('Off', { a: DataTypes.STRING }, {
        paranoid: false,
        indexes: [],
        hooks: {},
        version: false,
      } as never),
    ).not.toThrow();
  });

  test('an empty attribute validate passes', () => {
    expect(() =>
      sequelize.define('Unguarded', { name: { type: DataTypes.STRING, validate: {} } } as never),
    ).not.toThrow();
  });
});
