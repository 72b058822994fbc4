/** Every DataType: its PostgreSQL column type (reference §5) and the JS value read back, on a real table. */
import { DataType, DataTypes, Op } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

const sqlTypes: [string, DataType | (() => DataType), string][] = [
  ['STRING', DataTypes.STRING, 'VARCHAR(255)'],
  ['STRING(100)', DataTypes.STRING(100), 'VARCHAR(100)'],
  ['new STRING(128)', new DataTypes.STRING(128), 'VARCHAR(128)'],
  ['STRING.BINARY', DataTypes.STRING.BINARY, 'BYTEA'],
  ['STRING(10).BINARY', DataTypes.STRING(10).BINARY, 'BYTEA'],
  ['CHAR(3)', DataTypes.CHAR(3), 'CHAR(3)'],
  ['TEXT', DataTypes.TEXT, 'TEXT'],
  ["TEXT('tiny')", DataTypes.TEXT('tiny'), 'TEXT'],
  ['CITEXT', DataTypes.CITEXT, 'CITEXT'],
  ['SMALLINT', DataTypes.SMALLINT, 'SMALLINT'],
  ['INTEGER', DataTypes.INTEGER, 'INTEGER'],
  ['INTEGER.UNSIGNED', DataTypes.INTEGER.UNSIGNED, 'INTEGER'],
  ['BIGINT', DataTypes.BIGINT, 'BIGINT'],
  ['BIGINT(11)', DataTypes.BIGINT(11), 'BIGINT'],
  ['FLOAT', DataTypes.FLOAT, 'FLOAT'],
  ['FLOAT(11)', DataTypes.FLOAT(11), 'FLOAT(11)'],
  ['FLOAT(11,10)', DataTypes.FLOAT(11, 10), 'FLOAT'],
  ['REAL', DataTypes.REAL, 'REAL'],
  ['DOUBLE', DataTypes.DOUBLE, 'DOUBLE PRECISION'],
  ['DOUBLE(11,10)', DataTypes.DOUBLE(11, 10), 'DOUBLE PRECISION'],
  ['DECIMAL', DataTypes.DECIMAL, 'DECIMAL'],
  ['DECIMAL(10,2)', DataTypes.DECIMAL(10, 2), 'DECIMAL(10,2)'],
  ['DECIMAL(10)', DataTypes.DECIMAL(10), 'DECIMAL(10)'],
  ['BOOLEAN', DataTypes.BOOLEAN, 'BOOLEAN'],
  ['DATE', DataTypes.DATE, 'TIMESTAMP WITH TIME ZONE'],
  ['DATE(6)', DataTypes.DATE(6), 'TIMESTAMP WITH TIME ZONE'],
  ['DATEONLY', DataTypes.DATEONLY, 'DATE'],
  ['TIME', DataTypes.TIME, 'TIME'],
  ['UUID', DataTypes.UUID, 'UUID'],
  ['JSON', DataTypes.JSON, 'JSON'],
  ['JSONB', DataTypes.JSONB, 'JSONB'],
  ['BLOB', DataTypes.BLOB, 'BYTEA'],
  ['INET', DataTypes.INET, 'INET'],
  ['CIDR', DataTypes.CIDR, 'CIDR'],
  ['MACADDR', DataTypes.MACADDR, 'MACADDR'],
  ['TSVECTOR', DataTypes.TSVECTOR, 'TSVECTOR'],
  ['ARRAY(INTEGER)', DataTypes.ARRAY(DataTypes.INTEGER), 'INTEGER[]'],
  ['ARRAY(STRING)', DataTypes.ARRAY(DataTypes.STRING), 'VARCHAR(255)[]'],
  ['ARRAY(ARRAY(STRING))', DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.STRING)), 'VARCHAR(255)[][]'],
  ["CUSTOM('interval')", DataTypes.CUSTOM('interval'), 'interval'],
];

test.each(sqlTypes.map(([name, type, sql]) => [name, sql, type] as const))(
  '%s is %s in DDL',
  (_name, sql, type) => {
    const instance = typeof type === 'function' ? type() : type;
    expect(instance.toSql()).toBe(sql);
  },
);

test('CUSTOM accepts type syntax only, never a statement', () => {
  expect(DataTypes.CUSTOM('numeric(5, 2)[]').toSql()).toBe('numeric(5, 2)[]');
  expect(DataTypes.CUSTOM('"public"."my-type ☃"[]').toSql()).toBe('"public"."my-type ☃"[]');
  for (const bad of ['int; DROP TABLE x', "text DEFAULT 'x'", 'int -- comment', 'int /* c */', '']) {
    expect(() => DataTypes.CUSTOM(bad)).toThrow('Invalid custom SQL type');
  }
  expect(() => DataTypes.STRING(0)).toThrow('Invalid length 0');
  expect(() => DataTypes.ENUM()).toThrow('ENUM needs at least one value');
});

