/** The runtime's public API: Sequelize's model API on PostgreSQL (pg) or embedded PGlite. */
export { Sequelize } from './sequelize.js';
export { QueryTypes, type QueryType, type RawQueryOptions } from './query-types.js';
export type { SequelizeOptions, PoolOptions } from './connection-options.js';
export { Model } from './model.js';
export { ReadOnlyModel } from './read-only-model.js';
export { ReadableModel, type BuildOptions, type GetOptions, type ReloadOptions } from './readable-model.js';
export { DataTypes, DataType, type DataTypeKey, type DataTypeLike, type EnumOptions } from './data-types.js';
export { literal, Literal } from './literal.js';
export { fn, col, cast, where, and, or, json, Fn, Col, Cast, Where, type Expression } from './expressions.js';
export { Op, type OpTypes } from './operators.js';
export { Transaction, type IsolationLevel, type TransactionOptions } from './transaction.js';
export { planSync } from './plan-sync.js';
export { formatSyncPlan } from './alter/format-plan.js';
export { SyncAlterRefusedError } from './alter/sync-alter-refused-error.js';
export { refusedSteps, type SyncPlan, type SyncStep, type StepKind } from './alter/sync-plan.js';
export type { AlterOptions } from './alter/alter-options.js';
export { MODEL_MEMBER_NAMES } from './model-members.js';
export {
  Association,
  BelongsTo,
  HasOne,
  HasMany,
  BelongsToMany,
  AssociationError,
  EagerLoadingError,
  type AssociationType,
} from './associations/index.js';
export type * from './associations/association-options.js';
export type * from './associations/mixin-types.js';
export type * from './associations/include-types.js';
export {
  BaseError,
  ValidationError,
  ValidationErrorItem,
  DatabaseError,
  UniqueConstraintError,
  ForeignKeyConstraintError,
  ExclusionConstraintError,
  CheckConstraintError,
  TimeoutError,
  ConnectionError,
  ConnectionRefusedError,
  HostNotFoundError,
  HostNotReachableError,
  ConnectionTimedOutError,
  ConnectionAcquireTimeoutError,
  EmptyResultError,
  InstanceError,
  ScopeError,
  AggregateError,
  BulkRecordError,
} from './errors.js';
export type * from './types.js';
