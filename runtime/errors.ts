/** Error classes with Sequelize's names, so `err.name === 'SequelizeUniqueConstraintError'` checks keep working. */

export class BaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SequelizeBaseError';
  }
}

export interface ValidationErrorItemOptions {
  message: string;
  type: string;
  path: string;
  value: unknown;
  validatorKey?: string;
  /** CORE (notNull, string checks), FUNCTION (validators), DB (unique): Sequelize's origins. */
  origin?: 'CORE' | 'FUNCTION' | 'DB';
  /** The instance being validated, when there is one. */
  instance?: unknown;
  /** The built-in validator's name and arguments (null and [] for custom validators and core checks). */
  validatorName?: string;
  validatorArgs?: readonly unknown[];
}

export class ValidationErrorItem {
  readonly message: string;
  readonly type: string;
  readonly path: string;
  readonly value: unknown;
  readonly origin: 'CORE' | 'FUNCTION' | 'DB';
  readonly instance: unknown;
  readonly validatorKey: string | null;
  readonly validatorName: string | null;
  readonly validatorArgs: readonly unknown[];
  constructor(options: ValidationErrorItemOptions) {
    this.message = options.message;
    this.type = options.type;
    this.path = options.path;
    this.value = options.value;
    this.origin = options.origin ?? 'CORE';
    this.instance = options.instance ?? null;
    this.validatorKey = options.validatorKey ?? null;
    this.validatorName = options.validatorName ?? null;
    this.validatorArgs = options.validatorArgs ?? [];
  }
}

export class ValidationError extends BaseError {
  readonly errors: ValidationErrorItem[];
  constructor(message: string | undefined, errors: ValidationErrorItem[], options?: { cause?: unknown }) {
    super(message || errors.map((e) => `${e.type}: ${e.message}`).join(',\n') || 'Validation error', options);
    this.name = 'SequelizeValidationError';
    this.errors = errors;
  }
  /** The items for one attribute. */
  get(path: string): ValidationErrorItem[] {
    return this.errors.filter((e) => e.path === path);
  }
}

/** Details every error raised by a statement carries. */
export interface QueryErrorDetails {
  sql: string;
  parameters: readonly unknown[];
  parent: Error;
}

export class DatabaseError extends BaseError {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly parent: Error;
  readonly original: Error;
  /** PostgreSQL's SQLSTATE code (`23505`, ...), when the server sent one. */
  readonly code: string | undefined;
  constructor(details: QueryErrorDetails, message = details.parent.message) {
    super(message, { cause: details.parent });
    this.name = 'SequelizeDatabaseError';
    this.sql = details.sql;
    this.parameters = details.parameters;
    this.parent = details.parent;
    this.original = details.parent;
    this.code = (details.parent as { code?: string }).code;
  }
}

/** Sequelize makes this a ValidationError (message `Validation error`); it also carries the SQL. */
export class UniqueConstraintError extends ValidationError {
  readonly fields: Record<string, unknown>;
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly parent: Error;
  readonly original: Error;
  constructor(
    details: QueryErrorDetails & { fields: Record<string, unknown>; errors: ValidationErrorItem[] },
  ) {
    super('Validation error', details.errors, { cause: details.parent });
    this.name = 'SequelizeUniqueConstraintError';
    this.fields = details.fields;
    this.sql = details.sql;
    this.parameters = details.parameters;
    this.parent = details.parent;
    this.original = details.parent;
  }
}

export interface ConstraintDetails extends QueryErrorDetails {
  fields?: Record<string, unknown>;
  table?: string;
  index?: string;
}

export class ForeignKeyConstraintError extends DatabaseError {
  readonly fields: Record<string, unknown> | undefined;
  readonly table: string | undefined;
  readonly index: string | undefined;
  readonly reltype: 'parent' | 'child';
  constructor(details: ConstraintDetails & { reltype: 'parent' | 'child' }) {
    super(details);
    this.name = 'SequelizeForeignKeyConstraintError';
    this.fields = details.fields;
    this.table = details.table;
    this.index = details.index;
    this.reltype = details.reltype;
  }
}

