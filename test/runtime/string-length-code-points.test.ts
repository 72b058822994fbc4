/** STRING(n)/CHAR(n) length is checked in characters (code points), as PostgreSQL counts them. */
import { DataTypes, ValidationError } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

let conn: TestConnection;
beforeAll(async () => {
  conn = await openTestConnection({ logging: false });
});
afterAll(() => conn.close());

test('astral characters (emoji, 𝄞) count once against STRING(n) and CHAR(n); one too many is refused with the character count', async () => {
  const Short = conn.sequelize.define(
    'Short',
    { s: DataTypes.STRING(3), c: DataTypes.CHAR(3) },
    { timestamps: false },
  );
  await Short.sync({ force: true });
  const row = await Short.create({ s: '😀😀😀', c: '𝄞a😀' });
  const back = (await Short.findByPk(row.get('id') as number))!;
  expect([back.get('s'), back.get('c')]).toEqual(['😀😀😀', '𝄞a😀']);
  expect(await Short.update({ s: 'é😀\u{10FFFF}' }, { where: { id: row.get('id') } })).toEqual([1]);
  const error = await Short.create({ s: '😀😀😀😀' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).errors[0].message).toBe(
    'Short.s must be at most 3 characters long (got 4)',
  );
  // A lone surrogate is one character (PostgreSQL would refuse it as invalid UTF-8 anyway: not this check's business).
  await expect(Short.build({ s: 'ab\uD800c' }).validate()).rejects.toThrow(
    'must be at most 3 characters long (got 4)',
  );
  await expect(Short.bulkCreate([{ c: '😀😀😀😀' }])).rejects.toThrow(
    'Short.c must be at most 3 characters long (got 4)',
  );
});

test('trailing spaces beyond STRING(n)/CHAR(n) are accepted and truncated, as PostgreSQL does; other excess is refused', async () => {
  const Padded = conn.sequelize.define(
    'Padded',
    { s: DataTypes.STRING(3), c: DataTypes.CHAR(3) },
    { timestamps: false },
  );
  await Padded.sync({ force: true });
  const row = await Padded.create({ s: 'ab      ', c: '😀      ' });
  const back = (await Padded.findByPk(row.get('id') as number))!;
  expect([back.get('s'), back.get('c')]).toEqual(['ab ', '😀  ']);
  const error = await Padded.create({ s: 'abcd  ' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).errors[0].message).toBe(
    'Padded.s must be at most 3 characters long (got 6)',
  );
});