describe('values round-trip through a real table', () => {
  let conn: TestConnection;
  beforeAll(async () => {
    conn = await openTestConnection({ logging: false });
  });
  afterAll(() => conn.close());

  test('each type reads back as the reference says (BIGINT and DECIMAL as strings, DATEONLY as YYYY-MM-DD)', async () => {
    const Everything = conn.sequelize.define(
      'Everything',
      {
        str: DataTypes.STRING(10),
        bin: DataTypes.STRING.BINARY,
        chr: DataTypes.CHAR(3),
        txt: DataTypes.TEXT,
        small: DataTypes.SMALLINT,
        int: DataTypes.INTEGER,
        big: DataTypes.BIGINT,
        flt: DataTypes.FLOAT,
        real: DataTypes.REAL,
        dbl: DataTypes.DOUBLE,
        dec: DataTypes.DECIMAL(10, 2),
        bool: DataTypes.BOOLEAN,
        at: DataTypes.DATE,
        day: DataTypes.DATEONLY,
        time: DataTypes.TIME,
        uuid: DataTypes.UUID,
        json: DataTypes.JSON,
        jsonb: DataTypes.JSONB,
        blob: DataTypes.BLOB,
        inet: DataTypes.INET,
        cidr: DataTypes.CIDR,
        mac: DataTypes.MACADDR,
        tsv: DataTypes.TSVECTOR,
        ints: DataTypes.ARRAY(DataTypes.INTEGER),
        texts: DataTypes.ARRAY(DataTypes.TEXT),
        grid: DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.STRING)),
        enm: DataTypes.ENUM('a', 'b'),
        enms: DataTypes.ARRAY(DataTypes.ENUM({ values: ['x', 'y'] })),
        span: DataTypes.CUSTOM('interval'),
      },
      { timestamps: false },
    );
    await Everything.sync({ force: true });
    const values = {
      str: 'héllo',
      bin: Buffer.from([0, 255]),
      chr: 'abc',
      txt: 'long text',
      small: 7,
      int: -42,
      big: '9007199254740993',
      flt: 1.5,
      real: 2.5,
      dbl: 3.25,
      dec: '12.30',
      bool: true,
      at: new Date('2021-03-04T05:06:07.089Z'),
      day: '2021-03-04',
      time: '10:11:12',
      uuid: '4b1a8c8e-6a4e-4d4e-9d8e-2f4e6a8b0c1d',
      json: { a: [1, 'two'] },
      jsonb: [1, { b: null }],
      blob: Buffer.from('blob'),
      inet: '192.168.0.1',
      cidr: '10.0.0.0/8',
      mac: '08:00:2b:01:02:03',
      tsv: "'cat':1 'dog':2",
      ints: [1, 2, 3],
      texts: ['a', 'b,c', 'd"e', null],
      grid: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      enm: 'b',
      enms: ['y', 'x'],
      span: '1 day 02:00:00',
    };
    const created = await Everything.create(values);
    const read = (await Everything.findByPk(created.get('id')))!.get({ plain: true });
    expect(read).toEqual({ id: created.get('id'), ...values });
    expect(created.get({ plain: true })).toEqual(read);
    const nulls = await Everything.create({});
    const back = (await Everything.findByPk(nulls.get('id')))!.get({ plain: true });
    expect(Object.values(back).filter((v) => v !== null)).toEqual([nulls.get('id')]);
  });

  test('set() sanitizes DATE strings, DATEONLY dates and boolean strings, as Sequelize', async () => {
    const S = conn.sequelize.define(
      'Sanitized',
      { at: DataTypes.DATE, day: DataTypes.DATEONLY, flag: DataTypes.BOOLEAN },
      { timestamps: false },
    );
    const s = S.build({ at: '2020-01-01T00:00:00Z', day: new Date('2020-02-03T00:00:00Z'), flag: 'false' });
    expect(s.get('at')).toEqual(new Date('2020-01-01T00:00:00Z'));
    expect(s.get('day')).toBe('2020-02-03');
    expect(s.get('flag')).toBe(false);
  });

  test('JSON values that are arrays, strings and null are stored as JSON, not as PostgreSQL arrays', async () => {
    const J = conn.sequelize.define('JsonThing', { doc: DataTypes.JSONB }, { timestamps: false });
    await J.sync({ force: true });
    for (const doc of [[1, 2], 'text', 42, true, { nested: { deep: [null] } }]) {
      const row = await J.create({ doc });
      expect((await J.findByPk(row.get('id')))!.get('doc')).toEqual(doc);
    }
    // The whole value compared (a nested object alone matches by path, as in Sequelize).
    expect(await J.count({ where: { doc: { [Op.eq]: { nested: { deep: [null] } } } } })).toBe(1);
  });
});