export class ExclusionConstraintError extends DatabaseError {
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  constructor(details: ConstraintDetails) {
    super(details);
    this.name = 'SequelizeExclusionConstraintError';
    this.constraint = details.index;
    this.table = details.table;
  }
}

/** CHECK violations (Sequelize reports these as a plain DatabaseError; a subclass keeps that true). */
export class CheckConstraintError extends DatabaseError {
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  constructor(details: ConstraintDetails) {
    super(details);
    this.name = 'SequelizeCheckConstraintError';
    this.constraint = details.index;
    this.table = details.table;
  }
}

export class TimeoutError extends DatabaseError {
  constructor(details: QueryErrorDetails) {
    super(details);
    this.name = 'SequelizeTimeoutError';
  }
}

export class ConnectionError extends BaseError {
  readonly parent: Error | undefined;
  readonly original: Error | undefined;
  constructor(message: string, parent?: Error) {
    super(message, { cause: parent });
    this.name = 'SequelizeConnectionError';
    this.parent = parent;
    this.original = parent;
  }
}

export class ConnectionRefusedError extends ConnectionError {
  constructor(message: string, parent?: Error) {
    super(message, parent);
    this.name = 'SequelizeConnectionRefusedError';
  }
}

export class HostNotFoundError extends ConnectionError {
  constructor(message: string, parent?: Error) {
    super(message, parent);
    this.name = 'SequelizeHostNotFoundError';
  }
}

export class HostNotReachableError extends ConnectionError {
  constructor(message: string, parent?: Error) {
    super(message, parent);
    this.name = 'SequelizeHostNotReachableError';
  }
}

export class ConnectionTimedOutError extends ConnectionError {
  constructor(message: string, parent?: Error) {
    super(message, parent);
    this.name = 'SequelizeConnectionTimedOutError';
  }
}

/** Sequelize's name: no pooled connection became free within `pool.acquire` ms. */
export class ConnectionAcquireTimeoutError extends ConnectionError {
  constructor(message: string, parent?: Error) {
    super(message, parent);
    this.name = 'SequelizeConnectionAcquireTimeoutError';
  }
}

/**
 * Several errors at once (Sequelize's AggregateError, not the JS built-in): bulkCreate's
 * validation throws one with a BulkRecordError per invalid record.
 */
export class AggregateError extends BaseError {
  readonly errors: (AggregateError | Error)[];
  constructor(errors: (AggregateError | Error)[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'AggregateError';
    this.errors = errors;
  }
  /** Sequelize's text: `AggregateError of:` and each error indented. */
  override toString(): string {
    const lines = this.errors.map((error) =>
      error === this
        ? '[Circular AggregateError]'
        : error instanceof AggregateError
          ? String(error).replace(/\n$/, '').replace(/^/gm, '  ')
          : String(error).replace(/^/gm, '    ').substring(2),
    );
    return `AggregateError of:\n${lines.join('\n')}\n`;
  }
}

/** One record's failure in a bulk operation: `errors` is its error (a ValidationError), `record` the instance. */
export class BulkRecordError extends BaseError {
  errors: Error;
  record: unknown;
  constructor(error: Error, record: unknown) {
    super(error.message);
    this.name = 'SequelizeBulkRecordError';
    this.errors = error;
    this.record = record;
  }
}

export class EmptyResultError extends BaseError {
  constructor(message = 'Empty result') {
    super(message);
    this.name = 'SequelizeEmptyResultError';
  }
}

export class InstanceError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeInstanceError';
  }
}

/** Model.scope() with a scope the model does not have (Sequelize's SequelizeScopeError). */
export class ScopeError extends BaseError {
  constructor(message: string) {
    super(message);
    this.name = 'SequelizeScopeError';
  }
}
