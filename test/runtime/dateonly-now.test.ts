/** DATEONLY: defaultValue NOW and Dates assigned to it become the local 'YYYY-MM-DD', as in Sequelize. */
import { DataTypes } from '../../runtime/index.js';
import { runInChild } from './child-runtime.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection({ logging: false });
});
afterAll(() => conn.close());

const two = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

test('defaultValue NOW on a DATEONLY builds, saves and reads back today as a string', async () => {
  const Day = conn.sequelize.define(
    'Day',
    {
      day: { type: DataTypes.DATEONLY, defaultValue: DataTypes.NOW },
      at: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
    },
    { timestamps: false },
  );
  await Day.sync({ force: true });
  const before = localDay(new Date());
  const built = Day.build();
  const after = localDay(new Date());
  expect(typeof built.get('day')).toBe('string');
  expect([before, after]).toContain(built.get('day'));
  expect(built.get('at')).toBeInstanceOf(Date);
  await built.save();
  expect((await Day.findByPk(built.get('id') as number))?.get('day')).toBe(built.get('day'));
  const created = await Day.create({});
  expect(typeof created.get('day')).toBe('string');
});

test('in America/New_York and Pacific/Kiritimati, NOW and a Date on a DATEONLY are the local date (child process)', async () => {
  for (const TZ of ['America/New_York', 'Pacific/Kiritimati']) {
    const result = (await runInChild(
      `
  const s = new runtime.Sequelize(url, { logging: false });
  const Day = s.define('TzDay', { day: { type: runtime.DataTypes.DATEONLY, defaultValue: runtime.DataTypes.NOW } }, { timestamps: false });
  await Day.sync({ force: true });
  const two = (n) => String(n).padStart(2, '0');
  const local = (d) => d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  const built = Day.build();
  const today = local(new Date());
  const assigned = Day.build({ day: new Date('2024-06-01T12:00:00Z') }).get('day');
  const saved = await Day.create({ day: new Date('2024-06-01T12:00:00Z') });
  const back = (await Day.findByPk(saved.id)).get('day');
  await Day.drop();
  await s.close();
  return { built: built.get('day'), today, assigned, back };`,
      { TZ },
      conn.db.url,
    )) as Record<string, string>;
    expect(result.built).toBe(result.today);
    const expected = TZ === 'America/New_York' ? '2024-06-01' : '2024-06-02';
    expect({ assigned: result.assigned, back: result.back }).toEqual({ assigned: expected, back: expected });
  }
}, 120000);
