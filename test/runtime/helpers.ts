/** Shared setup for runtime tests: one throwaway database (server or PGlite) per test file. */
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { Sequelize, type SequelizeOptions } from '../../runtime/index.js';

export interface TestConnection {
  db: TestDatabase;
  sequelize: Sequelize;
  /** Every statement the runtime sent since the last reset. */
  statements: string[];
  close(): Promise<void>;
}

export async function openTestConnection(options: SequelizeOptions = {}): Promise<TestConnection> {
  const db = await createTestDatabase('gm_rt');
  const statements: string[] = [];
  const sequelize = new Sequelize(db.url, { logging: (sql: string) => statements.push(sql), ...options });
  return {
    db,
    sequelize,
    statements,
    async close() {
      await sequelize.close();
      await db.drop();
    },
  };
}

/** The SQL text of a logged statement, without the `Executing (...): ` prefix. */
export function sqlOf(line: string): string {
  return line.replace(/^Executing \([^)]*\): /, '');
}
