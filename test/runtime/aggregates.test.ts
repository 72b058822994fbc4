/** count/max/min/sum/aggregate with where, and findAndCountAll's { rows, count }. */
import { DataTypes, Model, col, fn } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

interface ScoreAttributes {
  id: number;
  name: string;
  team: string | null;
  age: number | null;
  big: string | null;
  score: string | null;
  at: Date | null;
}
class Score extends Model<ScoreAttributes, Partial<ScoreAttributes>> {}

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection();
  Score.init(
    {
      name: DataTypes.STRING,
      team: { type: DataTypes.STRING, field: 'team_name' },
      age: DataTypes.INTEGER,
      big: DataTypes.BIGINT,
      score: DataTypes.DECIMAL(10, 2),
      at: DataTypes.DATE,
    },
    { sequelize: conn.sequelize, timestamps: false },
  );
  await Score.sync({ force: true });
  await Score.bulkCreate([
    {
      name: 'ann',
      team: 'red',
      age: 20,
      big: '9007199254740993',
      score: '1.50',
      at: new Date('2020-01-01Z'),
    },
    { name: 'bob', team: 'red', age: 30, big: '10', score: '2.25', at: new Date('2021-01-01Z') },
    { name: 'cy', team: 'blue', age: null, big: null, score: null, at: null },
  ]);
});
afterAll(() => conn.close());

test('max/min: the column type as finders read it; null without rows', async () => {
  expect(await Score.max('age')).toBe(30);
  expect(await Score.min('name')).toBe('ann');
  expect(await Score.max('team')).toBe('red');
  expect(await Score.max('at')).toEqual(new Date('2021-01-01Z'));
  expect(await Score.max('age', { where: { team: 'blue' } })).toBeNull();
  expect(await Score.min('age', { where: { name: 'nobody' } })).toBeNull();
});

test('sum: numbers for INTEGER, exact strings for BIGINT/DECIMAL; where; null without rows', async () => {
  expect(await Score.sum('age')).toBe(50);
  expect(await Score.sum('age', { where: { team: 'red', name: ['ann'] } })).toBe(20);
  expect(await Score.sum('big')).toBe('9007199254741003');
  expect(await Score.sum('score')).toBe('3.75');
  expect(await Score.sum('age', { where: { name: 'nobody' } })).toBeNull();
});

test('aggregate(field, fn, { where, distinct }) as PostgreSQL returns it; count', async () => {
  expect(await Score.aggregate('team', 'count', { distinct: true })).toBe('2');
  expect(await Score.aggregate('age', 'avg', { where: { team: 'red' } })).toBe('25.0000000000000000');
  expect(await Score.count({ where: { team: 'red' } })).toBe(2);
  expect(await Score.count({ col: 'team', distinct: true })).toBe(2);
  await expect(Score.aggregate('age', 'max(1); DROP TABLE x; --')).rejects.toThrow(
    'is not a SQL function name',
  );
  await expect(Score.max('nope' as never)).rejects.toThrow('Unknown attribute "nope"');
  await expect(Score.sum('age', { grup: ['team'] } as never)).rejects.toThrow('unknown option "grup"');
});

test('findAndCountAll: { rows, count } with where, limit and offset; count ignores limit', async () => {
  const { rows, count } = await Score.findAndCountAll({
    where: { team: 'red' },
    order: [['name', 'ASC']],
    limit: 1,
  });
  expect(count).toBe(2);
  expect(rows.map((r) => r.get('name'))).toEqual(['ann']);
  expect(rows[0]).toBeInstanceOf(Score);
  const none = await Score.findAndCountAll({ where: { name: 'nobody' } });
  expect(none).toEqual({ rows: [], count: 0 });
});

test('count with group: one { group values, count } per group, counts as numbers, attribute names as keys', async () => {
  const grouped = await Score.count({ group: ['team'] });
  expect(grouped.sort((a, b) => String(a.team).localeCompare(String(b.team)))).toEqual([
    { team: 'blue', count: 1 },
    { team: 'red', count: 2 },
  ]);
  expect(await Score.count({ group: 'team', where: { team: 'red' }, col: 'age' })).toEqual([
    { team: 'red', count: 2 },
  ]);
  const byCol = await Score.count({ group: [col('team')], col: 'age' });
  expect(byCol.map((g) => [g.team, g.count]).sort()).toEqual([
    ['blue', 0],
    ['red', 2],
  ]);
  await expect(Score.count({ group: [fn('lower', col('name'))] })).rejects.toThrow(
    'cannot be selected beside the aggregate',
  );
  await expect(Score.count({ attributes: ['team'] })).rejects.toThrow('only with group');
});

test('aggregate with plain: false and group: every group as a row; plain by default: the first value', async () => {
  const rows = (await Score.aggregate('age', 'max', {
    plain: false,
    group: ['team'],
    attributes: ['team'],
  })) as { team: string; max: number | null }[];
  expect(rows.sort((a, b) => a.team.localeCompare(b.team))).toEqual([
    { team: 'blue', max: null },
    { team: 'red', max: 30 },
  ]);
  expect(await Score.aggregate('age', 'max', { plain: false })).toEqual([{ max: 30 }]);
  expect(await Score.max('age', { group: ['team'], where: { team: 'red' } })).toBe(30);
});

test('count with distinct and no col counts distinct primary keys; findAndCountAll with group counts per group', async () => {
  expect(await Score.count({ distinct: true })).toBe(3);
  const { rows, count } = await Score.findAndCountAll({
    attributes: ['team', [fn('count', col('id')), 'n']],
    group: ['team'],
    order: [['team', 'ASC']],
    raw: true,
  });
  expect(rows).toEqual([
    { team: 'blue', n: '1' },
    { team: 'red', n: '2' },
  ]);
  expect([...count].sort((a, b) => String(a.team).localeCompare(String(b.team)))).toEqual([
    { team: 'blue', count: 1 },
    { team: 'red', count: 2 },
  ]);
});
