/** pg and PGlite store and return the same thing: bytea and timestamp arrays, Dates in local time, numeric and tsvector arrays. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { DataTypes } from '../../runtime/index.js';
import { dateParameterText } from '../../runtime/sql/date-text.js';
import { arrayLiteral } from '../../runtime/sql/array-literal.js';
import { runInChild } from './child-runtime.js';
import { openTestConnection, type TestConnection } from './helpers.js';

// pg's own serialiser, the reference (a CommonJS module without typings for lib/utils).
const pgUtils = createRequire(__filename)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

const run = promisify(execFile);
const root = join(__dirname, '../..');

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection({ logging: false });
});
afterAll(() => conn.close());

/**
 * Runs date-text.ts (dependency-free, transpiled here) in a child process with TZ set: jest's
 * sandboxed process.env does not change the time zone of the running process.
 */
async function inTimeZone(tz: string, script: string): Promise<unknown> {
  const source = ts.transpileModule(readFileSync(join(root, 'runtime/sql/date-text.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const program = `const m = { exports: {} }; new Function('module', 'exports', ${JSON.stringify(source)})(m, m.exports);
const { dateParameterText } = m.exports; const { prepareValue } = require('pg/lib/utils.js');
process.stdout.write(JSON.stringify((() => { ${script} })()));`;
  const { stdout } = await run(process.execPath, ['-e', program], {
    cwd: root,
    env: { ...process.env, TZ: tz },
  });
  return JSON.parse(stdout);
}

test('ARRAY(BLOB) elements are written as bytea, not JSON', async () => {
  const Blobs = conn.sequelize.define(
    'Blobs',
    { blobs: DataTypes.ARRAY(DataTypes.BLOB) },
    { timestamps: false },
  );
  await Blobs.sync({ force: true });
  const written = [Buffer.from([1, 2, 255]), Buffer.from('"\\'), new Uint8Array([0, 16])];
  const row = await Blobs.create({ blobs: [...written, null] });
  const [raw] = (await conn.sequelize.query(`SELECT blobs::text AS t FROM "Blobs" WHERE id = $1`, {
    bind: [row.get('id')],
    type: 'SELECT',
  })) as { t: string }[];
  expect(raw.t).toBe('{"\\\\x0102ff","\\\\x225c","\\\\x0010",NULL}');
  expect((await Blobs.findByPk(row.get('id') as number))?.get('blobs')).toEqual([
    Buffer.from([1, 2, 255]),
    Buffer.from('"\\'),
    Buffer.from([0, 16]),
    null,
  ]);
});

test('the PGlite Date text is exactly what pg sends, in any time zone and before year 1', async () => {
  const dates = [
    '2024-06-01T12:00:00.123Z',
    '2024-01-15T03:04:05Z',
    '0000-03-01T00:00:00Z',
    '1900-01-01T00:00:00Z',
  ];
  for (const tz of ['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'America/St_Johns']) {
    const pairs = await inTimeZone(
      tz,
      `return ${JSON.stringify(dates)}.map((iso) => [dateParameterText(new Date(iso)), prepareValue(new Date(iso))]);`,
    );
    for (const [ours, pgs] of pairs as [string, string][]) expect(ours).toBe(pgs);
  }
  expect(
    await inTimeZone(
      'America/New_York',
      `const d = new Date('2024-06-01T12:00:00Z'); return [dateParameterText(d), dateParameterText(d, true)];`,
    ),
  ).toEqual(['2024-06-01T08:00:00.000-04:00', '2024-06-01T12:00:00.000+00:00']);
  expect(
    await inTimeZone('Asia/Kolkata', `return dateParameterText(new Date('2024-06-01T12:00:00Z'));`),
  ).toBe('2024-06-01T17:30:00.000+05:30');
  // In this process's zone too, the same function (used by the PGlite driver) and pg agree, also in arrays.
  const now = new Date();
  expect(dateParameterText(now)).toBe(pgUtils.prepareValue(now));
  expect(arrayLiteral([now, [now]], (d) => dateParameterText(d))).toBe(
    `{"${pgUtils.prepareValue(now) as string}",{"${pgUtils.prepareValue(now) as string}"}}`,
  );
});

test('a Date stores the same local wall-clock time in timestamp without time zone (and local date in DATE) on both engines', async () => {
  const Stamp = conn.sequelize.define(
    'Stamp',
    {
      ts: DataTypes.CUSTOM('timestamp without time zone'),
      tss: DataTypes.ARRAY(DataTypes.CUSTOM('timestamp without time zone')),
      tz: DataTypes.DATE,
      day: DataTypes.DATEONLY,
    },
    { timestamps: false },
  );
  await Stamp.sync({ force: true });
  const d = new Date('2024-06-02T02:00:00Z');
  const two = (n: number) => String(n).padStart(2, '0');
  const localDay = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  const localTime = `${localDay} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const row = await Stamp.create({ ts: d, tss: [d], tz: d });
  await conn.sequelize.query(`UPDATE "Stamps" SET day = $1 WHERE id = $2`, { bind: [d, row.get('id')] });
  const [raw] = (await conn.sequelize.query(
    `SELECT ts::text AS ts, tss::text AS tss, tz = $1 AS same, day::text AS day FROM "Stamps" WHERE id = $2`,
    { bind: [d, row.get('id')], type: 'SELECT' },
  )) as Record<string, unknown>[];
  expect(raw).toEqual({ ts: localTime, tss: `{"${localTime}"}`, same: true, day: localDay });
});

test('in America/New_York, a Date stores the New York wall-clock time in timestamp without time zone on both engines (child process)', async () => {
  const result = await runInChild(
    `
  const s = new runtime.Sequelize(url, { logging: false });
  const Wall = s.define('Wall', { ts: runtime.DataTypes.CUSTOM('timestamp without time zone'), tss: runtime.DataTypes.ARRAY(runtime.DataTypes.CUSTOM('timestamp without time zone')) }, { timestamps: false });
  await Wall.sync({ force: true });
  const d = new Date('2024-06-02T02:00:00Z');
  const row = await Wall.create({ ts: d, tss: [d] });
  const [rows] = await s.query('SELECT ts::text AS ts, tss::text AS tss FROM "Walls" WHERE id = $1', [row.id]);
  await Wall.drop();
  await s.close();
  return rows[0];`,
    { TZ: 'America/New_York' },
    conn.db.url,
  );
  expect(result).toEqual({ ts: '2024-06-01 22:00:00', tss: '{"2024-06-01 22:00:00"}' });
}, 120000);

test('DECIMAL[] and BIGINT[] keep every digit as strings, TSVECTOR[] is an array of strings, on both engines', async () => {
  const Numbers = conn.sequelize.define(
    'Numbers',
    {
      nums: DataTypes.ARRAY(DataTypes.DECIMAL(30, 10)),
      big: DataTypes.ARRAY(DataTypes.BIGINT),
      docs: DataTypes.ARRAY(DataTypes.TSVECTOR),
      days: DataTypes.ARRAY(DataTypes.DATEONLY),
    },
    { timestamps: false },
  );
  await Numbers.sync({ force: true });
  const row = await Numbers.create({
    nums: ['12345678901234567.1234567891', null],
    big: ['9007199254740993'],
    days: ['2024-01-02'],
  });
  await conn.sequelize.query(
    `UPDATE "Numbers" SET docs = ARRAY[to_tsvector('simple', 'a fat cat'), ''::tsvector] WHERE id = $1`,
    { bind: [row.get('id')] },
  );
  const back = (await Numbers.findByPk(row.get('id') as number))!;
  expect(back.get({ plain: true })).toEqual({
    id: row.get('id'),
    nums: ['12345678901234567.1234567891', null],
    big: ['9007199254740993'],
    docs: [`'a':1 'cat':3 'fat':2`, ''],
    days: ['2024-01-02'],
  });
  const [raw] = (await conn.sequelize.query(`SELECT nums, big, docs FROM "Numbers"`, {
    type: 'SELECT',
  })) as Record<string, unknown>[];
  expect(raw).toEqual({
    nums: ['12345678901234567.1234567891', null],
    big: ['9007199254740993'],
    docs: [`'a':1 'cat':3 'fat':2`, ''],
  });
});
