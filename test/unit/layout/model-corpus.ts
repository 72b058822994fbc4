/**
 * Models for the layout tests: a seeded corpus that stresses every layout rule (long names, long
 * and odd strings, long unions, JSON defaults, enum objects, references), and the shapes a fuzz
 * run found.
 */
import type { AttributeIR, DataTypeIR, JsonValue, ModelIR, SchemaIR } from '../../../generator/ir';
import { attribute } from '../render/fixtures';

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function modelCorpus(seed: number, count: number): SchemaIR {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const WORDS = [
    'item',
    'order',
    'customer',
    'line',
    'status',
    'x',
    'a',
    'very',
    'long',
    'name',
    'history',
    'sales',
    'territory',
    'id',
  ];
  const camel = (words: number): string =>
    Array.from({ length: words }, (_, i) =>
      i === 0 ? pick(WORDS) : pick(WORDS).replace(/^./, (c) => c.toUpperCase()),
    ).join('');
  const TEXTS = [
    'draft',
    "it's",
    'say "hi"',
    'back\\slash',
    'café',
    '漢字',
    'emoji 🎉',
    'tab\there',
    'two\nlines',
    '*/ closes',
    'a',
    '',
  ];
  const text = (maxWords: number): string =>
    Array.from({ length: int(1, maxWords) }, () => pick(TEXTS)).join(' ');
  const json = (depth: number): JsonValue => {
    const kind = depth > 2 ? int(0, 3) : int(0, 6);
    if (kind === 0) return pick([0, 1, -5, 1.5, 1e21, 0.000001, 12345678901]);
    if (kind === 1) return text(6);
    if (kind === 2) return pick([true, false, null]);
    if (kind === 3) return [];
    if (kind === 4) return Array.from({ length: int(1, 14) }, () => int(0, 1e9));
    if (kind === 5) return Array.from({ length: int(1, 4) }, () => json(depth + 1));
    const keys = Array.from({ length: int(1, 4) }, () => (chance(0.1) ? 'needs-quotes' : camel(int(1, 3))));
    return Object.fromEntries(keys.map((key) => [key, json(depth + 1)]));
  };
  const enumType = (): DataTypeIR => ({
    kind: 'ENUM',
    values: Array.from({ length: int(1, 12) }, () => text(3)),
    ...(chance(0.5)
      ? {
          typeName: `${camel(int(1, 4)).toLowerCase()}_type`,
          ...(chance(0.5) ? { typeSchema: 'public' } : {}),
        }
      : {}),
  });
  const scalar = (): DataTypeIR =>
    pick<() => DataTypeIR>([
      () => ({
        kind: 'STRING',
        ...(chance(0.5) ? { length: int(1, 500) } : {}),
        ...(chance(0.2) ? { binary: true } : {}),
      }),
      () => ({ kind: 'TEXT' }),
      () => ({ kind: 'INTEGER' }),
      () => ({ kind: 'BIGINT' }),
      () => ({ kind: 'DECIMAL', precision: int(1, 38), scale: int(0, 10) }),
      () => ({ kind: 'BOOLEAN' }),
      () => ({ kind: 'DATE', ...(chance(0.3) ? { withoutTimeZone: true, precision: int(0, 6) } : {}) }),
      () => ({ kind: 'JSONB' }),
      () => ({ kind: 'UUID' }),
      () => ({
        kind: 'CUSTOM',
        sql: pick([
          'interval',
          'tsvector',
          'character varying(30)[]',
          'numeric(1000, 20) with a very long custom type text',
        ]),
      }),
      enumType,
    ])();
  const dataType = (): DataTypeIR =>
    chance(0.15)
      ? { kind: 'ARRAY', element: chance(0.3) ? { kind: 'ARRAY', element: scalar() } : scalar() }
      : scalar();
  const attributeOf = (name: string, primaryKey: boolean): AttributeIR => {
    const type = dataType();
    const isString = type.kind === 'STRING' || type.kind === 'TEXT';
    return attribute({
      name,
      field: chance(0.4) ? `${name.toLowerCase()}_${camel(int(1, 6)).toLowerCase()}` : name,
      type,
      allowNull: !primaryKey && chance(0.5),
      primaryKey,
      autoIncrement: primaryKey && chance(0.5),
      unique: chance(0.1) ? (chance(0.5) ? true : `${name}_unique_constraint_with_a_long_name`) : false,
      ...(chance(0.3) ? { comment: text(chance(0.3) ? 30 : 4) } : {}),
      ...(chance(0.3)
        ? {
            defaultValue: pick([
              {
                kind: 'sql',
                sql: pick([
                  'now()',
                  "nextval('some_very_long_sequence_name_for_this_table_id_seq'::regclass)",
                ]),
              },
              { kind: 'UUIDV4' },
              { kind: 'NOW' },
              { kind: 'literal', value: json(0) },
            ] as const),
          }
        : {}),
      ...(chance(0.15)
        ? {
            references: {
              table: camel(int(1, 5)),
              key: 'id',
              ...(chance(0.5) ? { schema: 'sales' } : {}),
              ...(chance(0.3) ? { onDelete: 'CASCADE' as const } : {}),
            },
          }
        : {}),
      ...(isString && chance(0.2) ? { checkValues: Array.from({ length: int(1, 10) }, () => text(2)) } : {}),
      ...(chance(0.05) ? { generated: pick(['identity-always', 'computed'] as const) } : {}),
    });
  };
  const models = Array.from({ length: count }, (_, index): ModelIR => {
    const name = `M${index}${camel(int(0, 8)).replace(/^./, (c) => c.toUpperCase())}`;
    const names = [...new Set(Array.from({ length: int(1, 12) }, () => camel(int(1, chance(0.1) ? 12 : 3))))];
    const timestamps = chance(0.5);
    return {
      name,
      tableName: `${name.toLowerCase()}s`,
      kind: chance(0.1) ? 'view' : 'table',
      ...(chance(0.3) ? { schema: 'sales' } : {}),
      options: {
        explicitTableName: true,
        freezeTableName: false,
        underscored: chance(0.2),
        timestamps,
        createdAt: timestamps && chance(0.3) ? 'created_on' : 'createdAt',
        updatedAt: timestamps && chance(0.3) ? false : 'updatedAt',
      },
      ...(chance(0.5) ? { comment: text(chance(0.3) ? 25 : 4) } : {}),
      attributes: names.map((attributeName, position) =>
        attributeOf(attributeName, position === 0 && chance(0.9)),
      ),
      members: [],
    } as ModelIR;
  });
  return { source: { kind: 'yaml', path: 'schema.yaml' }, models };
}

