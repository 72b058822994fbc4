/**
 * The snippets of Sequelize v6's "Model Basics" and "Model Instances" docs, with only the import
 * line changed (and the docs' sqlite URL replaced by the test database). console.log lines are
 * turned into expectations.
 */
import { DataTypes, Model, Sequelize } from '../../runtime/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
let sequelize: Sequelize;
beforeAll(async () => {
  db = await createTestDatabase('gm_docs');
  sequelize = new Sequelize(db.url, { logging: false });
});
afterAll(async () => {
  await sequelize.close();
  await db.drop();
});

describe('Model Basics', () => {
  test('Using sequelize.define', () => {
    const User = sequelize.define(
      'User',
      {
        // Model attributes are defined here
        firstName: {
          type: DataTypes.STRING,
          allowNull: false,
        },
        lastName: {
          type: DataTypes.STRING,
          // allowNull defaults to true
        },
      },
      {
        // Other model options go here
      },
    );
    // `sequelize.define` also returns the model
    expect(User === sequelize.models.User).toBe(true); // true
  });

  test('Extending Model', () => {
    class User extends Model {}
    User.init(
      {
        // Model attributes are defined here
        firstName: {
          type: DataTypes.STRING,
          allowNull: false,
        },
        lastName: {
          type: DataTypes.STRING,
          // allowNull defaults to true
        },
      },
      {
        // Other model options go here
        sequelize, // We need to pass the connection instance
        modelName: 'User', // We need to choose the model name
      },
    );
    // the defined model is the class itself
    expect(User === sequelize.models.User).toBe(true); // true
  });

  test('Table name inference: enforcing the table name to be equal to the model name', () => {
    const User = sequelize.define(
      'User',
      {/* ... (attributes) */},
      {
        freezeTableName: true,
      },
    );
    expect(User.getTableName()).toBe('User');
    const global = new Sequelize(db.url, {
      logging: false,
      define: {
        freezeTableName: true,
      },
    });
    expect(global.define('Person', {}).getTableName()).toBe('Person');
    void global.close();
  });

  test('Table name inference: providing the table name directly', () => {
    const Employee = sequelize.define(
      'Employee',
      {
        // ... (attributes)
      },
      {
        tableName: 'Employees',
      },
    );
    expect(Employee.getTableName()).toBe('Employees');
    expect(sequelize.define('Person', {}).getTableName()).toBe('People');
  });

  test('Model synchronization, dropping, and the database safety check', async () => {
    const User = sequelize.define('User', { firstName: DataTypes.STRING });
    await User.sync({ force: true });
    // "The table for the User model was just (re)created!"
    await User.sync();
    await sequelize.sync({ force: true });
    // "All models were synchronized successfully."
    await User.drop();
    // "User table dropped!"
    await sequelize.drop();
    // "All tables dropped!"
    // This will run .sync() only if database name ends with '_test'
    const check = sequelize.sync({ force: true, match: /_test$/ });
    if (db.name.endsWith('_test')) await check;
    else await expect(check).rejects.toThrow(`does not match sync match parameter "/_test$/"`);
    // "This checks what is the current state of the table in the database [...] and then performs
    // the necessary changes in the table to make it match the model."
    await User.sync({ alter: true });
  });

  test('Timestamps', async () => {
    const NoStamps = sequelize.define(
      'NoStamps',
      {/* ... */},
      {
        timestamps: false,
      },
    );
    expect(Object.keys(NoStamps.rawAttributes)).toEqual(['id']);
    class Foo extends Model {}
    Foo.init(
      {/* attributes */},
      {
        sequelize,

        // don't forget to enable timestamps!
        timestamps: true,

        // I don't want createdAt
        createdAt: false,

        // I want updatedAt to actually be called updateTimestamp
        updatedAt: 'updateTimestamp',
      },
    );
    await Foo.sync({ force: true });
    const foo = await Foo.create({});
    expect(foo.get('updateTimestamp')).toBeInstanceOf(Date);
    expect(foo.get('createdAt')).toBeUndefined();
  });

  test('Column declaration shorthand syntax and default values', async () => {
    // This:
    sequelize.define('User', {
      name: {
        type: DataTypes.STRING,
      },
    });
    // Can be simplified to:
    const User = sequelize.define('User', { name: DataTypes.STRING });
    expect(User.rawAttributes.name.type.toSql()).toBe('VARCHAR(255)');

    const WithDefault = sequelize.define('WithDefault', {
      name: {
        type: DataTypes.STRING,
        defaultValue: 'John Doe',
      },
      myDate: {
        type: DataTypes.DATE,
        // Sequelize's DataTypes.NOW: the current time when the instance is built
        defaultValue: DataTypes.NOW,
      },
    });
    const w = WithDefault.build({});
    expect(w.get('name')).toBe('John Doe');
    expect(w.get('myDate')).toBeInstanceOf(Date);
  });

  test('Data types from the docs are accepted', async () => {
    const Typed = sequelize.define(
      'Typed',
      {
        a: DataTypes.STRING,
        b: DataTypes.STRING(1234),
        c: DataTypes.STRING.BINARY,
        d: DataTypes.TEXT,
        e: DataTypes.TEXT('tiny'),
        g: DataTypes.TSVECTOR,
        h: DataTypes.BOOLEAN,
        i: DataTypes.INTEGER,
        j: DataTypes.BIGINT,
        k: DataTypes.BIGINT(11),
        l: DataTypes.FLOAT,
        m: DataTypes.FLOAT(11),
        n: DataTypes.FLOAT(11, 10),
        o: DataTypes.REAL,
        p: DataTypes.REAL(11),
        q: DataTypes.REAL(11, 12),
        r: DataTypes.DOUBLE,
        s: DataTypes.DOUBLE(11),
        t: DataTypes.DOUBLE(11, 10),
        u: DataTypes.DECIMAL,
        v: DataTypes.DECIMAL(10, 2),
        w: DataTypes.DATE,
        x: DataTypes.DATE(6),
        y: DataTypes.DATEONLY,
        z1: DataTypes.INTEGER.UNSIGNED,
        z2: DataTypes.INTEGER.ZEROFILL,
        z3: DataTypes.INTEGER.UNSIGNED.ZEROFILL,
        uuid1: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
        uuid2: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV1 },
      },
      { timestamps: false },
    );
    await Typed.sync({ force: true });
    const row = await Typed.create({ v: '3.14', j: '12' });
    expect(row.get('v')).toBe('3.14');
    expect(typeof row.get('uuid1')).toBe('string');
  });

  test('Taking advantage of Models being classes', () => {
    class User extends Model {
      static classLevelMethod() {
        return 'foo';
      }
      instanceLevelMethod() {
        return 'bar';
      }
      getFullname() {
        return [this.firstname, this.lastname].join(' ');
      }
      declare firstname: string;
      declare lastname: string;
    }
    User.init(
      {
        firstname: Sequelize.TEXT,
        lastname: Sequelize.TEXT,
      },
      { sequelize },
    );
    expect(User.classLevelMethod()).toBe('foo'); // 'foo'
    const user = User.build({ firstname: 'Jane', lastname: 'Doe' });
    expect(user.instanceLevelMethod()).toBe('bar'); // 'bar'
    expect(user.getFullname()).toBe('Jane Doe'); // 'Jane Doe'
  });
});

