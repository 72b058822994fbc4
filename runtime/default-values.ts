/** JS-side default values: UUIDV1, UUIDV4, NOW, functions, and per-instance copies of literals. */
import { randomBytes, randomUUID } from 'node:crypto';
import { DefaultMarker } from './data-types.js';
import { Literal } from './literal.js';

/** How a default is produced, decided once at init so build() only switches on a number. */
export const DefaultKind = {
  /** A primitive: assigned as is. */
  Value: 0,
  /** An object, array or Date: deep-copied per instance so instances never share it. */
  Copy: 1,
  /** A function, UUIDV1/UUIDV4/NOW: called per instance. */
  Call: 2,
  /** literal('sql'): the database fills it; the INSERT omits the column. */
  Database: 3,
} as const;
export type DefaultKind = (typeof DefaultKind)[keyof typeof DefaultKind];

export interface DefaultSpec {
  readonly kind: DefaultKind;
  readonly value: unknown;
}

/** typeKey: the attribute's DataType key (NOW on a DATEONLY gives today's local date). */
export function describeDefault(value: unknown, typeKey?: string): DefaultSpec {
  if (value instanceof Literal) return { kind: DefaultKind.Database, value };
  if (value instanceof DefaultMarker)
    return { kind: DefaultKind.Call, value: markerFunction(value, typeKey) };
  if (typeof value === 'function') return { kind: DefaultKind.Call, value };
  if (value !== null && typeof value === 'object') return { kind: DefaultKind.Copy, value };
  return { kind: DefaultKind.Value, value };
}

function markerFunction(marker: DefaultMarker, typeKey: string | undefined): () => unknown {
  if (marker.key === 'UUIDV4') return randomUUID;
  if (marker.key === 'UUIDV1') return uuidV1;
  if (typeKey === 'DATEONLY') return () => localDateText(new Date());
  return () => new Date();
}

/** 'YYYY-MM-DD' in local time, as Sequelize's DATEONLY sanitiser (moment(value).format('YYYY-MM-DD')). */
export function localDateText(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Deep copy of JSON-like data (plus Date and Buffer); cheaper than structuredClone for small values. */
export function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (Array.isArray(value)) return value.map(copyValue);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setOwnKey(out, key, copyValue((value as Record<string, unknown>)[key]));
  return out;
}

/** `target[key] = value` as an own key, also for `__proto__` (assigning which would replace the prototype). */
export function setOwnKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

// RFC 4122 version 1: 60-bit timestamp in 100 ns units since 1582-10-15, a clock sequence and a
// random node id (multicast bit set, as the RFC asks for ids not taken from a network card).
const GREGORIAN_OFFSET_MS = 12219292800000;
let clockSeq = randomBytes(2).readUInt16BE(0) & 0x3fff;
const node = randomBytes(6);
node[0] |= 0x01;
let lastMs = 0;
let lastNs = 0;

export function uuidV1(): string {
  let ms = Date.now();
  let ns = ms === lastMs ? lastNs + 1 : 0;
  if (ms < lastMs) clockSeq = (clockSeq + 1) & 0x3fff;
  if (ns >= 10000) {
    // More than 10,000 ids in one millisecond: borrow from the next millisecond.
    ms += 1;
    ns = 0;
  }
  lastMs = ms;
  lastNs = ns;
  // The 60-bit count exceeds 2^53, so it is computed in two halves (as the uuid package does).
  const msecs = ms + GREGORIAN_OFFSET_MS;
  const timeLow = ((msecs & 0xfffffff) * 10000 + ns) % 0x100000000;
  const timeHigh = ((msecs / 0x100000000) * 10000) & 0xfffffff;
  const bytes = Buffer.alloc(16);
  bytes.writeUInt32BE(timeLow >>> 0, 0);
  bytes.writeUInt16BE(timeHigh & 0xffff, 4);
  bytes.writeUInt16BE(((timeHigh >>> 16) & 0x0fff) | 0x1000, 6);
  bytes.writeUInt16BE(clockSeq | 0x8000, 8);
  node.copy(bytes, 10);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
