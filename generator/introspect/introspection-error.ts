/**
 * The one error `introspectDatabase` throws: a single line that says what went wrong and what
 * to do, with the driver's error kept as `cause`.
 */
import { GenModelsError } from '../errors.js';

export type IntrospectionErrorCode = 'connection' | 'permission' | 'no-tables' | 'query';

export class IntrospectionError extends GenModelsError {
  override readonly name = 'IntrospectionError';

  constructor(
    message: string,
    readonly code: IntrospectionErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** SQLSTATE classes and Node socket errors that mean "could not reach or log in to the server". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** Maps a driver error (pg or PGlite) to an IntrospectionError with a one-line message. */
export function toIntrospectionError(error: unknown): IntrospectionError {
  if (error instanceof IntrospectionError) return error;
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = firstLine(typeof e.message === 'string' && e.message ? e.message : String(error));
  if (code === '42501') {
    return new IntrospectionError(
      `permission denied: ${detail} (connect as a role with CONNECT on the database)`,
      'permission',
      { cause: error },
    );
  }
  if (
    CONNECTION_CODES.has(code) ||
    code.startsWith('08') ||
    code === '28P01' ||
    code === '28000' ||
    code === '3D000'
  ) {
    return new IntrospectionError(`cannot connect to the database: ${detail}`, 'connection', {
      cause: error,
    });
  }
  return new IntrospectionError(`introspection query failed: ${detail}`, 'query', { cause: error });
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
