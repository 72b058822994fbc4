/**
 * Outcomes as comparable JSON: an instance becomes its state (toJSON, changed(), isNewRecord,
 * primary key), an error its class and the fields that say what failed; values that differ
 * between two correct runs (the time of the run, random UUIDs) become stable markers.
 * Runs inside the child program on both sides, with no import but its siblings.
 */

/** What a model instance looks like to the comparison, on either runtime. */
export interface InstanceLike {
  readonly isNewRecord: boolean;
  readonly dataValues: Record<string, unknown>;
  toJSON(): Record<string, unknown>;
  changed(): false | string[];
  get(key: string): unknown;
  readonly constructor: { readonly name: string; readonly primaryKeyAttributes?: readonly string[] };
}

export function isInstance(value: unknown): value is InstanceLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'dataValues' in value &&
    'isNewRecord' in value &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Timestamps the run itself made (now(), NOW defaults, updatedAt) are within this of the run. */
const RUN_WINDOW_MS = 60 * 60 * 1000;

/** Per side: UUIDs numbered in order of first appearance, which both sides share (the scenarios are deterministic). */
export class Normalizer {
  private readonly uuids = new Map<string, string>();

  value(value: unknown): unknown {
    if (value === undefined) return '<undefined>';
    if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'string') return this.text(value);
    if (value instanceof Date) return this.date(value);
    if (Buffer.isBuffer(value)) return `<buffer ${value.toString('hex')}>`;
    if (isInstance(value)) return this.instance(value);
    if (value instanceof Error) return error(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.value(v)]);
      return Object.fromEntries(entries.sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
    }
    return `<${typeof value}>`;
  }

  /** An instance's state after a call: what a caller can observe of it. */
  instance(instance: InstanceLike): Record<string, unknown> {
    const keys = instance.constructor.primaryKeyAttributes ?? [];
    const changed = instance.changed();
    return {
      model: instance.constructor.name,
      json: sortIncluded(this.value(instance.toJSON())),
      changed: changed === false ? false : [...changed].sort(),
      isNewRecord: instance.isNewRecord,
      primaryKey: this.value(Object.fromEntries(keys.map((key) => [key, instance.get(key)]))),
    };
  }

  private text(value: string): string {
    if (!UUID.test(value)) return value;
    const known = this.uuids.get(value.toLowerCase());
    if (known) return known;
    const marker = `<uuid ${this.uuids.size + 1}>`;
    this.uuids.set(value.toLowerCase(), marker);
    return marker;
  }

  private date(value: Date): string {
    if (Number.isNaN(value.getTime())) return '<invalid date>';
    return Math.abs(Date.now() - value.getTime()) < RUN_WINDOW_MS ? '<now>' : value.toISOString();
  }
}

/** A ValidationErrorItem by path, type and validator; a BulkRecordError (AggregateError's items) by the error it holds. */
function describeItem(item: {
  path?: unknown;
  type?: unknown;
  validatorKey?: unknown;
  errors?: unknown;
}): string {
  if (item.errors instanceof Error) {
    const inner = error(item.errors);
    return `${(item as object).constructor.name}: ${String(inner.error)} [${((inner.errors as string[]) ?? []).join(', ')}]`;
  }
  return `${String(item.path)} ${String(item.type)} ${String(item.validatorKey)}`;
}

/** An error by class, with what Sequelize's error classes carry about the cause. */
export function error(caught: unknown): Record<string, unknown> {
  if (!(caught instanceof Error)) return { error: `<thrown ${typeof caught}>` };
  const described: Record<string, unknown> = { error: caught.constructor.name };
  const detail = caught as Error & {
    errors?: { path?: unknown; type?: unknown; validatorKey?: unknown }[];
    fields?: unknown;
  };
  if (Array.isArray(detail.errors)) {
    described.errors = detail.errors.map(describeItem).sort();
  }
  if (detail.fields === null) described.fields = null;
  else if (detail.fields !== undefined) {
    described.fields = Array.isArray(detail.fields)
      ? [...(detail.fields as unknown[])].map(String).sort()
      : Object.keys(detail.fields as object).sort();
  }
  return described;
}

/**
 * The rows of an included association come in no specified order without an `order` (each
 * runtime's query picks one), so arrays of objects inside an instance's JSON are compared sorted.
 */
function sortIncluded(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortIncluded);
    if (!items.every((item) => typeof item === 'object' && item !== null)) return items;
    return items.sort((a, b) => {
      const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortIncluded(v)]));
  return value;
}