describe('Model Instances', () => {
  let User: ReturnType<Sequelize['define']>;
  beforeAll(async () => {
    User = sequelize.define('user', {
      name: DataTypes.TEXT,
      favoriteColor: {
        type: DataTypes.TEXT,
        defaultValue: 'green',
      },
      age: DataTypes.INTEGER,
      cash: DataTypes.INTEGER,
    });
    await sequelize.sync({ force: true });
  });

  test('Creating an instance', async () => {
    const jane = User.build({ name: 'Jane' });
    expect(jane instanceof User).toBe(true); // true
    expect(jane.get('name')).toBe('Jane'); // "Jane"
    await jane.save();
    // "Jane was saved to the database!"
    expect(jane.isNewRecord).toBe(false);

    const jane2 = await User.create({ name: 'Jane' });
    // Jane exists in the database now!
    expect(jane2 instanceof User).toBe(true); // true
    expect(jane2.get('name')).toBe('Jane'); // "Jane"
  });

  test('Logging instances', async () => {
    const jane = await User.create({ name: 'Jane' });
    // console.log(jane); // Don't do this
    expect(jane.toJSON()).toMatchObject({ name: 'Jane', favoriteColor: 'green' }); // This is good!
    expect(JSON.parse(JSON.stringify(jane, null, 4))).toMatchObject({ name: 'Jane' }); // This is also good!
  });

  test('Default values', async () => {
    const jane = User.build({ name: 'Jane' });
    expect(jane.get('favoriteColor')).toBe('green'); // "green"
  });

  test('Updating an instance', async () => {
    const jane = await User.create({ name: 'Jane' });
    expect(jane.get('name')).toBe('Jane'); // "Jane"
    jane.set('name', 'Ada');
    // the name is still "Jane" in the database
    await jane.save();
    // Now the name was updated to "Ada" in the database!
    expect((await User.findByPk(jane.get('id')))!.get('name')).toBe('Ada');

    jane.set({
      name: 'Ada',
      favoriteColor: 'blue',
    });
    // As above, the database still has "Ada" and "green"
    await jane.save();
    // The database now has "Ada" and "blue" for name and favorite color
    expect((await User.findByPk(jane.get('id')))!.get('favoriteColor')).toBe('blue');

    await jane.update({ name: 'Ada' });
    // The database now has "Ada" for name, but still has the default "green" for favorite color
    await jane.save();
    // Now the database has "Ada" for name, but still has the default "green" for favorite color
  });

  test('Deleting an instance', async () => {
    const jane = await User.create({ name: 'Jane' });
    expect(jane.get('name')).toBe('Jane'); // "Jane"
    await jane.destroy();
    // Now this entry was removed from the database
    expect(await User.findByPk(jane.get('id'))).toBeNull();
  });

  test('Reloading an instance', async () => {
    const jane = await User.create({ name: 'Jane' });
    expect(jane.get('name')).toBe('Jane'); // "Jane"
    jane.set('name', 'Ada');
    // the name is still "Jane" in the database
    await jane.reload();
    expect(jane.get('name')).toBe('Jane'); // "Jane"
  });

  test('Saving only some fields', async () => {
    const jane = await User.create({ name: 'Jane' });
    expect(jane.get('name')).toBe('Jane'); // "Jane"
    expect(jane.get('favoriteColor')).toBe('green'); // "green"
    jane.set('name', 'Jane II');
    jane.set('favoriteColor', 'blue');
    await jane.save({ fields: ['name'] });
    expect(jane.get('name')).toBe('Jane II'); // "Jane II"
    expect(jane.get('favoriteColor')).toBe('blue'); // "blue"
    // The above printed blue because the local object has it set to blue, but
    // in the database it is still "green":
    await jane.reload();
    expect(jane.get('name')).toBe('Jane II'); // "Jane II"
    expect(jane.get('favoriteColor')).toBe('green'); // "green"
  });

  test('Incrementing and decrementing integer values', async () => {
    const jane = await User.create({ name: 'Jane', age: 100 });
    const incrementResult = await jane.increment('age', { by: 2 });
    // Note: to increment by 1 you can omit the `by` option and just do `user.increment('age')`
    expect(incrementResult).toBe(jane);
    // In PostgreSQL, `incrementResult` will be the updated user (the runtime also refreshes `age`).
    expect(jane.get('age')).toBe(102);
    await jane.increment({
      age: 2,
      cash: 100,
    });
    expect(jane.get('cash')).toBeNull(); // NULL + 100 is NULL, as in SQL
    await jane.update({ cash: 0 });
    // If the values are incremented by the same amount, you can use this other syntax as well:
    await jane.increment(['age', 'cash'], { by: 2 });
    await jane.decrement('age');
    expect([jane.get('age'), jane.get('cash')]).toEqual([105, 2]);
  });
});
