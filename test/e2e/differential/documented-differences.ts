/**
 * The differences between the bundled runtime and Sequelize 6 that docs/runtime.md documents as
 * deliberate, each keyed by `scenario/step` (`*` for every model of a real database) with both
 * sides' exact outcomes: any other difference, or one of these changing, fails the suite. `doc`
 * is the reason, as words of docs/runtime.md ("Where it differs from Sequelize, on purpose").
 */
export interface DocumentedDifference {
  readonly key: string;
  /** The schemas where it shows: `example` or real database names. */
  readonly schemas: readonly string[];
  /** Words of docs/runtime.md that give the reason (checked to be there, whitespace aside). */
  readonly doc: string;
  readonly bundled: unknown;
  readonly sequelize: unknown;
}

const BUILD = '`build()` leaves out attributes whose default is SQL';
const INTERVAL = "`interval` values (and `point`, `circle`) are read as PostgreSQL's text";
const VALIDATION = 'also checks ENUM membership';
const BULK_VALIDATION = 'Validation runs in `bulkCreate`';
const UNIQUE = "`UniqueConstraintError`'s `fields` and its `errors[].path` name attributes, not columns";
const FOREIGN_KEY = '`ForeignKeyConstraintError` carries `fields` too';
const OPTIONS = 'Sequelize ignores unknown options';
const NO_WHERE =
  "Sequelize refuses a static `update`, `increment` or `decrement` without `where` too, but with node's `AssertionError`";
const STATIC_INCREMENT = 'Static `increment` resolves `[instances, affectedCount]`';
const DESTROY = '`instance.destroy()` resolves `undefined`';
const INCREMENT = 'an attribute with an unsaved edit keeps it';

