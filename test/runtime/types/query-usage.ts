// sequelize.query()'s result types as Sequelize types them. Every @ts-expect-error line is a
// mistake the types catch; tsc fails if one of them compiles.
import { QueryTypes, Sequelize } from '../../../runtime/index.js';
import { User } from './generated-model.js';

declare const sequelize: Sequelize;

export async function queries(): Promise<void> {
  const rows: { id: number }[] = await sequelize.query<{ id: number }>('SELECT id FROM t', {
    type: QueryTypes.SELECT,
  });
  const one: { id: number } | null = await sequelize.query<{ id: number }>('SELECT 1 AS id', {
    type: QueryTypes.SELECT,
    plain: true,
  });
  // @ts-expect-error plain: true resolves one row or null, not an array
  const notArray: { id: number }[] = await sequelize.query<{ id: number }>('SELECT 1 AS id', {
    type: QueryTypes.SELECT,
    plain: true,
  });
  const users: User[] = await sequelize.query('SELECT * FROM users', { model: User, mapToModel: true });
  const user: User | null = await sequelize.query('SELECT * FROM users', { model: User, plain: true });
  const [raw, meta] = await sequelize.query('SELECT 1', { replacements: { a: 1 } });
  const count: number = meta.rowCount;
  const [inserted, n]: [unknown[], number] = await sequelize.query('INSERT ...', { type: QueryTypes.INSERT });
  const updated: number = await sequelize.query('UPDATE ...', { type: QueryTypes.BULKUPDATE });
  const deleted: void = await sequelize.query('DELETE ...', { type: QueryTypes.DELETE });
  // @ts-expect-error replacements are an array or an object
  await sequelize.query('SELECT :a', { replacements: 'a' });
  // @ts-expect-error unknown option
  await sequelize.query('SELECT 1', { replacement: { a: 1 } });
  // @ts-expect-error type is one of QueryTypes
  await sequelize.query('SELECT 1', { type: 'SELEKT' });
  void [rows, one, notArray, users, user, raw, count, inserted, n, updated, deleted];
}
