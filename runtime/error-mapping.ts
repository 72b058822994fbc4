/** pg / PGlite errors to the typed errors, from SQLSTATE `code`, `constraint`, `detail`, `table`. */
import { DriverAcquireTimeoutError, DriverConnectError } from './drivers/driver.js';
import {
  CheckConstraintError,
  ConnectionAcquireTimeoutError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionTimedOutError,
  DatabaseError,
  ExclusionConstraintError,
  ForeignKeyConstraintError,
  HostNotFoundError,
  HostNotReachableError,
  TimeoutError,
  UniqueConstraintError,
  ValidationErrorItem,
} from './errors.js';
import type { ModelDefinition } from './model-definition.js';

interface PgError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

const CONNECT_ERRORS: Record<string, new (message: string, parent?: Error) => ConnectionError> = {
  ECONNREFUSED: ConnectionRefusedError,
  ENOTFOUND: HostNotFoundError,
  EAI_AGAIN: HostNotFoundError,
  EHOSTUNREACH: HostNotReachableError,
  ENETUNREACH: HostNotReachableError,
  ETIMEDOUT: ConnectionTimedOutError,
};

export function mapConnectError(error: Error): ConnectionError {
  const code = (error as PgError).code;
  const ErrorClass = (code && CONNECT_ERRORS[code]) || ConnectionError;
  return new ErrorClass(error.message, error);
}

/** `Key (a, b)=(1, x) already exists.` → { a: '1', b: 'x' } */
export function parseKeyDetail(detail: string | undefined): Record<string, string> | undefined {
  const match = detail && /Key \((.*)\)=\((.*)\)/.exec(detail);
  if (!match) return undefined;
  const columns = match[1].split(', ');
  const values = match[2].split(', ');
  if (columns.length !== values.length) return { [match[1]]: match[2] };
  const fields: Record<string, string> = {};
  columns.forEach((column, i) => (fields[column.replace(/^"(.*)"$/, '$1')] = values[i]));
  return fields;
}

function attributeName(def: ModelDefinition | undefined, column: string): string {
  return def?.attributeList.find((a) => a.field === column)?.name ?? column;
}

export function mapQueryError(
  error: unknown,
  sql: string,
  parameters: readonly unknown[],
  def?: ModelDefinition,
): Error {
  if (error instanceof DriverAcquireTimeoutError)
    return new ConnectionAcquireTimeoutError(error.message, error.original);
  if (error instanceof DriverConnectError) return mapConnectError(error.original);
  if (!(error instanceof Error)) return new Error(String(error));
  const pg = error as PgError;
  if (!pg.code) return error;
  const details = { sql, parameters, parent: error, table: pg.table, index: pg.constraint };
  switch (pg.code) {
    case '23505': {
      const byColumn = parseKeyDetail(pg.detail) ?? {};
      const fields: Record<string, unknown> = {};
      const errors = Object.keys(byColumn).map((column) => {
        const path = attributeName(def, column);
        fields[path] = byColumn[column];
        return new ValidationErrorItem({
          message: `${path} must be unique`,
          type: 'unique violation',
          path,
          value: byColumn[column],
          validatorKey: 'not_unique',
        });
      });
      return new UniqueConstraintError({ ...details, fields, errors });
    }
    case '23503':
    case '23001': // restrict_violation: ON DELETE RESTRICT on PostgreSQL 16+
      return new ForeignKeyConstraintError({
        ...details,
        fields: parseKeyDetail(pg.detail),
        reltype: /is (still )?referenced/.test(pg.detail ?? '') ? 'parent' : 'child',
      });
    case '23P01':
      return new ExclusionConstraintError(details);
    case '23514':
      return new CheckConstraintError(details);
    case '57014':
      return new TimeoutError(details);
    default:
      if (pg.code.startsWith('08') || pg.code === '3D000' || pg.code === '28P01' || pg.code === '28000')
        return mapConnectError(error);
      return new DatabaseError(details);
  }
}