export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [
  ...['static increment without where', 'static decrement without where'].map((step) => ({
    key: `writes without where/${step}`,
    schemas: ['example'],
    doc: NO_WHERE,
    bundled: { error: 'Error' },
    sequelize: { error: 'AssertionError' },
  })),
  {
    key: 'build then save/build audit',
    schemas: ['example'],
    doc: BUILD,
    bundled: {
      result: {
        model: 'Audit',
        json: { duration: '1 hour', id: '<uuid 2>', levels: ['info', 'error'], payload: { ok: true } },
        changed: ['duration', 'levels', 'payload'],
        isNewRecord: true,
        primaryKey: { id: '<uuid 2>' },
      },
    },
    sequelize: {
      result: {
        model: 'Audit',
        json: {
          duration: '1 hour',
          happenedAt: { val: 'now()' },
          id: '<uuid 2>',
          levels: ['info', 'error'],
          payload: { ok: true },
          token: { val: 'gen_random_uuid()' },
        },
        changed: ['duration', 'levels', 'payload'],
        isNewRecord: true,
        primaryKey: { id: '<uuid 2>' },
      },
    },
  },
  {
    key: 'build then save/built audit',
    schemas: ['example'],
    doc: BUILD,
    bundled: {
      model: 'Audit',
      json: { duration: '1 hour', id: '<uuid 2>', levels: ['info', 'error'], payload: { ok: true } },
      changed: ['duration', 'levels', 'payload'],
      isNewRecord: true,
      primaryKey: { id: '<uuid 2>' },
    },
    sequelize: {
      model: 'Audit',
      json: {
        duration: '1 hour',
        happenedAt: { val: 'now()' },
        id: '<uuid 2>',
        levels: ['info', 'error'],
        payload: { ok: true },
        token: { val: 'gen_random_uuid()' },
      },
      changed: ['duration', 'levels', 'payload'],
      isNewRecord: true,
      primaryKey: { id: '<uuid 2>' },
    },
  },
  {
    key: 'build then save/save audit',
    schemas: ['example'],
    doc: INTERVAL,
    bundled: {
      result: {
        model: 'Audit',
        json: {
          address: null,
          blob: null,
          duration: '01:00:00',
          happenedAt: '<now>',
          id: '<uuid 2>',
          levels: ['info', 'error'],
          payload: { ok: true },
          token: '<uuid 3>',
        },
        changed: false,
        isNewRecord: false,
        primaryKey: { id: '<uuid 2>' },
      },
    },
    sequelize: {
      result: {
        model: 'Audit',
        json: {
          address: null,
          blob: null,
          duration: { hours: 1 },
          happenedAt: '<now>',
          id: '<uuid 2>',
          levels: ['info', 'error'],
          payload: { ok: true },
          token: '<uuid 3>',
        },
        changed: false,
        isNewRecord: false,
        primaryKey: { id: '<uuid 2>' },
      },
    },
  },
  {
    key: 'build then save/saved audit',
    schemas: ['example'],
    doc: INTERVAL,
    bundled: {
      model: 'Audit',
      json: {
        address: null,
        blob: null,
        duration: '01:00:00',
        happenedAt: '<now>',
        id: '<uuid 2>',
        levels: ['info', 'error'],
        payload: { ok: true },
        token: '<uuid 3>',
      },
      changed: false,
      isNewRecord: false,
      primaryKey: { id: '<uuid 2>' },
    },
    sequelize: {
      model: 'Audit',
      json: {
        address: null,
        blob: null,
        duration: { hours: 1 },
        happenedAt: '<now>',
        id: '<uuid 2>',
        levels: ['info', 'error'],
        payload: { ok: true },
        token: '<uuid 3>',
      },
      changed: false,
      isNewRecord: false,
      primaryKey: { id: '<uuid 2>' },
    },
  },
  {
    key: 'validation/enum value outside the list',
    schemas: ['example'],
    doc: VALIDATION,
    bundled: { error: 'ValidationError', errors: ['favoriteColor Validation error isIn'] },
    sequelize: { error: 'DatabaseError' },
  },
  {
    key: 'database errors/unique composite with a field',
    schemas: ['example'],
    doc: UNIQUE,
    bundled: {
      error: 'UniqueConstraintError',
      errors: ['seat unique violation not_unique', 'team unique violation not_unique'],
      fields: ['seat', 'team'],
    },
    sequelize: {
      error: 'UniqueConstraintError',
      errors: ['seat unique violation not_unique', 'team_code unique violation not_unique'],
      fields: ['seat', 'team_code'],
    },
  },
  {
    key: 'database errors/foreign key',
    schemas: ['example'],
    doc: FOREIGN_KEY,
    bundled: { error: 'ForeignKeyConstraintError', fields: ['ownerId'] },
    sequelize: { error: 'ForeignKeyConstraintError', fields: null },
  },
  {
    key: 'database errors/duplicate primary key',
    schemas: ['example'],
    doc: UNIQUE,
    bundled: {
      error: 'UniqueConstraintError',
      errors: ['teamName unique violation not_unique', 'userId unique violation not_unique'],
      fields: ['teamName', 'userId'],
    },
    sequelize: {
      error: 'UniqueConstraintError',
      errors: ['team_name unique violation not_unique', 'user_id unique violation not_unique'],
      fields: ['team_name', 'user_id'],
    },
  },
  {
    key: 'finders/misspelled option',
    schemas: ['example'],
    doc: OPTIONS,
    bundled: { error: 'TypeError' },
    sequelize: {
      result: [
        { model: 'User', json: { id: 1 }, changed: false, isNewRecord: false, primaryKey: { id: 1 } },
        { model: 'User', json: { id: 2 }, changed: false, isNewRecord: false, primaryKey: { id: 2 } },
        { model: 'User', json: { id: 3 }, changed: false, isNewRecord: false, primaryKey: { id: 3 } },
        { model: 'User', json: { id: 5 }, changed: false, isNewRecord: false, primaryKey: { id: 5 } },
        { model: 'User', json: { id: 6 }, changed: false, isNewRecord: false, primaryKey: { id: 6 } },
      ],
    },
  },
  {
    key: 'bulk writes/static update without where',
    schemas: ['example'],
    doc: NO_WHERE,
    bundled: { error: 'Error' },
    sequelize: { error: 'AssertionError' },
  },
  {
    key: 'bulk writes/static increment',
    schemas: ['example'],
    doc: STATIC_INCREMENT,
    bundled: {
      result: [
        [
          {
            model: 'User',
            json: {
              age: 40,
              balance: '0.00',
              birthday: null,
              createdAt: '<now>',
              displayName: 'Bob Same',
              email: 'bob@example.com',
              favoriteColor: 'green',
              firstName: 'Bob',
              id: 6,
              isAdmin: true,
              lastName: 'Same',
              lastSeenAt: null,
              preferences: { theme: 'light' },
              tags: [],
              updatedAt: '<now>',
              visits: '1',
            },
            changed: false,
            isNewRecord: false,
            primaryKey: { id: 6 },
          },
        ],
        1,
      ],
    },
    sequelize: {
      result: [
        [
          [
            {
              age: 40,
              balance: '0.00',
              birthday: null,
              createdAt: '<now>',
              email: 'bob@example.com',
              favoriteColor: 'green',
              firstName: 'Bob',
              id: 6,
              isAdmin: true,
              lastName: 'Same',
              lastSeenAt: null,
              preferences: { theme: 'light' },
              tags: [],
              updatedAt: '<now>',
              visits: '1',
            },
          ],
          1,
        ],
      ],
    },
  },
  {
    key: 'bulk writes/instance destroy',
    schemas: ['example'],
    doc: DESTROY,
    bundled: { result: '<undefined>' },
    sequelize: { result: [] },
  },
  {
    key: 'unsaved edits/increment with an unsaved edit',
    schemas: ['example'],
    doc: INCREMENT,
    bundled: {
      result: {
        model: 'User',
        json: {
          age: 10,
          balance: '0.00',
          birthday: null,
          createdAt: '<now>',
          displayName: 'Edit',
          email: 'edit@example.com',
          favoriteColor: 'green',
          firstName: 'Edit',
          id: 8,
          isAdmin: false,
          lastName: null,
          lastSeenAt: null,
          preferences: { theme: 'light' },
          tags: [],
          updatedAt: '<now>',
          visits: '1',
        },
        changed: ['age'],
        isNewRecord: false,
        primaryKey: { id: 8 },
      },
    },
    sequelize: {
      result: {
        model: 'User',
        json: {
          age: 1,
          balance: '0.00',
          birthday: null,
          createdAt: '<now>',
          displayName: 'Edit',
          email: 'edit@example.com',
          favoriteColor: 'green',
          firstName: 'Edit',
          id: 8,
          isAdmin: false,
          lastName: null,
          lastSeenAt: null,
          preferences: { theme: 'light' },
          tags: [],
          updatedAt: '<now>',
          visits: '1',
        },
        changed: ['age'],
        isNewRecord: false,
        primaryKey: { id: 8 },
      },
    },
  },
  {
    key: 'unsaved edits/after increment',
    schemas: ['example'],
    doc: INCREMENT,
    bundled: {
      model: 'User',
      json: {
        age: 10,
        balance: '0.00',
        birthday: null,
        createdAt: '<now>',
        displayName: 'Edit',
        email: 'edit@example.com',
        favoriteColor: 'green',
        firstName: 'Edit',
        id: 8,
        isAdmin: false,
        lastName: null,
        lastSeenAt: null,
        preferences: { theme: 'light' },
        tags: [],
        updatedAt: '<now>',
        visits: '1',
      },
      changed: ['age'],
      isNewRecord: false,
      primaryKey: { id: 8 },
    },
    sequelize: {
      model: 'User',
      json: {
        age: 1,
        balance: '0.00',
        birthday: null,
        createdAt: '<now>',
        displayName: 'Edit',
        email: 'edit@example.com',
        favoriteColor: 'green',
        firstName: 'Edit',
        id: 8,
        isAdmin: false,
        lastName: null,
        lastSeenAt: null,
        preferences: { theme: 'light' },
        tags: [],
        updatedAt: '<now>',
        visits: '1',
      },
      changed: ['age'],
      isNewRecord: false,
      primaryKey: { id: 8 },
    },
  },
  {
    key: 'bulk validation/bulkCreate invalid',
    schemas: ['example'],
    doc: BULK_VALIDATION,
    bundled: {
      error: 'ValidationError',
      errors: ['email Validation error isEmail', 'email Validation error noSpaces'],
    },
    sequelize: {
      result: [
        {
          model: 'User',
          json: {
            age: 0,
            balance: '0.00',
            birthday: null,
            createdAt: '<now>',
            displayName: 'Bad',
            email: 'not an email',
            favoriteColor: 'green',
            firstName: 'Bad',
            id: 9,
            isAdmin: false,
            lastName: null,
            lastSeenAt: null,
            preferences: { theme: 'light' },
            tags: [],
            updatedAt: '<now>',
            visits: '0',
          },
          changed: false,
          isNewRecord: false,
          primaryKey: { id: 9 },
        },
      ],
    },
  },
  {
    key: 'bulk validation/rows',
    schemas: ['example'],
    doc: BULK_VALIDATION,
    bundled: [],
    sequelize: [
      '{"age":0,"balance":"0.00","birthday":null,"createdAt":"<now>","email":"not an email","favoriteColor":"green","firstName":"Bad","id":9,"isAdmin":false,"lastName":null,"lastSeenAt":null,"preferences":{"theme":"light"},"tags":[],"updatedAt":"<now>","visits":"0"}',
    ],
  },
  {
    key: 'Rental/create copy',
    schemas: ['pagila'],
    doc: UNIQUE,
    bundled: {
      error: 'UniqueConstraintError',
      errors: [
        'customerId unique violation not_unique',
        'inventoryId unique violation not_unique',
        'rentalDate unique violation not_unique',
      ],
      fields: ['customerId', 'inventoryId', 'rentalDate'],
    },
    sequelize: {
      error: 'UniqueConstraintError',
      errors: [
        'customer_id unique violation not_unique',
        'inventory_id unique violation not_unique',
        'rental_date unique violation not_unique',
      ],
      fields: ['customer_id', 'inventory_id', 'rental_date'],
    },
  },
  {
    key: 'Store/create copy',
    schemas: ['pagila'],
    doc: UNIQUE,
    bundled: {
      error: 'UniqueConstraintError',
      errors: ['managerStaffId unique violation not_unique'],
      fields: ['managerStaffId'],
    },
    sequelize: {
      error: 'UniqueConstraintError',
      errors: ['manager_staff_id unique violation not_unique'],
      fields: ['manager_staff_id'],
    },
  },
  {
    key: '*/destroy copy',
    schemas: ['chinook_identity', 'pagila'],
    doc: DESTROY,
    bundled: { result: '<undefined>' },
    sequelize: { result: [] },
  },
];