/** Unicode names (keys prettier would unquote, or measure two columns wide), a lone carriage return in a comment, a model without attributes. */
export function fuzzFoundShapes(): SchemaIR {
  const model = (name: string, attributes: AttributeIR[], comment?: string): ModelIR =>
    ({
      name,
      tableName: `${name}s`,
      kind: 'table',
      options: {
        explicitTableName: true,
        freezeTableName: false,
        underscored: false,
        timestamps: true,
        createdAt: 'createdAt',
        updatedAt: 'updatedAt',
      },
      ...(comment === undefined ? {} : { comment }),
      attributes,
      members: [],
    }) as ModelIR;
  return {
    source: { kind: 'yaml', path: 'schema.yaml' },
    models: [
      // Keys prettier would unquote (é, 漢字漢) or keep quoted (a𝑥, outside the BMP) had they been quoted; 漢 is two columns wide.
      model('Ä', [
        attribute({ name: 'é', type: { kind: 'STRING' } }),
        attribute({
          name: '漢字漢',
          type: { kind: 'JSONB' },
          defaultValue: { kind: 'literal', value: { 漢字: 1, key: 'a'.repeat(70) } },
        }),
        attribute({ name: 'a𝑥', type: { kind: 'TEXT' } }),
      ]),
      model(
        'Carriage',
        [attribute({ name: 'note', type: { kind: 'STRING' }, comment: 'before\rafter\r\nend' })],
        'one\rtwo',
      ),
      model('Bare', []),
    ],
  };
}
