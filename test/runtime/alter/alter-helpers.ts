/** Shared setup for the alter tests: a throwaway database, raw SQL to build the "old" tables, and readers of the result. */
import { Sequelize, type AlterOptions, type Model, type ModelStatic } from '../../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from '../helpers.js';

export interface AlterKit {
  readonly conn: TestConnection;
  readonly sequelize: Sequelize;
  /** Runs raw SQL without logging it. */
  exec(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Statements logged since the last reset, without the `Executing` prefix. */
  sent(): string[];
  /** Logged statements that are not SELECTs: what alter changed. */
  changes(): string[];
  reset(): void;
  close(): Promise<void>;
}

export async function openAlterKit(): Promise<AlterKit> {
  const conn = await openTestConnection();
  const exec = async (sql: string, params: unknown[] = []) =>
    (await conn.sequelize.query(sql, { bind: params, type: 'SELECT', logging: false })) as Record<
      string,
      unknown
    >[];
  const sent = () => conn.statements.map(sqlOf);
  return {
    conn,
    sequelize: conn.sequelize,
    exec,
    sent,
    changes: () => sent().filter((s) => !/^\s*SELECT\b/i.test(s)),
    reset: () => {
      conn.statements.length = 0;
    },
    close: () => conn.close(),
  };
}

/** sync({ alter }) for one model class or every model of a Sequelize instance. */
export async function syncAlter(
  target: Sequelize | ModelStatic<Model>,
  alter: true | AlterOptions = true,
): Promise<void> {
  // Two calls, not one: TypeScript cannot call `sync` on the union (its `this` types differ).
  if (target instanceof Sequelize) await target.sync({ alter });
  else await target.sync({ alter });
}

export interface ColumnShape {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  comment: string | null;
}

/** The table's columns as pg_catalog describes them, in order. */
export async function columnsOf(kit: AlterKit, table: string): Promise<ColumnShape[]> {
  return (await kit.exec(
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS default, col_description(a.attrelid, a.attnum) AS comment
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [`"${table}"`],
  )) as unknown as ColumnShape[];
}

/** The table's constraints: type, columns and definition, sorted, so duplicates show. */
export async function constraintsOf(kit: AlterKit, table: string): Promise<string[]> {
  const rows = await kit.exec(
    `SELECT contype::text || ' ' || pg_get_constraintdef(oid) AS c FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f', 'c') ORDER BY 1`,
    [`"${table}"`],
  );
  return rows.map((r) => r.c as string);
}

export async function rowsOf(
  kit: AlterKit,
  table: string,
  orderBy = 'id',
): Promise<Record<string, unknown>[]> {
  return kit.exec(`SELECT * FROM "${table}" ORDER BY "${orderBy}"`);
}
