import type { DataTypeIR } from '../../../generator/ir';
import { flatExpression } from '../../../generator/layout/expression';
import { dataTypeExpression, tsTypeOf } from '../../../generator/render/type-map';

const cases: [DataTypeIR, string, string][] = [
  [{ kind: 'STRING' }, 'string', 'DataTypes.STRING'],
  [{ kind: 'STRING', length: 100 }, 'string', 'DataTypes.STRING(100)'],
  [{ kind: 'STRING', binary: true }, 'Buffer', 'DataTypes.STRING.BINARY'],
  [{ kind: 'STRING', length: 50, binary: true }, 'Buffer', 'DataTypes.STRING(50).BINARY'],
  [{ kind: 'CHAR', length: 8 }, 'string', 'DataTypes.CHAR(8)'],
  [{ kind: 'TEXT' }, 'string', 'DataTypes.TEXT'],
  [{ kind: 'TEXT', variant: 'tiny' }, 'string', 'DataTypes.TEXT("tiny")'],
  [{ kind: 'CITEXT' }, 'string', 'DataTypes.CITEXT'],
  [{ kind: 'SMALLINT' }, 'number', 'DataTypes.SMALLINT'],
  [{ kind: 'INTEGER' }, 'number', 'DataTypes.INTEGER'],
  [{ kind: 'BIGINT' }, 'NumericString', 'DataTypes.BIGINT'],
  [{ kind: 'BIGINT', length: 11 }, 'NumericString', 'DataTypes.BIGINT(11)'],
  [{ kind: 'FLOAT' }, 'number', 'DataTypes.FLOAT'],
  [{ kind: 'FLOAT', precision: 8 }, 'number', 'DataTypes.FLOAT(8)'],
  [{ kind: 'FLOAT', precision: 8, scale: 2 }, 'number', 'DataTypes.FLOAT(8, 2)'],
  [{ kind: 'REAL' }, 'number', 'DataTypes.REAL'],
  [{ kind: 'DOUBLE', precision: 12, scale: 4 }, 'number', 'DataTypes.DOUBLE(12, 4)'],
  [{ kind: 'DECIMAL', precision: 10, scale: 2 }, 'NumericString', 'DataTypes.DECIMAL(10, 2)'],
  [{ kind: 'BOOLEAN' }, 'boolean', 'DataTypes.BOOLEAN'],
  [{ kind: 'DATE' }, 'Date', 'DataTypes.DATE'],
  [{ kind: 'DATE', precision: 6 }, 'Date', 'DataTypes.DATE(6)'],
  [{ kind: 'DATE', withoutTimeZone: true }, 'Date', 'DataTypes.CUSTOM("timestamp without time zone")'],
  [{ kind: 'DATEONLY' }, 'string', 'DataTypes.DATEONLY'],
  [{ kind: 'TIME' }, 'string', 'DataTypes.TIME'],
  [{ kind: 'UUID' }, 'string', 'DataTypes.UUID'],
  [{ kind: 'JSON' }, 'JsonValue', 'DataTypes.JSON'],
  [{ kind: 'JSONB' }, 'JsonValue', 'DataTypes.JSONB'],
  [{ kind: 'BLOB' }, 'Buffer', 'DataTypes.BLOB'],
  [{ kind: 'INET' }, 'string', 'DataTypes.INET'],
  [{ kind: 'TSVECTOR' }, 'string', 'DataTypes.TSVECTOR'],
  [{ kind: 'ENUM', values: ['a', "it's"] }, '"a" | "it\'s"', 'DataTypes.ENUM("a", "it\'s")'],
  [
    { kind: 'ENUM', values: ['G', 'PG'], typeName: 'mpaa_rating', typeSchema: 'public' },
    '"G" | "PG"',
    'DataTypes.ENUM({ values: ["G", "PG"], name: "mpaa_rating", schema: "public" })',
  ],
  [{ kind: 'ARRAY', element: { kind: 'TEXT' } }, 'string[]', 'DataTypes.ARRAY(DataTypes.TEXT)'],
  [
    { kind: 'ARRAY', element: { kind: 'ENUM', values: ['x', 'y'] } },
    '("x" | "y")[]',
    'DataTypes.ARRAY(DataTypes.ENUM("x", "y"))',
  ],
  [
    { kind: 'ARRAY', element: { kind: 'ARRAY', element: { kind: 'INTEGER' } } },
    'number[][]',
    'DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INTEGER))',
  ],
  [{ kind: 'CUSTOM', sql: 'interval' }, 'string', 'DataTypes.CUSTOM("interval")'],
];

describe('type map', () => {
  it.each(cases)('%j → %s, %s', (type, tsType, expression) => {
    expect(tsTypeOf(type)).toBe(tsType);
    expect(flatExpression(dataTypeExpression(type))).toBe(expression);
  });

  it('narrows a string column to the literals its CHECK allows', () => {
    expect(tsTypeOf({ kind: 'TEXT' }, ['draft', 'published'])).toBe('"draft" | "published"');
    // A CHECK on a number column keeps the number type.
    expect(tsTypeOf({ kind: 'INTEGER' }, ['1', '2'])).toBe('number');
  });
});
